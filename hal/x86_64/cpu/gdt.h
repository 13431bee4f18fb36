// The kernel's GDT and TSS.
//
// Long mode ignores segment bases and limits, but the GDT still marks code
// as 64-bit and holds the TSS, and the TSS's interrupt stack table (IST)
// gives chosen exception vectors a stack of their own. A double fault is
// often a kernel stack overflow, and an NMI can arrive on any instruction,
// so both run on dedicated stacks rather than on whatever rsp happens to be.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

// Kernel code and data: same numbers as the boot GDT in boot/boot.S, so the
// switch is seamless. User data and code follow in the order sysret needs:
// it loads SS from STAR[63:48] + 8 and CS from STAR[63:48] + 16 (both with
// RPL 3), so with STAR[63:48] = kKernelDataSelector the user data segment
// must come right before the user code segment (cpu/syscall.cc).
inline constexpr uint16_t kKernelCodeSelector = 0x08;
inline constexpr uint16_t kKernelDataSelector = 0x10;
inline constexpr uint16_t kUserDataSelector = 0x18 | 3;
inline constexpr uint16_t kUserCodeSelector = 0x20 | 3;
inline constexpr uint16_t kTaskStateSelector = 0x28;
static_assert(kUserDataSelector == (kKernelDataSelector + 8) + 3);
static_assert(kUserCodeSelector == (kKernelDataSelector + 16) + 3);

// IST slots as an IDT gate names them (1-7; 0 means "the current stack").
inline constexpr uint8_t kDoubleFaultStack = 1;
inline constexpr uint8_t kNmiStack = 2;

// Installs CPU `cpu`'s GDT (< kMaxCpus of cpu/cpu_local.h), reloads every
// segment register (GS too, so the GS base must be set afterwards) and loads
// its TSS. Called once on each CPU, on the executing one, before its IDT.
void load_gdt_and_task_state(uint32_t cpu);

// TSS.RSP0, the stack the CPU switches to when an interrupt or exception
// arrives in user mode, is CpuLocal::kernel_stack_top (cpu/cpu_local.h):
// thread switches keep it at the running thread's kernel stack top.

// CPU `cpu`'s TSS I/O permission bitmap (kIoBitmapBytes, cpu/io_bitmap.h),
// all ports denied at load_gdt_and_task_state(); cpu/io_ports.cc edits it.
uint8_t* io_permission_bitmap(uint32_t cpu);

}  // namespace hal::x86_64
