// hal/thread_context.h on x86_64: the C++ half of the thread switch and of
// the way into user mode (thread/context_switch.S has the stack switch).
//
// What the switch moves besides the stack: for threads with user state the
// FXSAVE area (x87/SSE registers, saved and restored eagerly on every
// switch: the kernel never uses them, so the registers always hold the last
// user thread's) and IA32_FS_BASE; for every thread TSS.RSP0 and the system
// call stack (CpuLocal::kernel_stack_top), so that traps from user mode land
// on the top of the running thread's own kernel stack; and the per-thread
// page-fault state of cpu/page_fault.cc; for threads with user state the
// I/O ports of their process (cpu/io_ports.cc: the TSS bitmap).
#include "hal/thread_context.h"

#include "hal/cpu.h"
#include "hal/park.h"
#include "hal/user_mode.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/exception_frame.h"
#include "hal/x86_64/cpu/exceptions.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/cpu/io_ports.h"
#include "hal/x86_64/memory_layout.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

extern "C" void x86_64_switch_stacks(uintptr_t* save, uintptr_t load);
extern "C" [[noreturn]] void x86_64_load_stack(uintptr_t load);
extern "C" void x86_64_thread_start();
extern "C" const uint64_t x86_64_parked_layout[];
extern "C" [[noreturn]] void x86_64_exit_through_frame(hal::x86_64::ExceptionFrame* frame,
                                                       void (*hook)());
extern "C" [[noreturn]] void x86_64_enter_user_mode(uint64_t frame_top, uint64_t pc, uint64_t stack,
                                                    uint64_t argument0, uint64_t argument1);

