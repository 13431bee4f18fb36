// Exceptions from EL0 (vectors 8-11): system calls, IRQs that interrupted
// user code, page faults, and the faults that end the thread. Every one
// returns to user mode through kernel::handle_return_to_user() (IRQs masked)
// and the restore half of vectors.S, which reloads the user registers from
// the frame at the top of the thread's kernel stack. Nothing here panics on
// the user's account: what the kernel cannot resolve goes to
// kernel::handle_user_fault().
#include <stdint.h>

#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/exception_syndrome.h"
#include "hal/aarch64/exceptions.h"
#include "hal/aarch64/interrupts/gic.h"
#include "hal/aarch64/system_call_entry.h"
#include "hal/aarch64/thread_context_internal.h"
#include "hal/aarch64/user_trap_hooks.h"
#include "hal/common/page_fault_description.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/format.h"

extern "C" void aarch64_load_fp_state(hal::context::ThreadContext* context);  // context_switch.S
// vectors.S's two tables (set_user_trap_hooks()).
extern "C" const char aarch64_vectors[] asm("exception_vectors");
extern "C" const char aarch64_vectors_hooked[] asm("exception_vectors_hooked");

namespace hal::aarch64 {

constinit UserTrapHooks* user_trap_hooks = nullptr;

void set_user_trap_hooks(UserTrapHooks* hooks) {
    user_trap_hooks = hooks;
    uint64_t table =
        reinterpret_cast<uint64_t>(hooks != nullptr ? aarch64_vectors_hooked : aarch64_vectors);
    // The isb: the next exception already uses the new table.
    asm volatile("msr vbar_el1, %0\n\tisb" : : "r"(table) : "memory");
}

namespace {

using u64 = unsigned long long;  // what the %llx conversions take

// ESR_EL1 exception classes handled here rather than as faults.
constexpr uint32_t kClassTrappedWfiWfe = 0x01;
constexpr uint32_t kClassFpTrapped = 0x07;  // FP/SIMD while CPACR_EL1.FPEN traps

// Reports a fault the kernel cannot resolve and hands it to the kernel,
// which ends the thread. `description` stays valid: this never returns.
[[noreturn]] void deliver_user_fault(const ExceptionFrame& frame, const char* description,
                                     uint64_t address) {
    kernel::print("user exception: %s (esr 0x%llx, pc 0x%llx, address 0x%llx)\n", description,
                  static_cast<u64>(frame.esr), static_cast<u64>(frame.elr),
                  static_cast<u64>(address));
    hal::context::print_user_registers();
    hal::irq::enable_interrupts();
    hal::user::Fault fault{description, frame.elr, address};
    if (user_trap_hooks != nullptr) user_trap_hooks->user_fault(fault, frame);
    kernel::handle_user_fault(fault);
}

// Never an svc: vectors.S sends those to el0_svc.
void handle_synchronous(ExceptionVector vector, ExceptionFrame& frame) {
    ExceptionSyndrome syndrome(frame.esr);
    uint32_t exception_class = syndrome.exception_class();
    if (syndrome.is_page_fault()) {
        PageFaultDescription description;
        if (resolve_user_page_fault(vector, frame, &description)) return;
        deliver_user_fault(frame, description.text, frame.far);
    }
    if (exception_class == kClassFpTrapped) {
        // The thread's first FP/SIMD instruction since it was switched in
        // (FP/SIMD is switched lazily, context_switch.S): load its state and
        // run the instruction again.
        aarch64_load_fp_state(running_context());
        return;
    }
    if (exception_class == kClassTrappedWfiWfe) {
        // SCTLR_EL1.nTWI/nTWE are 0, so WFI and WFE from EL0 trap: a user
        // thread must not stop the CPU. Skip the instruction, as if an event
        // had already arrived (both may wake spuriously anyway).
        frame.elr += 4;
        return;
    }
    // Undefined instruction, BRK, PC or SP alignment, alignment and other
    // aborts that are not page faults, illegal execution state ...
    char description[96];
    if (syndrome.is_abort()) {
        os::format(description, sizeof(description), "%s: %s", syndrome.class_name(),
                   syndrome.fault_status_name());
        deliver_user_fault(frame, description, frame.far);
    }
    bool has_address =
        exception_class == 0x22 /* PC alignment */ || exception_class == 0x34 /* watchpoint */;
    deliver_user_fault(frame, syndrome.class_name(), has_address ? frame.far : 0);
}

}  // namespace

void handle_user_exception(ExceptionVector vector, ExceptionFrame& frame) {
    if (vector.is_synchronous()) {
        handle_synchronous(vector, frame);
    } else if (vector.is_irq()) {
        handle_irq();
        if (user_trap_hooks != nullptr) user_trap_hooks->interrupt_from_user(frame);
    } else if (vector.is_serror()) {
        // An asynchronous abort while user code ran, say its write to a
        // device region that answers with an error: blamed on the thread.
        deliver_user_fault(frame, "SError (asynchronous abort)", 0);
    } else {
        // FIQs are never routed here (GICv2 FIQEn = 0, GICv3 Group 1 only).
        print_fatal_exception(vector, frame);
        kernel::panic("unexpected FIQ from user mode at 0x%llx", static_cast<u64>(frame.elr));
    }
    return_to_user();
}

// Every svc from EL0 that the IPC fast path did not end (vectors.S's
// el0_svc offered it first), IRQs masked, `frame` complete at the top of the
// kernel stack. The system call convention of hal/user_mode.h: number in
// x8, arguments in x0-x5, result in x0; every other register comes back as
// it was (the frame is restored whole). IRQs are unmasked while the kernel
// handles the call, which may block, switch threads or never return.
extern "C" void aarch64_system_call(ExceptionFrame& frame) {
    hal::syscall::Arguments arguments;
    arguments.number = frame.x[8];
    for (size_t i = 0; i < hal::syscall::kArgumentCount; ++i)
        arguments.values[i] = frame.x[i];
    hal::irq::enable_interrupts();
    int64_t result = user_trap_hooks != nullptr ? user_trap_hooks->syscall(arguments, frame)
                                                : kernel::handle_syscall(arguments);
    hal::disable_interrupts();
    frame.x[0] = static_cast<uint64_t>(result);
    return_to_user();
}

void return_to_user() {
    if (user_trap_hooks != nullptr)
        user_trap_hooks->return_to_user();
    else
        kernel::handle_return_to_user();
}

}  // namespace hal::aarch64
