#include "kernel/sched/direct_switch.h"

#include "hal/park.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/debug/panic.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/sched/internal.h"

namespace kernel::sched {

using internal::Cpu;

namespace {

// What every switch off `self` checks and counts.
void leaving(Cpu& c, Thread& self) {
    if (self.stack_base != nullptr && *static_cast<uint64_t*>(self.stack_base) != kStackCanary) {
        panic("sched: kernel stack overflow in thread %llu (%s)",
              static_cast<unsigned long long>(self.id), self.name);
    }
    ++self.context_switches;
    ++c.context_switches;
}

}  // namespace

void complete_direct_switch(Thread& self, Thread& next) {
    leaving(internal::this_cpu(), self);
    hal::context::switch_to(self.context, next.context);
    // Back in `self`, on whichever CPU woke it: finish that switch as every
    // switch point does (drops the CPU lock, activates the address space).
    internal::complete_switch();
}

void park_switching_to(Thread& self, Thread& next, bool next_parked, int64_t next_result) {
    uint32_t index = internal::this_cpu_index();
    Cpu& c = internal::cpu(index);
    leaving(c, self);
    // The common case of the fast path, both threads parked: `next`'s
    // arrival work (parked_thread_arrived()) is done here, on our stack,
    // and the HAL goes straight to its user mode. Nothing to place or
    // release (leaving), no kill or preemption to act on before it returns
    // to user mode (handle_return_to_user()): a kill or wake that comes
    // later sends its IPI, which interrupts `next` in user mode as it would
    // after any return. The address space is activated under the CPU lock,
    // unlike in finish_switch(): activate_masked() never waits for another
    // CPU (its slow path takes only the ASID lock, whose holders take no
    // CPU lock), so a CPU spinning on our lock is only delayed.
    if (next_parked && c.leaving == nullptr && !kill_pending(next) &&
        !__atomic_load_n(&c.need_resched, __ATOMIC_RELAXED)) [[likely]] {
        mm::as_switch_masked(next.address_space, index);
        hal::context::park_and_resume(self.context, next.context, next_result,
                                      c.lock.word_for_release());
    }
    hal::context::park(self.context);
    if (next_parked) hal::context::resume_parked(next.context, next_result);
    hal::context::switch_from_parked(next.context);
}

void complete_parked_switch() {
    internal::complete_switch();
}

}  // namespace kernel::sched

namespace kernel {

void parked_thread_arrived() {
    sched::complete_parked_switch();
    handle_return_to_user();
}

}  // namespace kernel
