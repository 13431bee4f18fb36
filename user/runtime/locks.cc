// picolibc's retargetable locks (sys/lock.h): malloc, atexit and the rest
// take __lock___libc_recursive_mutex; streams with their own lock get one
// from __retarget_lock_init. Every lock is a recursive spin lock that yields
// the CPU while it waits (spin_lock.h); plain locks are recursive too, which
// only makes a self-deadlock impossible.
#include <stdlib.h>
#include <sys/lock.h>

#include <new>

#include "user/runtime/internal.h"
#include "user/runtime/spin_lock.h"

struct __lock {
    cairn::runtime::RecursiveSpinLock lock;
};

constinit struct __lock __lock___libc_recursive_mutex;

extern "C" {

void __retarget_lock_init(_LOCK_T* lock) {
    void* memory = malloc(sizeof(__lock));
    *lock = memory != nullptr ? new (memory) __lock : nullptr;
}

void __retarget_lock_init_recursive(_LOCK_T* lock) {
    __retarget_lock_init(lock);
}

void __retarget_lock_close(_LOCK_T lock) {
    free(lock);
}

void __retarget_lock_close_recursive(_LOCK_T lock) {
    free(lock);
}

// A null lock (its allocation failed) does nothing rather than crash.
void __retarget_lock_acquire(_LOCK_T lock) {
    if (lock != nullptr) lock->lock.lock(cairn::runtime::thread_identity());
}

void __retarget_lock_acquire_recursive(_LOCK_T lock) {
    __retarget_lock_acquire(lock);
}

void __retarget_lock_release(_LOCK_T lock) {
    if (lock != nullptr) lock->lock.unlock();
}

void __retarget_lock_release_recursive(_LOCK_T lock) {
    __retarget_lock_release(lock);
}

}  // extern "C"