namespace hal::context {
namespace {

using x86_64::CpuLocal;
using x86_64::this_cpu;

constexpr uint32_t kMsrFsBase = 0xc0000100;

// The FXSAVE area's defaults (the state after FNINIT, and the ABI's MXCSR):
// x87 control word 0x37f (all exceptions masked, 64-bit precision), every
// x87 register empty (abridged tag word 0), MXCSR 0x1f80 (all SSE
// exceptions masked, round to nearest).
constexpr size_t kFxsaveControlWord = 0;
constexpr size_t kFxsaveMxcsr = 24;
constexpr uint16_t kDefaultControlWord = 0x37f;
constexpr uint32_t kDefaultMxcsr = 0x1f80;

void save_fp_state(ThreadContext& context) {
    asm volatile("fxsave64 %0" : "=m"(context.fp_state));
}

void load_fp_state(const ThreadContext& context) {
    asm volatile("fxrstor64 %0" : : "m"(context.fp_state));
}

void load_fs_base(CpuLocal& cpu, uint64_t base) {
    if (cpu.loaded_fs_base == base) return;
    x86_64::write_msr(kMsrFsBase, base);
    cpu.loaded_fs_base = base;
}

// Makes `context` the running thread's as far as traps from user mode care.
[[gnu::always_inline]] inline void install(CpuLocal& cpu, ThreadContext& context) {
    cpu.kernel_stack_top = context.kernel_stack_top;  // TSS.RSP0 too (cpu/cpu_local.h)
    cpu.current_context = &context;
}

// What switching out saves of the running thread besides its stack.
[[gnu::always_inline]] inline void save(CpuLocal& cpu, ThreadContext& from) {
    if (from.user_state) save_fp_state(from);
    from.fault_in_progress = cpu.fault_in_progress;
}

// What switching in loads of `to` besides its stack.
[[gnu::always_inline]] inline void load(CpuLocal& cpu, ThreadContext& to) {
    if (to.user_state) {
        load_fp_state(to);
        load_fs_base(cpu, to.fs_base);
        x86_64::apply_io_ports(cpu.index, to.io_ports);
    }
    cpu.fault_in_progress = to.fault_in_progress;
    install(cpu, to);
}

// A thread in a system call: its user frame tops its kernel stack.
x86_64::ExceptionFrame* user_frame(const ThreadContext& context) {
    return reinterpret_cast<x86_64::ExceptionFrame*>(context.kernel_stack_top) - 1;
}

// park()'s work: saves what a switch saves, and the next switch_to() into
// `context` pops x86_64_parked_layout.
[[gnu::always_inline]] inline void park_context(CpuLocal& cpu, ThreadContext& context) {
    save(cpu, context);
    context.stack_pointer = reinterpret_cast<uintptr_t>(x86_64_parked_layout);
}

// Switching into parked `to`: loaded, and its frame answers `result`.
[[gnu::always_inline]] inline x86_64::ExceptionFrame* load_parked(CpuLocal& cpu, ThreadContext& to,
                                                                  int64_t result) {
    load(cpu, to);
    x86_64::ExceptionFrame* frame = user_frame(to);
    frame->rax = static_cast<uint64_t>(result);
    return frame;
}

void parked_arrived() {
    kernel::parked_thread_arrived();
}

void returning_to_user() {
    kernel::handle_return_to_user();
}

}  // namespace

void initialize(ThreadContext& context, uintptr_t kernel_stack_top, ThreadEntry entry,
                void* argument) {
    KERNEL_ASSERT(kernel_stack_top % 16 == 0);
    // The layout x86_64_switch_stacks pops: r15 r14 r13 r12 rbx rbp, then
    // the return address.
    auto* frame = reinterpret_cast<uint64_t*>(kernel_stack_top) - 7;
    frame[0] = 0;                                                 // r15
    frame[1] = 0;                                                 // r14
    frame[2] = reinterpret_cast<uint64_t>(argument);              // r13
    frame[3] = reinterpret_cast<uint64_t>(entry);                 // r12
    frame[4] = 0;                                                 // rbx
    frame[5] = 0;                                                 // rbp
    frame[6] = reinterpret_cast<uint64_t>(&x86_64_thread_start);  // return address
    context.stack_pointer = reinterpret_cast<uintptr_t>(frame);
    context.kernel_stack_top = kernel_stack_top;
    context.fault_in_progress = nullptr;
}

void switch_to(ThreadContext& from, ThreadContext& to) {
    CpuLocal& cpu = this_cpu();
    save(cpu, from);
    load(cpu, to);
    x86_64_switch_stacks(&from.stack_pointer, to.stack_pointer);
}

void park(ThreadContext& context) {
    park_context(this_cpu(), context);
}

void switch_from_parked(ThreadContext& to) {
    load(this_cpu(), to);
    x86_64_load_stack(to.stack_pointer);
}

void resume_parked(ThreadContext& to, int64_t result) {
    x86_64_exit_through_frame(load_parked(this_cpu(), to, result), &parked_arrived);
}

// park_and_resume() is context_switch.S's, under its C++ name: park(from)
// and resume_parked(to, result) without the call of
// kernel::parked_thread_arrived(), and without the tests that always come
// out the same for two parked threads (see there); what differs rarely
// (I/O ports) is x86_64_apply_io_ports_of() below.
static_assert(__is_same(decltype(&park_and_resume),
                        void (*)(ThreadContext&, ThreadContext&, int64_t, uint32_t*)));

void return_from_parked(int64_t result) {
    x86_64::ExceptionFrame* frame = user_frame(*this_cpu().current_context);
    frame->rax = static_cast<uint64_t>(result);
    x86_64_exit_through_frame(frame, &returning_to_user);
}

void enable_user_state(ThreadContext& context) {
    // fxsave64/fxrstor64 raise #GP on a misaligned area: a ThreadContext
    // must be allocated with its alignment (16).
    KERNEL_ASSERT(reinterpret_cast<uintptr_t>(context.fp_state) % 16 == 0);
    for (uint8_t& byte : context.fp_state)
        byte = 0;
    __builtin_memcpy(&context.fp_state[kFxsaveControlWord], &kDefaultControlWord,
                     sizeof(kDefaultControlWord));
    __builtin_memcpy(&context.fp_state[kFxsaveMxcsr], &kDefaultMxcsr, sizeof(kDefaultMxcsr));
    context.fs_base = 0;
    // A thread with user state always has a PortAccess (io_ports::attach()
    // keeps it so): park_and_resume reads its generation unconditionally.
    if (context.io_ports == nullptr) io_ports::attach(context, nullptr);
    context.user_state = true;
}

void enter_user_mode(const UserEntry& entry) {
    x86_64::disable_interrupts();
    CpuLocal& cpu = this_cpu();
    ThreadContext* context = cpu.current_context;
    KERNEL_ASSERT(context != nullptr && context->user_state && context->kernel_stack_top != 0);
    if (entry.pc >= x86_64::kUserSpaceEnd) {
        // iretq to a non-canonical rip would fault in ring 0.
        kernel::print("user mode: entry point 0x%llx is outside user space\n",
                      static_cast<unsigned long long>(entry.pc));
        x86_64::enable_interrupts();
        kernel::handle_user_fault({"entry point outside user space", entry.pc, 0});
    }
    // The registers may have been used since enable_user_state() if it ran
    // on the running thread; start from the thread's saved defaults.
    load_fp_state(*context);
    context->fs_base = entry.thread_pointer;
    load_fs_base(cpu, entry.thread_pointer);
    // A thread that got user state while running was not switched in as one.
    x86_64::apply_io_ports(cpu.index, context->io_ports);
    x86_64_enter_user_mode(context->kernel_stack_top, entry.pc, entry.stack_pointer,
                           entry.argument0, entry.argument1);
}

void set_thread_pointer(uintptr_t pointer) {
    InterruptState interrupts = disable_interrupts();
    CpuLocal& cpu = this_cpu();
    KERNEL_ASSERT(cpu.current_context != nullptr);
    cpu.current_context->fs_base = pointer;
    load_fs_base(cpu, pointer);
    restore_interrupts(interrupts);
}

void print_user_registers() {
    InterruptState interrupts = disable_interrupts();
    ThreadContext* context = this_cpu().current_context;
    restore_interrupts(interrupts);
    if (context == nullptr || context->kernel_stack_top == 0) {
        kernel::print("  (no user registers: not a user thread)\n");
        return;
    }
    // Every trap from user mode leaves its frame at the top of the kernel
    // stack (cpu/exception_frame.h).
    x86_64::print_frame_registers(*user_frame(*context));
}

}  // namespace hal::context

