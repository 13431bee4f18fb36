// From the firmware's hand-off to kernel::main: entry.S calls riscv64_boot
// with the boot hart's id and the device tree; hal/common/device_tree_boot
// turns the tree into a hal::BootInfo, and this file adds what is riscv64's
// own (console choice, SBI description).
#include "hal/boot_info.h"
#include "hal/common/device_tree_boot.h"
#include "hal/common/global_constructors.h"
#include "hal/riscv64/console_select.h"
#include "hal/riscv64/firmware_description.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {
namespace {

constexpr char kArchitecture[] = "riscv64";

// Too large for the boot stack; filled once, by the boot hart.
constinit os::fdt::Platform platform;
constinit hal::BootInfo boot_info;

// Moves the console to the UART the tree names. Until now it has been the
// virt board's fixed address, which may not exist on another machine.
void select_console(const os::fdt::DeviceTree& tree) {
    os::fdt::DeviceRegion uart = os::fdt::find_compatible(tree, "ns16550a");
    if (uart.present && uart.base != 0) {
        console_use_uart(uart.base);
    } else {
        console_use_firmware();
        kernel::print("riscv64: no ns16550a in the device tree; using the SBI console\n");
    }
}

}  // namespace

extern "C" [[noreturn]] void riscv64_boot(uint64_t hart_id, uint64_t device_tree_address) {
    run_global_constructors();

    os::fdt::DeviceTree tree = open_device_tree(kArchitecture, device_tree_address);
    select_console(tree);
    fill_boot_info_from_device_tree(kArchitecture, tree, device_tree_address, platform, boot_info);
    kernel::print("riscv64: booting on hart %llu\n", static_cast<unsigned long long>(hart_id));
    boot_info.boot_protocol = describe_firmware();
    kernel::main(boot_info);
}

}  // namespace hal::riscv64
