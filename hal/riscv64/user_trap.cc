// Traps from U-mode. The frame is at the top of the thread's kernel stack
// (trap_entry.S), so everything here may block or switch threads.
#include "hal/riscv64/user_trap.h"

#include "hal/common/page_fault_description.h"
#include "hal/cpu.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/trap.h"
#include "hal/thread_context.h"
#include "kernel/debug/print.h"

// context/switch.S: loads the FP registers and fcsr of `context` and sets
// sstatus.FS = Clean.
extern "C" void riscv64_load_fp_state(hal::context::ThreadContext* context);
// trap_entry.S: the trap area's fast_syscall while the test hooks are set;
// returns at once (declines the call).
extern "C" void riscv64_decline_fast_syscall(uint64_t, uint64_t, uint64_t, uint32_t);

namespace hal::riscv64 {

constinit UserTrapHooks* user_trap_hooks = nullptr;

void set_user_trap_hooks(UserTrapHooks* hooks) {
    // What the trap area's fast_syscall calls: try_fast_syscall's register
    // form (the cast fails to compile if it has other parameters).
    using FastSyscall = void (*)(uint64_t, uint64_t, uint64_t, uint32_t);
    FastSyscall fast_syscall = hooks != nullptr
                                   ? &riscv64_decline_fast_syscall
                                   : static_cast<FastSyscall>(&kernel::try_fast_syscall);
    user_trap_hooks = hooks;
    this_cpu_trap_area().fast_syscall = reinterpret_cast<uint64_t>(fast_syscall);
}

namespace {

using u64 = unsigned long long;  // what %llx takes

constexpr uint64_t kInterruptBit = uint64_t{1} << 63;
constexpr uint64_t kIllegalInstruction = 2;
constexpr uint64_t kSstatusFsMask = uint64_t{3} << 13;  // 0: Off
constexpr unsigned kRegisterA0 = 10;
constexpr unsigned kRegisterA7 = 17;

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

// FP state is switched lazily (context/switch.S): with sstatus.FS = Off, the
// running user thread's first FP instruction since it was switched in
// traps as illegal. Loads its FP state (FS = Clean) so that the instruction
// can run again; false if FS was on already (the instruction is illegal for
// another reason; one that is not FP thus traps twice, the second time as
// a fault) or the thread has no user state.
bool load_fp_state_if_off(const TrapFrame& frame) {
    uint64_t sstatus;
    asm volatile("csrr %0, sstatus" : "=r"(sstatus));
    if ((sstatus & kSstatusFsMask) != 0) return false;
    auto* context = reinterpret_cast<hal::context::ThreadContext*>(frame.context);
    if (context == nullptr || context->user_state == 0) return false;
    riscv64_load_fp_state(context);
    return true;
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

// a7 = number, a0..a5 = arguments.
hal::syscall::Arguments arguments_of(const TrapFrame& frame) {
    hal::syscall::Arguments arguments;
    arguments.number = frame.x(kRegisterA7);
    for (size_t i = 0; i < hal::syscall::kArgumentCount; ++i)
        arguments.values[i] = frame.x(kRegisterA0 + static_cast<unsigned>(i));
    return arguments;
}

// The system call in `arguments` from `frame`, whose sepc is past the
// ecall: the kernel's (or the test hook's) handler with interrupts enabled,
// the result to a0.
void serve_system_call(TrapFrame& frame, const hal::syscall::Arguments& arguments) {
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

// trap_entry.S recognizes these numbers itself.
static_assert(hal::syscall::has_fast_path(98) && hal::syscall::has_fast_path(100));
static_assert(!hal::syscall::has_fast_path(97) && !hal::syscall::has_fast_path(99) &&
              !hal::syscall::has_fast_path(101));

// System calls: from trap_entry.S for every ecall from U-mode (never
// through handle_user_trap()), with interrupts masked, after it offered the
// IPC fast path's calls to kernel::try_fast_syscall() (unless the test hooks
// are set) and that declined. a7 = number, a0..a5 = arguments, result to
// a0; every other register comes back as it was (the frame is restored
// whole), t0-t6 with the thread's own stale values (an ecall clobbers them
// and the entry does not save them, trap_frame.h). The entry moved sepc past the ecall already, so
// a handler that switches threads and comes back (or a signal-like redirect that edits sepc) sees
// the resume address. Returns when the frame may be resumed.
extern "C" void riscv64_serve_system_call(TrapFrame& frame) {
    serve_system_call(frame, arguments_of(frame));
    return_to_user();
}

void handle_user_trap(TrapFrame& frame) {
    uint64_t cause = frame.scause;
    if ((cause & kInterruptBit) != 0) {
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
    } else if (cause == kIllegalInstruction && load_fp_state_if_off(frame)) {
        // Resumes at the same instruction, FP now on.
    } else {
        user_fault(frame, cause_name(cause), stval_is_address(cause) ? frame.stval : 0, false);
    }
    return_to_user();
}

}  // namespace hal::riscv64
