// Per-CPU data reached through the GS segment base.
//
// Each CPU's IA32_GS_BASE points at its own CpuLocal block, whose first field
// is the CPU index, so hal::current_cpu_index() is one gs-relative load
// (include/hal/arch/cpu_inline.h) that cannot be preempted half-way. GS was
// chosen over RDPID/RDTSCP's TSC_AUX: those need CPUID support (RDPID is
// missing on many CPU models QEMU offers) and TSC_AUX is
// a value user code can read, while the GS base works on every x86_64 CPU.
//
// Set on the boot CPU in x86_64_boot_main right after the GDT is loaded
// (loading a null GS selector clears the base on Intel CPUs, so it must
// come after that), on the others in x86_64_secondary_entry. Every entry from
// user mode (syscall_entry.S, exception_entry.S) runs `swapgs` first and
// every exit to user mode last, so the kernel's base is the one in
// IA32_GS_BASE whenever kernel code runs; IA32_KERNEL_GS_BASE holds the
// user's meanwhile (always 0: user code cannot change its GS base, CR4.FSGSBASE
// stays off).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"

namespace hal::context {
struct ThreadContext;
}

namespace hal::x86_64 {

using hal::kMaxCpus;

struct CpuLocal {
    uint32_t index;  // offset 0: what current_cpu_index() reads
    uint32_t padding;
    // Offset 8: the running thread's kernel stack top, where the system call
    // entry switches to (set by switch_to, as TSS.RSP0 is).
    uint64_t kernel_stack_top;
    // Offset 16: the user rsp, parked by the system call entry while it has
    // no stack yet.
    uint64_t user_stack_scratch;
    // Offset 24: this block's own address, so that C++ can reach it with
    // one gs-relative load.
    CpuLocal* self;
    // The context switch_to() last switched to on this CPU (the running
    // thread), null while the CPU's boot thread has not switched yet.
    context::ThreadContext* current_context;
    // The IA32_FS_BASE value loaded on this CPU (skips a wrmsr when the next
    // user thread has the same).
    uint64_t loaded_fs_base;
    // The page fault being handed to the kernel on the running thread (see
    // cpu/page_fault.cc); switch_to() saves it in the thread's context.
    const void* fault_in_progress;
    // Where this CPU's TSS.RSP0 lives (cpu/gdt.h privilege_stack_slot()):
    // every switch writes it, without a call or a multiply to find it.
    void* privilege_stack;
};
static_assert(offsetof(CpuLocal, index) == 0);
// syscall_entry.S uses these offsets.
static_assert(offsetof(CpuLocal, kernel_stack_top) == 8);
static_assert(offsetof(CpuLocal, user_stack_scratch) == 16);
static_assert(offsetof(CpuLocal, self) == 24);

// Points this CPU's GS base at the block of CPU `cpu` (< kMaxCpus) and
// stores the index there.
void install_cpu_local(uint32_t cpu);

// The executing CPU's block. Interrupts masked (or the caller pinned),
// else the thread may move to another CPU under it.
inline CpuLocal& this_cpu() {
    CpuLocal* block;
    asm volatile("movq %%gs:24, %0" : "=r"(block));
    return *block;
}

}  // namespace hal::x86_64
