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
#include "hal/x86_64/cpu/io_bitmap.h"

namespace hal::context {
struct ThreadContext;
}

namespace hal::x86_64 {

using hal::kMaxCpus;

// Its first part is also this CPU's 64-bit TSS (Intel SDM vol. 3A, 8.7),
// with the TSS's I/O permission bitmap at the end of the block (cpu/gdt.cc
// loads it): so TSS.RSP0, the stack traps from user mode arrive on, is the
// same word as the system call entry's stack (kernel_stack_top, gs:8), and
// a switch stores the running thread's kernel stack top once, gs-relative.
// Every TSS field is naturally aligned at these offsets.
struct CpuLocal {
    uint32_t index;  // offset 0: what current_cpu_index() reads
    // Offset 4: the TSS starts here.
    uint32_t tss_reserved0;
    // Offset 8, TSS.RSP0: the running thread's kernel stack top, where
    // traps from user mode and the system call entry switch to (set by
    // every switch).
    uint64_t kernel_stack_top;
    uint64_t tss_unused_stacks[2];  // RSP1, RSP2: no ring 1 or 2 code exists
    uint64_t tss_reserved1;
    uint64_t interrupt_stacks[7];  // IST1..IST7 (cpu/gdt.h)
    uint64_t tss_reserved2;
    uint16_t tss_reserved3;
    uint16_t io_map_base;  // io_bitmap's offset from the TSS's start
    // The TSS ends here (offset 108).
    uint32_t padding;
    // The user rsp, parked by the system call entry while it has no stack
    // yet.
    uint64_t user_stack_scratch;
    // This block's own address, so that C++ can reach it with one
    // gs-relative load.
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
    // io_ports::loaded[index].range_count (cpu/io_ports.h), written with it
    // by load_io_ports(): how many port ranges are open in this CPU's
    // bitmap. With it 0, a switch into a thread whose PortAccess was never
    // edited (generation 0) has nothing to do, which thread/context_switch.S's
    // park_and_resume tests without reaching io_ports::loaded.
    uint64_t io_ports_open;
    // The TSS's I/O permission bitmap (cpu/io_bitmap.h: all ports denied
    // but those cpu/io_ports.cc opens) and the all-ones byte the CPU may
    // read after it; the TSS limit ends at that byte.
    uint8_t io_bitmap[kIoBitmapBytes];
    uint8_t io_bitmap_end;
};
static_assert(offsetof(CpuLocal, index) == 0);
// The TSS layout.
static_assert(offsetof(CpuLocal, kernel_stack_top) - offsetof(CpuLocal, tss_reserved0) == 4);
static_assert(offsetof(CpuLocal, interrupt_stacks) - offsetof(CpuLocal, tss_reserved0) == 36);
static_assert(offsetof(CpuLocal, io_map_base) - offsetof(CpuLocal, tss_reserved0) == 102);
static_assert(offsetof(CpuLocal, padding) - offsetof(CpuLocal, tss_reserved0) == 104);
// syscall_entry.S and thread/context_switch.S use these offsets.
static_assert(offsetof(CpuLocal, kernel_stack_top) == 8);
static_assert(offsetof(CpuLocal, user_stack_scratch) == 112);
static_assert(offsetof(CpuLocal, self) == 120);
static_assert(offsetof(CpuLocal, current_context) == 128);
static_assert(offsetof(CpuLocal, loaded_fs_base) == 136);
static_assert(offsetof(CpuLocal, io_ports_open) == 152);

// CPU `cpu`'s block (< kMaxCpus), for setting it up.
CpuLocal& cpu_local(uint32_t cpu);

// Points this CPU's GS base at the block of CPU `cpu` (< kMaxCpus) and
// stores the index there.
void install_cpu_local(uint32_t cpu);

// The executing CPU's block. Interrupts masked (or the caller pinned),
// else the thread may move to another CPU under it.
inline CpuLocal& this_cpu() {
    CpuLocal* block;
    asm volatile("movq %%gs:%c1, %0" : "=r"(block) : "i"(offsetof(CpuLocal, self)));
    return *block;
}

}  // namespace hal::x86_64
