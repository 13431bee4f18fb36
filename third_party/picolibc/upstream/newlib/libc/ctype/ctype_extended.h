/*
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Copyright © 2024 Keith Packard
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 * 1. Redistributions of source code must retain the above copyright
 *    notice, this list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above
 *    copyright notice, this list of conditions and the following
 *    disclaimer in the documentation and/or other materials provided
 *    with the distribution.
 *
 * 3. Neither the name of the copyright holder nor the names of its
 *    contributors may be used to endorse or promote products derived
 *    from this software without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
 * "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
 * LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS
 * FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
 * COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT,
 * INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
 * HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT,
 * STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
 * ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED
 * OF THE POSSIBILITY OF SUCH DAMAGE.
 */

/* This file is auto-generated from mkctype-extended.py */

#define _CTYPE_ISO_8859_1_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_1_255 _L
#define _CTYPE_ISO_8859_2_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _P,      _U,      _P,      _U,      _U,      _P, \
        _P,      _U,      _U,      _U,      _U,      _P,      _U,      _U, \
        _P,      _L,      _P,      _L,      _P,      _L,      _L,      _U|_L, \
        _P,      _L,      _L,      _L,      _L,      _P,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_2_255 _P
#define _CTYPE_ISO_8859_3_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _P,      _P,      _P,       0,      _U,      _P, \
        _P,      _U,      _U,      _U,      _U,      _P,       0,      _U, \
        _P,      _L,      _P,      _P,      _P,      _L,      _L,      _P, \
        _P,      _L,      _L,      _L,      _L,      _P,       0,      _L, \
        _U,      _U,      _U,       0,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
         0,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,       0,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
         0,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_3_255 _P
#define _CTYPE_ISO_8859_4_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _L,      _U,      _P,      _U,      _U,      _P, \
        _P,      _U,      _U,      _U,      _U,      _P,      _U,      _P, \
        _P,      _L,      _P,      _L,      _P,      _L,      _L,      _U|_L, \
        _P,      _L,      _L,      _L,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_4_255 _P
#define _CTYPE_ISO_8859_5_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _P,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _P,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _P,      _L
#define _CTYPE_ISO_8859_5_255 _L
#define _CTYPE_ISO_8859_6_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,       0,       0,       0,      _P,       0,       0,       0, \
         0,       0,       0,       0,      _P,      _P,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,      _P,       0,       0,       0,      _P, \
         0,      _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,       0,       0,       0, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0
#define _CTYPE_ISO_8859_6_255  0
#define _CTYPE_ISO_8859_7_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,       0,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _U,      _P, \
        _U,      _U,      _U,      _P,      _U,      _P,      _U,      _U, \
        _L,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,       0,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_7_255  0
#define _CTYPE_ISO_8859_8_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,       0,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,      _P,      _P
#define _CTYPE_ISO_8859_8_255  0
#define _CTYPE_ISO_8859_9_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_9_255 _L
#define _CTYPE_ISO_8859_10_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _P,      _U,      _U, \
        _P,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _P,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_10_255 _L
#define _CTYPE_ISO_8859_11_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,       0,       0,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P, \
        _P,      _P,      _P,      _P,      _P,      _U|_L,   _P,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _P,      _P,       0,       0,       0
#define _CTYPE_ISO_8859_11_255  0
#define _CTYPE_ISO_8859_13_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U,      _P,      _U,      _P,      _P,      _P,      _P,      _U, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _L,      _P,      _L,      _P,      _P,      _P,      _P,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_13_255 _P
#define _CTYPE_ISO_8859_14_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _L,      _P,      _U,      _L,      _U,      _P, \
        _U,      _P,      _U,      _L,      _U,      _P,      _P,      _U, \
        _U,      _L,      _U,      _L,      _U,      _L,      _P,      _U, \
        _L,      _L,      _L,      _U,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_14_255 _L
#define _CTYPE_ISO_8859_15_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _P,      _P,      _P,      _P,      _P,      _U,      _P, \
        _L,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _U,      _L,      _P,      _P, \
        _L,      _P,      _L,      _P,      _U,      _L,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_15_255 _L
#define _CTYPE_ISO_8859_16_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _P,      _U,      _L,      _U,      _P,      _P,      _U,      _P, \
        _L,      _P,      _U,      _P,      _U,      _P,      _L,      _U, \
        _P,      _P,      _U,      _L,      _U,      _P,      _P,      _P, \
        _L,      _L,      _L,      _P,      _U,      _L,      _U,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_ISO_8859_16_255 _L
