// TEMPORARY stand-ins for the kernel's side of hal/user_mode.h so the HAL
// links while kernel/syscall and kernel/sched are written. Replaced by them.
#include "cairn/status.h"
#include "hal/cpu.h"
#include "hal/user_mode.h"
#include "kernel/debug/print.h"

namespace kernel {

int64_t handle_syscall(const hal::syscall::Arguments& arguments) {
    print("syscall %llu (%llx %llx)\n", static_cast<unsigned long long>(arguments.number),
          static_cast<unsigned long long>(arguments.values[0]),
          static_cast<unsigned long long>(arguments.values[1]));
    return static_cast<int64_t>(cairn::Status::kUnsupported);
}

void handle_user_fault(const hal::user::Fault& fault) {
    print("user fault: %s at pc 0x%llx\n", fault.description,
          static_cast<unsigned long long>(fault.pc));
    for (;;)
        hal::wait_for_interrupt();
}

void handle_return_to_user() {}
void handle_interrupt_return() {}

}  // namespace kernel

// Weak stand-ins for hal/thread_context.h until each HAL defines it.
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
