/*
 * exit() for Cairn: replaces upstream stdlib/pico-exit.c. Runs the atexit /
 * __cxa_atexit list (pico-exitprocs.c, built as an ordinary function, see
 * include/picolibc.h), then the .fini_array destructors, then _exit (the
 * runtime's: flushes stdio and ends the process).
 */
#include <stdlib.h>
#include <unistd.h>

void __call_exitprocs(int code, void *param);
void __libc_fini_array(void);

void exit(int code)
{
    __call_exitprocs(code, NULL);
    __libc_fini_array();
    _exit(code);
}
