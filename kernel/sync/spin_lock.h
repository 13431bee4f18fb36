// The kernel's basic mutual exclusion: a test-and-test-and-set spin lock that
// also masks interrupts on the holding CPU, so an interrupt handler on the
// same CPU can never spin on a lock its own CPU holds.
//
// Invariant: a SpinLock is held for a bounded, short time and never across
// anything that can block or fault on user memory.
#pragma once

#include <stdint.h>

#include "hal/cpu.h"

namespace kernel {

// What a waiter does each time round while the lock is held by another CPU.
struct PauseWhileSpinning {
    static void spin() { hal::spin_pause(); }
};

// The lock itself; `SpinPolicy::spin()` is the waiter's loop body (the
// address-space lock serves remote calls there: kernel/mm/vm/tlb_shootdown.h).
template <typename SpinPolicy>
class BasicSpinLock {
public:
    constexpr BasicSpinLock() = default;
    BasicSpinLock(const BasicSpinLock&) = delete;
    BasicSpinLock& operator=(const BasicSpinLock&) = delete;

    // Masks interrupts, then takes the lock; returns the interrupt state to
    // hand back to unlock().
    hal::InterruptState lock() {
        hal::InterruptState state = hal::disable_interrupts();
        lock_masked();
        return state;
    }

    // lock() for a caller that has interrupts masked already (the
    // scheduler's switch path): no read or write of the interrupt state.
    // Always inline: a call would make the IPC fast path keep its values in
    // callee-saved registers, and the loop is a few instructions.
    [[gnu::always_inline]] void lock_masked() {
        while (__atomic_exchange_n(&locked_, 1u, __ATOMIC_ACQUIRE) != 0) {
            while (__atomic_load_n(&locked_, __ATOMIC_RELAXED) != 0)
                SpinPolicy::spin();
        }
    }

    void unlock(hal::InterruptState state) {
        __atomic_store_n(&locked_, 0u, __ATOMIC_RELEASE);
        hal::restore_interrupts(state);
    }

    // unlock() that leaves interrupts masked, as lock() made them, for a
    // holder that unmasks later itself: the release alone, with no read or
    // write of the interrupt state (the scheduler's switch path).
    void unlock_masked() { __atomic_store_n(&locked_, 0u, __ATOMIC_RELEASE); }

    bool is_locked() const { return __atomic_load_n(&locked_, __ATOMIC_RELAXED) != 0; }

    // The lock word, for a holder whose release is done by assembly that
    // stores 0 to it with release order (hal::context::park_and_resume,
    // which must leave the stack it runs on before the lock goes).
    uint32_t* word_for_release() { return &locked_; }

private:
    // A word, not a bool: every architecture swaps a word in one instruction
    // (riscv64 has no byte swap: a byte lock costs an lr/sc loop with masks).
    uint32_t locked_ = 0;
};

// Holds a lock for the lifetime of a scope.
template <typename Lock>
class BasicSpinLockGuard {
public:
    explicit BasicSpinLockGuard(Lock& lock) : lock_(lock), state_(lock.lock()) {}
    ~BasicSpinLockGuard() { lock_.unlock(state_); }
    BasicSpinLockGuard(const BasicSpinLockGuard&) = delete;
    BasicSpinLockGuard& operator=(const BasicSpinLockGuard&) = delete;

private:
    Lock& lock_;
    hal::InterruptState state_;
};

using SpinLock = BasicSpinLock<PauseWhileSpinning>;
using SpinLockGuard = BasicSpinLockGuard<SpinLock>;

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
