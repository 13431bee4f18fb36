// Traps from U-mode. The frame is at the top of the thread's kernel stack
// (trap_entry.S), so everything here may block or switch threads.
#include "hal/riscv64/user_trap.h"

#include "hal/common/page_fault_description.h"
#include "hal/cpu.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/trap.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {

constinit UserTrapHooks* user_trap_hooks = nullptr;

namespace {

using u64 = unsigned long long;  // what %llx takes

constexpr uint64_t kInterruptBit = uint64_t{1} << 63;
constexpr uint64_t kEnvironmentCallFromU = 8;
constexpr unsigned kRegisterA0 = 10;
constexpr unsigned kRegisterA7 = 17;
constexpr unsigned kEcallSize = 4;  // ecall has no compressed form

// Exceptions whose stval is the faulting data or instruction address
// (privileged specification 4.1.9); for the others it is the instruction
// bits or zero.
bool stval_is_address(uint64_t scause) {
    switch (scause) {
        case 0:   // instruction address misaligned
        case 1:   // instruction access fault
        case 4:   // load address misaligned
        case 5:   // load access fault
        case 6:   // store/AMO address misaligned
        case 7:   // store/AMO access fault
        case 12:  // instruction page fault
        case 13:  // load page fault
        case 15:  // store/AMO page fault
            return true;
        default:
            return false;
    }
}

void enable_interrupts_here() {
    asm volatile("csrsi sstatus, 1 << 1" ::: "memory");
}

void return_to_user() {
    if (user_trap_hooks != nullptr && user_trap_hooks->return_to_user != nullptr) {
        user_trap_hooks->return_to_user();
    } else {
        kernel::handle_return_to_user();
    }
}

// a7 = number, a0..a5 = arguments, result to a0; every other register comes
// back as it was (the frame is restored whole). sepc moves past the ecall
// before the call, so a handler that switches threads and comes back (or a
// signal-like redirect that edits sepc) sees the resume address.
void system_call(TrapFrame& frame) {
    frame.sepc += kEcallSize;
    hal::syscall::Arguments arguments;
    arguments.number = frame.x(kRegisterA7);
    for (size_t i = 0; i < hal::syscall::kArgumentCount; ++i)
        arguments.values[i] = frame.x(kRegisterA0 + static_cast<unsigned>(i));
    // The IPC fast path first, before interrupts are enabled: the frame is
    // complete (sepc past the ecall) and tops the kernel stack, which
    // parking needs (hal/park.h).
    if (hal::syscall::has_fast_path(arguments.number) && user_trap_hooks == nullptr) [[likely]]
        kernel::try_fast_syscall(arguments);
    enable_interrupts_here();
    int64_t result = user_trap_hooks != nullptr && user_trap_hooks->syscall != nullptr
                         ? user_trap_hooks->syscall(arguments)
                         : kernel::handle_syscall(arguments);
    hal::disable_interrupts();
    frame.set_x(kRegisterA0, static_cast<uint64_t>(result));
}

// One line naming the fault, the user registers, then the kernel ends the
// thread. `description` must stay valid: it lives in a caller's frame, which
// is never left. Page-fault descriptions name the pc themselves.
[[noreturn]] void user_fault(const TrapFrame& frame, const char* description, uint64_t address,
                             bool names_pc) {
    if (names_pc) {
        kernel::print("riscv64: user fault: %s\n", description);
    } else {
        kernel::print("riscv64: user fault: %s at pc 0x%llx (stval 0x%llx)\n", description,
                      static_cast<u64>(frame.sepc), static_cast<u64>(frame.stval));
    }
    dump_registers(frame);
    hal::user::Fault fault{description, frame.sepc, address};
    enable_interrupts_here();
    if (user_trap_hooks != nullptr && user_trap_hooks->user_fault != nullptr)
        user_trap_hooks->user_fault(fault);
    else
        kernel::handle_user_fault(fault);
    // Neither returns.
    hal::halt();
}

}  // namespace

void interrupt_return() {
    if (user_trap_hooks != nullptr && user_trap_hooks->interrupt_return != nullptr) {
        user_trap_hooks->interrupt_return();
    } else {
        kernel::handle_interrupt_return();
    }
}

void handle_user_trap(TrapFrame& frame) {
    uint64_t cause = frame.scause;
    if (cause == kEnvironmentCallFromU) {
        system_call(frame);
    } else if ((cause & kInterruptBit) != 0) {
        // The HAL enables no other interrupt source: one it does not know is
        // a kernel bug, not the user's.
        if (!handle_interrupt_trap(cause & ~kInterruptBit))
            report_fatal_trap(frame, "unhandled trap: %s in user mode", cause_name(cause));
    } else if (is_page_fault(cause)) {
        hal::mm::PageFault fault = page_fault_of(frame);
        if (!resolve_page_fault(frame, fault)) {
            hal::PageFaultDescription description = describe_page_fault(fault);
            user_fault(frame, description.text, frame.stval, true);
        }
    } else {
        user_fault(frame, cause_name(cause), stval_is_address(cause) ? frame.stval : 0, false);
    }
    return_to_user();
}

}  // namespace hal::riscv64
