// From the loader's hand-off to kernel::main: boot.S calls aarch64_boot_main
// with the device tree; hal/common/device_tree_boot turns the tree into a
// hal::BootInfo, and this file adds what is aarch64's own (console, PSCI).
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
char boot_protocol[80];

// Moves the console to the PL011 the tree names. Until now it has been the
// virt board's fixed address, which may not exist on another machine.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "arm,pl011");
    if (!uart.present || uart.base == 0 || uart.size < PL011_REGISTERS_USED) {
        kernel::print("aarch64: no usable arm,pl011 in the device tree; keeping 0x%x\n",
                      PL011_FALLBACK_BASE);
        return;
    }
    use_pl011_at(uart.base);
}

}  // namespace

// Called by boot.S on the boot CPU at EL1, MMU off, interrupts masked, with
// .bss zeroed and VBAR_EL1 set. `entry_level` is the EL the loader entered
// the kernel at (2 if boot.S left EL2).
extern "C" [[noreturn]] void aarch64_boot_main(uint64_t device_tree_address, uint64_t entry_level) {
    run_global_constructors();

    os::fdt::DeviceTree tree = open_device_tree(kArchitecture, device_tree_address);
    select_console(tree);
    fill_boot_info_from_device_tree(kArchitecture, tree, device_tree_address, platform, boot_info);
    set_psci_conduit(platform.psci);

    os::format(boot_protocol, sizeof(boot_protocol),
               "Linux arm64 boot protocol (device tree, entered at EL%llu)",
               static_cast<unsigned long long>(entry_level));
    boot_info.boot_protocol = boot_protocol;
    kernel::main(boot_info);
}

}  // namespace hal::aarch64
