// From the loader's hand-off to kernel::main: boot.S calls aarch64_boot_main
// with the device tree; hal/common/device_tree_boot turns the tree into a
// hal::BootInfo, and this file adds what is aarch64's own (mappings, console,
// PSCI).
#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/boot_device_tree.h"
#include "hal/aarch64/early_mappings.h"
#include "hal/aarch64/pl011.h"
#include "hal/aarch64/psci.h"
#include "hal/boot_info.h"
#include "hal/common/device_tree_boot.h"
#include "hal/common/global_constructors.h"
#include "kernel/debug/print.h"
#include "kernel/lib/format.h"

namespace hal::aarch64 {
namespace {

constexpr char kArchitecture[] = "aarch64";

// Too large for the boot stack, and kernel::main keeps a reference to
// boot_info for good. Filled once, by the boot CPU.
constinit os::fdt::Platform platform;
constinit hal::BootInfo boot_info;
constinit os::fdt::DeviceTree device_tree;
char boot_protocol[80];

// Until the device tree names one, the console is the virt board's fixed
// PL011, which may not exist on another machine.
void use_fallback_console() {
    void* registers = map_device(PL011_FALLBACK_BASE, PL011_REGISTERS_USED);
    use_pl011_at(reinterpret_cast<uintptr_t>(registers));
}

// Moves the console to the PL011 the tree names.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "arm,pl011");
    void* registers = nullptr;
    if (uart.present && uart.base != 0 && uart.size >= PL011_REGISTERS_USED)
        registers = map_device(uart.base, uart.size);
    if (registers == nullptr) {
        kernel::print("aarch64: no usable arm,pl011 in the device tree; keeping 0x%x\n",
                      PL011_FALLBACK_BASE);
        return;
    }
    use_pl011_at(reinterpret_cast<uintptr_t>(registers));
}

}  // namespace

const os::fdt::DeviceTree& boot_device_tree() {
    return device_tree;
}

// Called by boot.S on the boot CPU at EL1, on the boot page tables (MMU and
// caches on, running at the linked addresses), interrupts masked, with .bss
// zeroed and VBAR_EL1 set. `device_tree_address` and `image_address` are
// physical; `entry_level` is the EL the loader entered the kernel at (2 if
// boot.S left EL2).
extern "C" [[noreturn]] void aarch64_boot_main(uint64_t device_tree_address, uint64_t entry_level,
                                               uint64_t image_address) {
    // First: hal::current_cpu_index() works from here on.
    initialize_boot_cpu();
    initialize_early_mappings(image_address);
    use_fallback_console();
    run_global_constructors();

    device_tree = open_device_tree(kArchitecture, device_tree_address);
    const os::fdt::DeviceTree& tree = device_tree;
    select_console(tree);
    fill_boot_info_from_device_tree(kArchitecture, tree, device_tree_address, platform, boot_info);
    fill_numa_from_device_tree(kArchitecture, tree, current_cpu_affinity(), boot_info);
    // All of RAM, so the boot archive in boot_info (and whatever kernel/mm
    // touches first) is reachable.
    extend_direct_map(boot_info.memory_map);
    set_psci_conduit(platform.psci);

    os::format(boot_protocol, sizeof(boot_protocol),
               "Linux arm64 boot protocol (device tree, entered at EL%llu)",
               static_cast<unsigned long long>(entry_level));
    boot_info.boot_protocol = boot_protocol;
    kernel::main(boot_info);
}

}  // namespace hal::aarch64
