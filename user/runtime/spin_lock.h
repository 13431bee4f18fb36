// A lock for the runtime and the C library: spins briefly, then gives the
// CPU away with thread_yield so that the holder (perhaps preempted on this
// CPU) can finish. Recursive when asked: the owner is the calling thread's
// identity (runtime::thread_identity).
#pragma once

#include <stdint.h>

#include "cairn/sys.h"

namespace cairn::runtime {

class SpinLock {
public:
    constexpr SpinLock() = default;

    void lock() {
        for (unsigned attempt = 0; !try_lock(); ++attempt) {
            if (attempt >= kSpinsBeforeYield) (void)sys::thread_yield();
            else relax();
        }
    }
    bool try_lock() {
        return !__atomic_load_n(&locked_, __ATOMIC_RELAXED) &&
               !__atomic_exchange_n(&locked_, true, __ATOMIC_ACQUIRE);
    }
    void unlock() { __atomic_store_n(&locked_, false, __ATOMIC_RELEASE); }

private:
    static constexpr unsigned kSpinsBeforeYield = 64;

    static void relax() {
#if defined(__x86_64__)
        __builtin_ia32_pause();
#elif defined(__aarch64__)
        asm volatile("yield");
#endif
    }

    bool locked_ = false;
};

// The same, re-entrant for its owner thread.
class RecursiveSpinLock {
public:
    constexpr RecursiveSpinLock() = default;

    void lock(uintptr_t self) {
        if (__atomic_load_n(&owner_, __ATOMIC_RELAXED) == self) {
            ++depth_;
            return;
        }
        lock_.lock();
        __atomic_store_n(&owner_, self, __ATOMIC_RELAXED);
        depth_ = 1;
    }
    bool try_lock(uintptr_t self) {
        if (__atomic_load_n(&owner_, __ATOMIC_RELAXED) == self) {
            ++depth_;
            return true;
        }
        if (!lock_.try_lock()) return false;
        __atomic_store_n(&owner_, self, __ATOMIC_RELAXED);
        depth_ = 1;
        return true;
    }
    void unlock() {
        if (--depth_ != 0) return;
        __atomic_store_n(&owner_, uintptr_t{0}, __ATOMIC_RELAXED);
        lock_.unlock();
    }

private:
    SpinLock lock_;
    uintptr_t owner_ = 0;  // only its owner sets it to itself
    unsigned depth_ = 0;
};

}  // namespace cairn::runtime
