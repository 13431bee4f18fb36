// hal/thread_context.h on riscv64: the C++ half (switch.S has the rest).
#include "hal/thread_context.h"

#include "hal/park.h"
#include "hal/user_mode.h"

#include "hal/riscv64/context/context_layout.h"
#include "hal/riscv64/trap.h"
#include "hal/riscv64/trap_frame.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

extern "C" char riscv64_thread_trampoline[];  // switch.S
extern "C" [[noreturn]] void riscv64_enter_user(uint64_t pc, uint64_t stack_pointer,
                                                uint64_t argument0, uint64_t argument1,
                                                uint64_t thread_pointer);  // switch.S

extern "C" void riscv64_load_context(hal::context::ThreadContext* unused,
                                     hal::context::ThreadContext* to);  // switch.S
extern "C" char riscv64_parked_arrive[];                                // switch.S
extern "C" [[noreturn]] void riscv64_exit_through_frame(hal::riscv64::TrapFrame* frame,
                                                        void (*hook)());  // switch.S

// switch.S's parked resumptions (hal/park.h).
extern "C" void riscv64_resume_parked_thread() {
    kernel::resume_parked_thread();
}
extern "C" void riscv64_parked_thread_arrived() {
    kernel::parked_thread_arrived();
}

// switch.S: a thread's entry function returned.
extern "C" [[noreturn]] void riscv64_thread_entry_returned() {
    kernel::panic("a thread's entry function returned");
}

namespace hal::context {
namespace {

constexpr unsigned kRegisterTp = 4;
constexpr unsigned kRegisterA0 = 10;
constexpr unsigned kEntryRegister = 1;     // s1, see riscv64_thread_trampoline
constexpr unsigned kArgumentRegister = 2;  // s2

}  // namespace

void initialize(ThreadContext& context, uintptr_t kernel_stack_top, ThreadEntry entry,
                void* argument) {
    // The user frame tops the stack for good (trap_frame.h): the thread's
    // kernel code runs right below it, so its context pointer stays.
    auto* frame = reinterpret_cast<riscv64::TrapFrame*>(kernel_stack_top) - 1;
    // Zeroed: an ecall never saves t0-t6 (trap_frame.h), so until the
    // thread's first interrupt or exception their slots are what every
    // return to user mode gives it back, and the stack's memory may hold
    // an earlier owner's data.
    *frame = riscv64::TrapFrame{};
    frame->context = reinterpret_cast<uint64_t>(&context);
    context = ThreadContext{};
    context.ra = reinterpret_cast<uint64_t>(riscv64_thread_trampoline);
    context.sp = reinterpret_cast<uint64_t>(frame);
    context.s[kEntryRegister] = reinterpret_cast<uint64_t>(entry);
    context.s[kArgumentRegister] = reinterpret_cast<uint64_t>(argument);
    context.user_frame = reinterpret_cast<uint64_t>(frame);
}

namespace {

// A thread in a system call: its user frame tops its kernel stack.
riscv64::TrapFrame* user_frame(const ThreadContext& context) {
    return reinterpret_cast<riscv64::TrapFrame*>(context.user_frame);
}

void returning_to_user() {
    kernel::handle_return_to_user();
}

}  // namespace

// park() and park_and_resume() are in switch.S, under these C++ names and
// with these parameters (a0-a3).
static_assert(__is_same(decltype(&park), void (*)(ThreadContext&)));
static_assert(__is_same(decltype(&park_and_resume),
                        void (*)(ThreadContext&, ThreadContext&, int64_t, uint32_t*)));

void switch_from_parked(ThreadContext& to) {
    riscv64_load_context(nullptr, &to);
    __builtin_unreachable();  // it "returns" into `to`
}

void resume_parked(ThreadContext& to, int64_t result) {
    user_frame(to)->set_x(kRegisterA0, static_cast<uint64_t>(result));
    to.ra = reinterpret_cast<uint64_t>(riscv64_parked_arrive);
    riscv64_load_context(nullptr, &to);
    __builtin_unreachable();
}

void return_from_parked(int64_t result) {
    riscv64::TrapFrame* frame = riscv64::current_user_frame();
    frame->set_x(kRegisterA0, static_cast<uint64_t>(result));
    riscv64_exit_through_frame(frame, &returning_to_user);
}

void enable_user_state(ThreadContext& context) {
    context.user_state = 1;
    // The psABI's initial FP state: every register +0.0, fcsr 0 (round to
    // nearest, no exception flags).
    for (uint64_t& f : context.f)
        f = 0;
    context.fcsr = 0;
}

void enter_user_mode(const UserEntry& entry) {
    // Without a user frame, the first trap from U-mode would have nowhere
    // to go (a CPU's boot thread cannot run user code).
    if (riscv64::this_cpu_trap_area().user_frame == 0)
        kernel::panic("enter_user_mode on a thread without a kernel stack");
    // The assembly takes everything in registers and never returns.
    riscv64_enter_user(entry.pc, entry.stack_pointer, entry.argument0, entry.argument1,
                       entry.thread_pointer);
}

void set_thread_pointer(uintptr_t pointer) {
    // The user frame is where the running user thread's tp waits for the
    // return; it is restored from there (and only there) on sret to U-mode.
    riscv64::TrapFrame* frame = riscv64::current_user_frame();
    if (frame != nullptr) frame->set_x(kRegisterTp, pointer);
}

void print_user_registers() {
    const riscv64::TrapFrame* frame = riscv64::current_user_frame();
    if (frame == nullptr) {
        kernel::print("riscv64: this thread has no user registers\n");
        return;
    }
    riscv64::dump_registers(*frame);
}

}  // namespace hal::context
