#include "kernel/sched/direct_switch.h"

#include "hal/park.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/debug/panic.h"
#include "kernel/sched/internal.h"

namespace kernel::sched {

using internal::Cpu;

bool begin_direct_switch(Thread& next, uint64_t next_sequence, uint64_t* sequence) {
    uint32_t index = internal::this_cpu_index();
    // Only a partner whose `cpu` is this CPU: then this CPU's lock guards
    // both threads' scheduling fields, and one lock is all it takes.
    if (__atomic_load_n(&next.cpu, __ATOMIC_RELAXED) != index) return false;
    Cpu& c = internal::cpu(index);
    c.lock.lock();
    Thread& self = *c.current;
    // Blocked in that wait and off this CPU (its context is saved: the
    // lock is held from a switch until finish_switch() in the next thread).
    bool direct = next.cpu == index && next.state == ThreadState::kBlocked &&
                  next.block_sequence == next_sequence && c.current != &next &&
                  (next.affinity & cpu_bit(index)) != 0 && &self != c.idle;
    if (!direct) {
        c.lock.unlock(internal::masked());
        return false;
    }
    *sequence = ++self.block_sequence;
    self.state = ThreadState::kBlocked;
    next.state = ThreadState::kRunning;
    next.last_cpu = index;
    c.current = &next;
    return true;
}

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
    leaving(internal::this_cpu(), self);
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