#define _CTYPE_SJIS_128_254 \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0
#define _CTYPE_SJIS_255  0
#define _CTYPE_EUCJP_128_254 \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,       0,       0, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
        _C,      _C,      _C,      _C,      _C,      _C,      _C,      _C, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,       0,       0,       0,       0,       0,       0
#define _CTYPE_EUCJP_255  0
#define _CTYPE_GEORGIAN_PS_128_254 \
        _C,      _C,      _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,      _U,      _P,      _U,      _C,      _C,      _C, \
        _C,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _L,      _C,      _C,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_GEORGIAN_PS_255 _L
#define _CTYPE_PT154_128_254 \
        _U,      _U,      _U,      _L,      _P,      _P,      _U,      _U, \
        _U,      _L,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _P,      _U,      _L,      _U,      _U,      _U,      _U,      _P, \
        _U,      _P,      _U,      _P,      _P,      _L,      _P,      _U, \
        _P,      _L,      _U,      _L,      _L,      _L,      _P,      _P, \
        _L,      _P,      _L,      _P,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_PT154_255 _L
#define _CTYPE_KOI8_T_128_254 \
        _L,      _L,      _P,      _U,      _P,      _P,      _P,      _P, \
         0,      _P,      _L,      _P,      _U,      _L,      _U,       0, \
        _U,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,      _P,       0,      _P,       0,       0,       0,       0, \
         0,      _L,      _U,      _L,      _P,      _L,      _P,      _P, \
         0,       0,       0,      _P,      _P,      _P,      _P,       0, \
        _P,      _P,      _P,      _U,       0,      _U,      _P,      _P, \
         0,      _P,       0,      _P,       0,       0,       0,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U
#define _CTYPE_KOI8_T_255 _U
#define _CTYPE_CP437_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _U,      _U, \
        _U,      _L,      _U,      _L,      _L,      _L,      _L,      _L, \
        _L,      _U,      _U,      _P,      _P,      _P,      _P,      _L, \
        _L,      _L,      _L,      _L,      _L,      _U,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _U,      _L,      _U,      _L,      _L,      _L, \
        _U,      _U,      _U,      _L,      _P,      _L,      _L,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _L,      _P,      _P
#define _CTYPE_CP437_255 _P
#define _CTYPE_CP720_128_254 \
        _C,      _C,      _L,      _L,      _C,      _L,      _C,      _L, \
        _L,      _L,      _L,      _L,      _L,      _C,      _C,      _C, \
        _C,      _U|_L,   _U|_L,   _L,      _P,      _U|_L,   _L,      _L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P,      _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _L,      _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _P,      _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P, \
        _P,      _P,      _P,      _P,      _L,      _P,      _P
#define _CTYPE_CP720_255 _P
#define _CTYPE_CP737_128_254 \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _P,      _P,      _P,      _U,      _U,      _P,      _P, \
        _P,      _P,      _P,      _P,      _L,      _P,      _P
#define _CTYPE_CP737_255 _P
#define _CTYPE_CP775_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _U,      _L,      _L,      _U,      _U,      _U, \
        _U,      _L,      _U,      _L,      _L,      _U,      _P,      _U, \
        _L,      _U,      _U,      _L,      _P,      _U,      _P,      _P, \
        _U,      _U,      _L,      _U,      _L,      _L,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _U,      _U, \
        _U,      _P,      _P,      _P,      _P,      _U,      _U,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _U,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U,      _L,      _U,      _U,      _L,      _U,      _L,      _L, \
        _U,      _L,      _U,      _L,      _L,      _U,      _U,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP775_255 _P
#define _CTYPE_CP850_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _U,      _U, \
        _U,      _L,      _U,      _L,      _L,      _L,      _L,      _L, \
        _L,      _U,      _U,      _L,      _P,      _U,      _P,      _L, \
        _L,      _L,      _L,      _L,      _L,      _U,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _U,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _L,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _U,      _U,      _U,      _U,      _L,      _U,      _U, \
        _U,      _P,      _P,      _P,      _P,      _P,      _U,      _P, \
        _U,      _L,      _U,      _U,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _L,      _U,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP850_255 _P
