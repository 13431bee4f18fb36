// TEMPORARY: weak stand-ins for hal/thread_context.h so the kernel links on
// an architecture whose HAL does not define it yet. The lead removes this
// file once every HAL does. (handle_syscall and handle_user_fault live in
// dispatch.cc; handle_return_to_user and handle_interrupt_return in
// kernel/sched/scheduler.cc.)
#include "hal/thread_context.h"
#include "kernel/debug/panic.h"

namespace hal::context {

[[gnu::weak]] void initialize(ThreadContext&, uintptr_t, ThreadEntry, void*) {
    kernel::panic("hal::context::initialize is not implemented on this architecture yet");
}
[[gnu::weak]] void switch_to(ThreadContext&, ThreadContext&) {
    kernel::panic("hal::context::switch_to is not implemented on this architecture yet");
}
[[gnu::weak]] void enable_user_state(ThreadContext&) {}
[[gnu::weak]] void enter_user_mode(const UserEntry&) {
    kernel::panic("hal::context::enter_user_mode is not implemented on this architecture yet");
}
[[gnu::weak]] void set_thread_pointer(uintptr_t) {}
[[gnu::weak]] void print_user_registers() {}

}  // namespace hal::context
