/*
 * picolibc configuration for Cairn user space.
 *
 * Upstream generates this file from picolibc.h.in with meson; we write it by
 * hand because Bazel builds picolibc (see third_party/picolibc/README.md).
 * Each setting names the meson option it stands for. Every file of picolibc
 * and every user program sees it through <sys/features.h>.
 */

#pragma once

/* -- Version (picolibc 1.8.10, newlib 4.3.0). -- */
#define __PICOLIBC__ 1
#define __PICOLIBC_MINOR__ 8
#define __PICOLIBC_PATCHLEVEL__ 10
#define __PICOLIBC_VERSION__ "1.8.10"
#define _PICOLIBC__ 1
#define _PICOLIBC_MINOR__ 8
#define _PICOLIBC_VERSION "1.8.10"
#define __NEWLIB__ 4
#define __NEWLIB_MINOR__ 3
#define __NEWLIB_PATCHLEVEL__ 0
#define __NEWLIB_VERSION__ "4.3.0"
#define _NEWLIB_VERSION "4.3.0"

/* -- Threads. Cairn programs have threads: locks are real (the runtime
 *    implements __retarget_lock_*), and errno is thread-local
 *    (thread-local-storage=true, tls-model=local-exec: static executables,
 *    the runtime sets each thread's thread pointer to its TLS block). -- */
#define __THREAD_LOCAL_STORAGE 1
/* __SINGLE_THREAD: not defined.  __GLOBAL_ERRNO: not defined.
 * __THREAD_LOCAL_STORAGE_API: not defined: Cairn's runtime sets the thread
 * pointer itself (no _set_tls/_init_tls from picolibc's crt). */

/* -- stdio: tinystdio (tinystdio=true) with double printf/scanf by default
 *    (format-default=d), C99 formats, long long, positional arguments,
 *    exact float conversion (ryu), atomic ungetc. stdin/stdout/stderr are
 *    FILE objects the runtime defines (posix-console=false). -- */
#define __TINY_STDIO 1
#define __IO_DEFAULT 'd'
#define __IO_C99_FORMATS 1
#define __IO_LONG_LONG 1
#define __IO_POS_ARGS 1
#define __IO_FLOAT_EXACT 1
#define __IO_SMALL_ULTOA 1
#define __IO_PERCENT_B 1
#define __ATOMIC_UNGETC 1

/* -- Memory and exit: nano-malloc on sbrk(), picolibc's small exit path,
 *    constructors/destructors through .init_array/.fini_array. -- */
#define __NANO_MALLOC 1
#define __PICO_EXIT 1
/* Except in the exit path: upstream hooks its atexit list into exit() with a
 * pointer in section .fini_array_onexit, which only picolibc's own linker
 * script keeps (lld drops it). pico-exitprocs.c is built with
 * CAIRN_EXIT_WITHOUT_FINI_ARRAY, so __call_exitprocs is an ordinary function,
 * and cairn/exit.c calls it and then __libc_fini_array. */
#ifndef CAIRN_EXIT_WITHOUT_FINI_ARRAY
#define __INIT_FINI_ARRAY 1
#endif

/* -- Compiler capabilities (clang 16). -- */
#define __HAVE_COMPLEX 1
#define __HAVE_BITFIELDS_IN_PACKED_STRUCTS 1

/* -- Miscellaneous. -- */
#define __ASSERT_VERBOSE 1
#define __FAST_STRCMP 1
#define __IEEEFP_FUNCS 1
/* want-math-errno=false */
#define __IEEE_LIBM 1
#define __ELIX_LEVEL 4
#define __OBSOLETE_MATH_FLOAT 0
#define __OBSOLETE_MATH_DOUBLE 0
/* Multi-byte locales are off (mb-capable=false): the C locale only. */