#define _CTYPE_CP852_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _U,      _L,      _L,      _U,      _U,      _U, \
        _U,      _U,      _L,      _L,      _L,      _U,      _L,      _U, \
        _L,      _U,      _U,      _U,      _L,      _U,      _P,      _L, \
        _L,      _L,      _L,      _L,      _U,      _L,      _U,      _L, \
        _U,      _L,      _P,      _L,      _U,      _L,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _U,      _U, \
        _U,      _P,      _P,      _P,      _P,      _U,      _L,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _U,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _U,      _U,      _U,      _L,      _U,      _U,      _U, \
        _L,      _P,      _P,      _P,      _P,      _U,      _U,      _P, \
        _U,      _L,      _U,      _U,      _L,      _L,      _U,      _L, \
        _U,      _U,      _L,      _U,      _L,      _U,      _L,      _P, \
        _P,      _P,      _P,      _U|_L,   _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _L,      _U,      _L,      _P
#define _CTYPE_CP852_255 _P
#define _CTYPE_CP855_128_254 \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _U,      _L,      _U,      _L,      _U,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _U,      _L, \
        _U,      _P,      _P,      _P,      _P,      _L,      _U,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _L,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _U,      _L,      _U,      _L,      _U,      _L,      _U, \
        _L,      _P,      _P,      _P,      _P,      _U,      _L,      _P, \
        _U,      _L,      _U,      _L,      _U,      _L,      _U,      _L, \
        _U,      _L,      _U,      _L,      _U,      _L,      _U,      _P, \
        _P,      _L,      _U,      _L,      _U,      _L,      _U,      _L, \
        _U,      _L,      _U,      _L,      _U,      _P,      _P
#define _CTYPE_CP855_255 _P
#define _CTYPE_CP857_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _U,      _U, \
        _U,      _L,      _U,      _L,      _L,      _L,      _L,      _L, \
        _U,      _U,      _U,      _L,      _P,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _U,      _U,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _U,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _L,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _U,      _U,      _U,       0,      _U,      _U, \
        _U,      _P,      _P,      _P,      _P,      _P,      _U,      _P, \
        _U,      _L,      _U,      _U,      _L,      _U,      _L,       0, \
        _P,      _U,      _U,      _U,      _L,      _L,      _P,      _P, \
        _P,      _P,       0,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP857_255 _P
#define _CTYPE_CP858_128_254 \
        _U,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _U,      _U, \
        _U,      _L,      _U,      _L,      _L,      _L,      _L,      _L, \
        _L,      _U,      _U,      _L,      _P,      _U,      _P,      _L, \
        _L,      _L,      _L,      _L,      _L,      _U,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _U,      _U,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _L,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _U,      _U,      _U,      _U,      _P,      _U,      _U, \
        _U,      _P,      _P,      _P,      _P,      _P,      _U,      _P, \
        _U,      _L,      _U,      _U,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _L,      _U,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP858_255 _P
#define _CTYPE_CP862_128_254 \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _P,      _P,      _P,      _P,      _L, \
        _L,      _L,      _L,      _L,      _L,      _U,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _U,      _L,      _U,      _L,      _L,      _L, \
        _U,      _U,      _U,      _L,      _P,      _L,      _L,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _L,      _P,      _P
#define _CTYPE_CP862_255 _P
#define _CTYPE_CP866_128_254 \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _U,      _L,      _U,      _L,      _U,      _L,      _U,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP866_255 _P
#define _CTYPE_CP874_128_254 \
        _P,       0,       0,       0,       0,      _P,       0,       0, \
         0,       0,       0,       0,       0,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,       0,       0,       0,       0,       0,       0,       0, \
        _P,      _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,       0,       0,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P, \
        _P,      _P,      _P,      _P,      _P,      _U|_L,   _P,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _P,      _P,       0,       0,       0
#define _CTYPE_CP874_255  0
#define _CTYPE_CP1125_128_254 \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _U,      _L,      _U,      _L,      _U,      _L,      _U,      _L, \
        _U,      _L,      _P,      _P,      _P,      _P,      _P
#define _CTYPE_CP1125_255 _P
#define _CTYPE_CP1250_128_254 \
        _P,       0,      _P,       0,      _P,      _P,      _P,      _P, \
         0,      _P,      _U,      _P,      _U,      _U,      _U,      _U, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,      _P,      _L,      _P,      _L,      _L,      _L,      _L, \
        _P,      _U|_L,   _P,      _U,      _P,      _U,      _P,      _P, \
        _P,      _P,      _U,      _P,      _P,      _P,      _P,      _U, \
        _P,      _P,      _P,      _L,      _P,      _L,      _P,      _P, \
        _P,      _L,      _L,      _P,      _U,      _P,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1250_255 _P
