// The kernel's basic mutual exclusion: a test-and-test-and-set spin lock that
// also masks interrupts on the holding CPU, so an interrupt handler on the
// same CPU can never spin on a lock its own CPU holds.
//
// Invariant: a SpinLock is held for a bounded, short time and never across
// anything that can block or fault on user memory.
#pragma once

#include "hal/cpu.h"

namespace kernel {

class SpinLock {
public:
    constexpr SpinLock() = default;
    SpinLock(const SpinLock&) = delete;
    SpinLock& operator=(const SpinLock&) = delete;

    // Masks interrupts, then takes the lock; returns the interrupt state to
    // hand back to unlock().
    hal::InterruptState lock() {
        hal::InterruptState state = hal::disable_interrupts();
        while (__atomic_exchange_n(&locked_, true, __ATOMIC_ACQUIRE)) {
            while (__atomic_load_n(&locked_, __ATOMIC_RELAXED))
                hal::spin_pause();
        }
        return state;
    }

    void unlock(hal::InterruptState state) {
        __atomic_store_n(&locked_, false, __ATOMIC_RELEASE);
        hal::restore_interrupts(state);
    }

    bool is_locked() const { return __atomic_load_n(&locked_, __ATOMIC_RELAXED); }

private:
    bool locked_ = false;
};

// Holds a SpinLock for the lifetime of a scope.
class SpinLockGuard {
public:
    explicit SpinLockGuard(SpinLock& lock) : lock_(lock), state_(lock.lock()) {}
    ~SpinLockGuard() { lock_.unlock(state_); }
    SpinLockGuard(const SpinLockGuard&) = delete;
    SpinLockGuard& operator=(const SpinLockGuard&) = delete;

private:
    SpinLock& lock_;
    hal::InterruptState state_;
};

// Masks interrupts on this CPU for a scope: what per-CPU data needs until
// there is preemption to disable as well.
class InterruptGuard {
public:
    InterruptGuard() : state_(hal::disable_interrupts()) {}
    ~InterruptGuard() { hal::restore_interrupts(state_); }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    hal::InterruptState state_;
};

}  // namespace kernel
