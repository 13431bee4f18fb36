// Limits of secondary CPU bring-up (smp.cc, secondary_entry.S), shared by
// the assembly and the C++.
#pragma once

// CPU indices 1..SECONDARY_CPUS_MAX can be started: the interrupt code
// numbers at most 64 CPUs (hal::kMaxCpus), the boot CPU is 0.
#define SECONDARY_CPUS_MAX 63

// Each secondary CPU's boot stack (what it runs kernel::secondary_main on):
// 16 KiB, like the boot CPU's, statically in .bss. No guard page.
#define SECONDARY_STACK_SHIFT 14
#define SECONDARY_STACK_SIZE (1 << SECONDARY_STACK_SHIFT)