// context_switch.S's park_and_resume, when I/O ports are involved: that part
// of load().
extern "C" void x86_64_apply_io_ports_of(const hal::context::ThreadContext& to) {
    hal::x86_64::apply_io_ports(hal::x86_64::this_cpu().index, to.io_ports);
}

// The offsets context_switch.S uses.
static_assert(offsetof(hal::x86_64::CpuLocal, kernel_stack_top) == 8);
static_assert(offsetof(hal::x86_64::CpuLocal, current_context) == 128);
static_assert(offsetof(hal::x86_64::CpuLocal, loaded_fs_base) == 136);
static_assert(offsetof(hal::x86_64::CpuLocal, io_ports_open) == 152);
static_assert(offsetof(hal::io_ports::PortAccess, generation) == 0);
static_assert(hal::context::kMsrFsBase == 0xc0000100);  // MSR_FS_BASE
static_assert(offsetof(hal::context::ThreadContext, stack_pointer) == 0);
static_assert(offsetof(hal::context::ThreadContext, kernel_stack_top) == 8);
static_assert(offsetof(hal::context::ThreadContext, fs_base) == 16);
static_assert(offsetof(hal::context::ThreadContext, io_ports) == 40);
static_assert(offsetof(hal::context::ThreadContext, fp_state) == 48);
static_assert(sizeof(hal::x86_64::ExceptionFrame) == 176);
// After the pops but rax's, the user's rsp is 48 bytes above the stack
// pointer.
static_assert(offsetof(hal::x86_64::ExceptionFrame, rsp) -
                  offsetof(hal::x86_64::ExceptionFrame, rax) ==
              48);

// context_switch.S's x86_64_parked_start: a parked thread switched to.
extern "C" void x86_64_resume_parked_thread() {
    kernel::resume_parked_thread();
}
