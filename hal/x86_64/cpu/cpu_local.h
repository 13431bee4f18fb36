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
// come after that), on the others in x86_64_secondary_entry. Once user mode
// exists, the entry paths must swapgs so that the kernel's base is the one
// in IA32_GS_BASE while the kernel runs (IA32_KERNEL_GS_BASE holds the
// user's meanwhile).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"

namespace hal::x86_64 {

using hal::kMaxCpus;

struct CpuLocal {
    uint32_t index;  // offset 0: what current_cpu_index() reads
};
static_assert(offsetof(CpuLocal, index) == 0);

// Points this CPU's GS base at the block of CPU `cpu` (< kMaxCpus) and
// stores the index there.
void install_cpu_local(uint32_t cpu);

}  // namespace hal::x86_64
