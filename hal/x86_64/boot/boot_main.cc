// The first C++ code: boot.S calls x86_64_boot_main in long mode, in the
// higher half, on the boot stack, with interrupts disabled. It installs the
// CPU tables, turns on the CPU's protection features, gathers the BootInfo
// and hands over to the generic kernel.
#include <stdint.h>

#include "hal/boot_info.h"
#include "hal/common/global_constructors.h"
#include "hal/x86_64/acpi/numa.h"
#include "hal/x86_64/acpi/processors.h"
#include "hal/x86_64/boot/multiboot_info.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/features.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/idt.h"
#include "hal/x86_64/cpu/syscall.h"
#include "hal/x86_64/mmu/kernel_mappings.h"
#include "hal/x86_64/smp/start_cpus.h"
#include "kernel/debug/panic.h"
#include "kernel/lib/command_line.h"

namespace {

// Outlives the call: kernel::main keeps a reference for good.
hal::BootInfo boot_info;

}  // namespace

extern "C" [[noreturn]] void x86_64_boot_main(uint32_t multiboot_info_address) {
    using namespace hal::x86_64;
    // Exceptions first, so that any fault below gets a register dump.
    load_gdt_and_task_state(0);
    // The CPU index (hal::current_cpu_index()) from here on; after the GDT,
    // whose segment reload clears the GS base.
    install_cpu_local(0);
    load_idt();
    // NX, write protection, global pages, SMEP/SMAP and PCIDs, then the boot
    // page tables tightened to use them.
    enable_cpu_features();
    enable_system_calls_on_this_cpu();
    harden_boot_mappings();
    hal::run_global_constructors();

    boot_info.architecture = "x86_64";
    read_multiboot_info(multiboot_info_address, boot_info);
    // Before kernel/mm takes the usable memory: the page secondary CPUs start in.
    reserve_trampoline_page(boot_info.memory_map);
    // Known from here on: a panic while reading the rest may power off.
    kernel::configure_panic(os::CommandLine(boot_info.command_line));
    boot_info.cpu_count = acpi::count_processors();
    acpi::read_numa_topology(boot_info.numa);
    kernel::main(boot_info);
}
