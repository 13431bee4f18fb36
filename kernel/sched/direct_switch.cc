#include "kernel/sched/direct_switch.h"

#include "hal/park.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/sched/internal.h"

namespace kernel::sched {

void complete_direct_switch(Thread& self, Thread& next) {
    internal::leaving(internal::this_cpu(), self);
    hal::context::switch_to(self.context, next.context);
    // Back in `self`, on whichever CPU woke it: finish that switch as every
    // switch point does (drops the CPU lock, activates the address space).
    internal::complete_switch();
}

void park_switching_to_slowly(Thread& self, Thread& next, bool next_parked, int64_t next_result) {
    hal::context::park(self.context);
    if (next_parked) hal::context::resume_parked(next.context, next_result);
    hal::context::switch_from_parked(next.context);
}

void park_and_resume_switching_space(Thread& self, Thread& next, int64_t next_result,
                                     const DirectSwitch& direct) {
    mm::as_switch_masked(next.address_space, direct.index);
    hal::context::park_and_resume(self.context, next.context, next_result,
                                  direct.cpu->lock.word_for_release());
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
