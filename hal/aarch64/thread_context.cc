// hal/thread_context.h on aarch64: the C++ half of thread creation, the
// switch and the way into user mode (the assembly is in context_switch.S).
#include "hal/thread_context.h"

#include <stddef.h>

#include "hal/aarch64/context_layout.h"
#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/exceptions.h"
#include "hal/aarch64/thread_context_internal.h"
#include "hal/aarch64/user_trap_hooks.h"
#include "hal/cpu.h"
#include "hal/park.h"
#include "hal/user_mode.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::context {

static_assert(offsetof(ThreadContext, x19_to_x28) == CONTEXT_X19);
static_assert(offsetof(ThreadContext, frame_pointer) == CONTEXT_X29);
static_assert(offsetof(ThreadContext, link_register) == CONTEXT_X29 + 8);
static_assert(offsetof(ThreadContext, stack_pointer) == CONTEXT_SP);
static_assert(offsetof(ThreadContext, kernel_stack_top) == CONTEXT_KERNEL_STACK_TOP);
static_assert(offsetof(ThreadContext, tpidr_el0) == CONTEXT_TPIDR_EL0);
static_assert(offsetof(ThreadContext, user_state) == CONTEXT_USER_STATE);
static_assert(offsetof(ThreadContext, resolving_fault) == CONTEXT_RESOLVING_FAULT);
static_assert(sizeof(ThreadContext::resolving_fault) == 1);
static_assert(offsetof(ThreadContext, fpcr) == CONTEXT_FPCR);
static_assert(offsetof(ThreadContext, fpsr) == CONTEXT_FPSR);
static_assert(offsetof(ThreadContext, fp_registers) == CONTEXT_FP_REGISTERS);
static_assert(CONTEXT_FP_REGISTERS % 16 == 0);
static_assert(sizeof(ThreadContext) == CONTEXT_SIZE);

}  // namespace hal::context

// Each CPU's running thread, as the last switch_to() into it left it
// (context_switch.S writes it): null on a CPU that has not switched yet,
// whose boot thread has no context the HAL knows.
extern "C" hal::context::ThreadContext* aarch64_current_contexts[hal::kMaxCpus];
constinit hal::context::ThreadContext* aarch64_current_contexts[hal::kMaxCpus] = {};

extern "C" {
void aarch64_switch_context(hal::context::ThreadContext* from, hal::context::ThreadContext* to);
[[noreturn]] void aarch64_enter_user(uintptr_t pc, uintptr_t user_stack, uintptr_t argument0,
                                     uintptr_t argument1, uintptr_t kernel_stack_top);
void aarch64_thread_trampoline();
void aarch64_load_context(hal::context::ThreadContext* unused, hal::context::ThreadContext* to);
void aarch64_park_context(hal::context::ThreadContext* context);
[[noreturn]] void aarch64_resume_parked(hal::context::ThreadContext* to, int64_t result);
[[noreturn]] void aarch64_exit_through_frame(hal::aarch64::ExceptionFrame* frame, void (*hook)());
// context_switch.S's parked resumptions (hal/park.h).
void aarch64_resume_parked_thread() {
    kernel::resume_parked_thread();
}
void aarch64_parked_thread_arrived() {
    kernel::parked_thread_arrived();
}

[[noreturn]] void aarch64_thread_entry_returned() {
    kernel::panic("a thread's entry function returned");
}
}

namespace hal::aarch64 {

hal::context::ThreadContext* running_context() {
    return aarch64_current_contexts[current_cpu_index()];
}

ExceptionFrame* user_frame(const hal::context::ThreadContext& context) {
    return reinterpret_cast<ExceptionFrame*>(context.kernel_stack_top - EXCEPTION_FRAME_SIZE);
}

}  // namespace hal::aarch64

namespace hal::context {

void initialize(ThreadContext& context, uintptr_t kernel_stack_top, ThreadEntry entry,
                void* argument) {
    context = ThreadContext{};
    context.x19_to_x28[0] = reinterpret_cast<uint64_t>(entry);
    context.x19_to_x28[1] = reinterpret_cast<uint64_t>(argument);
    // x29 = 0 ends the frame-pointer chain at the trampoline.
    context.link_register = reinterpret_cast<uint64_t>(&aarch64_thread_trampoline);
    context.stack_pointer = kernel_stack_top;
    context.kernel_stack_top = kernel_stack_top;
}

void switch_to(ThreadContext& from, ThreadContext& to) {
    aarch64_switch_context(&from, &to);  // a tail call
}

void park(ThreadContext& context) {
    // The next switch_to() into the context "returns" to
    // aarch64_parked_start on the stack right under the user frame.
    aarch64_park_context(&context);  // a tail call
}

void switch_from_parked(ThreadContext& to) {
    aarch64_load_context(nullptr, &to);
    __builtin_unreachable();  // it "returns" into `to`
}

void resume_parked(ThreadContext& to, int64_t result) {
    aarch64_resume_parked(&to, result);
}

// park_and_resume() is context_switch.S's aarch64_park_and_resume under
// its C++ name: park(from) and the load of `to` without the callee-saved
// registers neither thread needs, and no call in front of it.

void return_from_parked(int64_t result) {
    aarch64::ExceptionFrame* frame = aarch64::user_frame(*aarch64::running_context());
    frame->x[0] = static_cast<uint64_t>(result);
    aarch64_exit_through_frame(frame, &aarch64::return_to_user);
}

void enable_user_state(ThreadContext& context) {
    // AAPCS64 defaults: FPCR 0 is round to nearest, no traps, no flush to
    // zero; FPSR 0 has no exception flags; the registers are zero.
    context.user_state = 1;
    context.fpcr = 0;
    context.fpsr = 0;
    context.tpidr_el0 = 0;
    for (uint64_t& half : context.fp_registers)
        half = 0;
}

void enter_user_mode(const UserEntry& entry) {
    hal::disable_interrupts();
    ThreadContext* context = aarch64::running_context();
    if (context == nullptr || context->user_state == 0)
        kernel::panic("enter_user_mode on a thread without enable_user_state()");
    set_thread_pointer(entry.thread_pointer);
    aarch64::return_to_user();
    aarch64_enter_user(entry.pc, entry.stack_pointer, entry.argument0, entry.argument1,
                       context->kernel_stack_top);
}

void set_thread_pointer(uintptr_t pointer) {
    // The register is what user code sees (a switch saves it); the context
    // copy keeps print_user_registers() right until then.
    if (ThreadContext* context = aarch64::running_context(); context != nullptr)
        context->tpidr_el0 = pointer;
    asm volatile("msr tpidr_el0, %0" : : "r"(pointer));
}

void print_user_registers() {
    ThreadContext* context = aarch64::running_context();
    if (context == nullptr || context->user_state == 0) {
        kernel::print("  (no user registers: not a user thread)\n");
        return;
    }
    const aarch64::ExceptionFrame& frame = *aarch64::user_frame(*context);
    kernel::print("  pc  0x%016llx  sp  0x%016llx  spsr 0x%016llx  tpidr 0x%016llx\n",
                  static_cast<unsigned long long>(frame.elr),
                  static_cast<unsigned long long>(frame.sp),
                  static_cast<unsigned long long>(frame.spsr),
                  static_cast<unsigned long long>(context->tpidr_el0));
    aarch64::print_registers(frame);
}

}  // namespace hal::context