#define _CTYPE_CP1251_128_254 \
        _U,      _U,      _P,      _L,      _P,      _P,      _P,      _P, \
        _P,      _P,      _U,      _P,      _U,      _U,      _U,      _U, \
        _L,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,      _P,      _L,      _P,      _L,      _L,      _L,      _L, \
        _P,      _U,      _L,      _U,      _P,      _U,      _P,      _P, \
        _U,      _P,      _U,      _P,      _P,      _P,      _P,      _U, \
        _P,      _P,      _U,      _L,      _L,      _L,      _P,      _P, \
        _L,      _P,      _L,      _P,      _L,      _U,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1251_255 _L
#define _CTYPE_CP1252_128_254 \
        _P,       0,      _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,      _U,      _P,      _U,       0,      _U,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _L,       0,      _L,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1252_255 _L
#define _CTYPE_CP1253_128_254 \
        _P,       0,      _P,      _L,      _P,      _P,      _P,      _P, \
         0,      _P,       0,      _P,       0,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,      _P,       0,      _P,       0,       0,       0,       0, \
        _P,      _P,      _U,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,       0,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _U,      _U,      _U,      _P,      _U,      _P,      _U,      _U, \
        _L,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,       0,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1253_255  0
#define _CTYPE_CP1254_128_254 \
        _P,       0,      _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,      _U,      _P,      _U,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _L,       0,       0,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1254_255 _L
#define _CTYPE_CP1255_128_254 \
        _P,       0,      _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,       0,      _P,       0,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,       0,      _P,       0,       0,       0,       0, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,    0,      _U|_L,   _U|_L,   _U|_L,   _P,      _U|_L, \
        _P,      _U|_L,   _U|_L,   _P,      _U|_L,   _U|_L,   _U|_L,   _P, \
        _P,       0,       0,       0,       0,       0,       0,       0, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,    0,       0,      _P,      _P
#define _CTYPE_CP1255_255  0
#define _CTYPE_CP1256_128_254 \
        _P,      _U|_L,   _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,      _U|_L,   _P,      _U,      _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,      _U|_L,   _P,      _L,      _P,      _P,      _U|_L, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _U|_L,   _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _P, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L,   _U|_L, \
        _L,      _U|_L,   _L,      _U|_L,   _U|_L,   _U|_L,   _U|_L,   _L, \
        _L,      _L,      _L,      _L,      _U|_L,   _U|_L,   _L,      _L, \
        _U|_L,   _U|_L,   _U|_L,   _U|_L,   _L,      _U|_L,   _U|_L,   _P, \
        _U|_L,   _L,      _U|_L,   _L,      _L,      _P,      _P
#define _CTYPE_CP1256_255 _U|_L
#define _CTYPE_CP1257_128_254 \
        _P,       0,      _P,       0,      _P,      _P,      _P,      _P, \
         0,      _P,       0,      _P,       0,      _P,      _U|_L,   _P, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
         0,      _P,       0,      _P,       0,      _P,      _P,       0, \
        _P,       0,      _P,      _P,      _P,       0,      _P,      _P, \
        _U,      _P,      _U,      _P,      _P,      _P,      _P,      _U, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _L,      _P,      _L,      _P,      _P,      _P,      _P,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L
#define _CTYPE_CP1257_255 _P
#define _CTYPE_CP1258_128_254 \
        _P,       0,      _P,      _L,      _P,      _P,      _P,      _P, \
        _U|_L,   _P,       0,      _P,      _U,       0,       0,       0, \
         0,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,       0,      _P,      _L,       0,       0,      _U, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _L,      _P,      _P,      _P,      _P,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _P,      _U,      _U,      _U, \
        _U,      _U,      _P,      _U,      _U,      _U,      _U,      _P, \
        _U,      _U,      _U,      _U,      _U,      _U,      _P,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _P,      _L,      _L,      _L, \
        _L,      _L,      _P,      _L,      _L,      _L,      _L,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _P
#define _CTYPE_CP1258_255 _L
#define _CTYPE_KOI8_R_128_254 \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _L,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _U,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U
#define _CTYPE_KOI8_R_255 _U
#define _CTYPE_KOI8_U_128_254 \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _P,      _P,      _P,      _P,      _P, \
        _P,      _P,      _P,      _L,      _L,      _P,      _L,      _L, \
        _P,      _P,      _P,      _P,      _P,      _L,      _P,      _P, \
        _P,      _P,      _P,      _U,      _U,      _P,      _U,      _U, \
        _P,      _P,      _P,      _P,      _P,      _U,      _P,      _P, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _L,      _L,      _L,      _L,      _L,      _L,      _L,      _L, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U,      _U, \
        _U,      _U,      _U,      _U,      _U,      _U,      _U
#define _CTYPE_KOI8_U_255 _U
