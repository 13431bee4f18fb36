/*
 * Dummy operating-system hooks, for the link test only: just enough for
 * link_test.c to link statically and show which symbols picolibc needs from
 * user/runtime (README.md, "What the runtime must provide"). Nothing here
 * runs on Cairn; the real hooks are user/runtime's.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/_initfini.h>
#include <sys/lock.h>
#include <unistd.h>

/* 1. Standard streams: characters go nowhere. */
static int stub_put(char c, FILE *file) {
    (void)file;
    return (unsigned char)c;
}

static int stub_get(FILE *file) {
    (void)file;
    return _FDEV_EOF;
}

static int stub_flush(FILE *file) {
    (void)file;
    return 0;
}

static FILE stub_stdout = FDEV_SETUP_STREAM(stub_put, NULL, stub_flush, _FDEV_SETUP_WRITE);
static FILE stub_stdin = FDEV_SETUP_STREAM(NULL, stub_get, NULL, _FDEV_SETUP_READ);

FILE *const stdin = &stub_stdin;
FILE *const stdout = &stub_stdout;
FILE *const stderr = &stub_stdout;

/* 2. Heap: a fixed array. */
static char heap[64 * 1024];
static size_t heap_used;

void *sbrk(ptrdiff_t increment) {
    if (increment < 0 ? (size_t)-increment > heap_used : (size_t)increment > sizeof heap - heap_used)
        return (void *)-1;
    void *old_break = heap + heap_used;
    heap_used += increment;
    return old_break;
}

/* 3. Process end: spin. */
void _exit(int status) {
    (void)status;
    for (;;) {
    }
}

/* 4. Locks: no-ops (one thread). */
struct __lock {
    int unused;
};

struct __lock __lock___libc_recursive_mutex;

void __retarget_lock_init(_LOCK_T *lock) { *lock = NULL; }
void __retarget_lock_init_recursive(_LOCK_T *lock) { *lock = NULL; }
void __retarget_lock_close(_LOCK_T lock) { (void)lock; }
void __retarget_lock_close_recursive(_LOCK_T lock) { (void)lock; }
void __retarget_lock_acquire(_LOCK_T lock) { (void)lock; }
void __retarget_lock_acquire_recursive(_LOCK_T lock) { (void)lock; }
void __retarget_lock_release(_LOCK_T lock) { (void)lock; }
void __retarget_lock_release_recursive(_LOCK_T lock) { (void)lock; }

/* 5. TLS is set up by crt0 in the real runtime; 6. the entry point: */
int main(void);

void _start(void) {
    __libc_init_array();
    exit(main());
}
