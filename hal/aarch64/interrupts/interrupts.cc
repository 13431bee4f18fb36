// hal/interrupts.h for aarch64: picks the GIC the device tree names, and
// the IRQ path from the exception vectors to the kernel's handlers.
#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/boot_device_tree.h"
#include "hal/aarch64/interrupts/gic.h"
#include "hal/aarch64/interrupts/gic_v2.h"
#include "hal/aarch64/interrupts/gic_v3.h"
#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/debug/print.h"

namespace hal::aarch64 {
namespace {

// Stands in when the device tree names no GIC: nothing can be enabled.
class NoGic final : public Gic {
public:
    const char* name() const override { return "none"; }
    os::ErrorOr<void> initialize() override { return os::Error::kNotFound; }
    bool acknowledge(irq::Line*) override { return false; }
    void end_of_interrupt(irq::Line) override {}
    os::ErrorOr<void> set_affinity(irq::Line, uint32_t) override {
        return os::Error::kInvalidArgument;
    }
    os::ErrorOr<void> initialize_this_cpu() override { return os::Error::kNotFound; }
    os::ErrorOr<void> send_sgi(uint32_t, uint32_t) override { return os::Error::kInvalidArgument; }

private:
    void unmask(irq::Line) override {}
    void mask(irq::Line) override {}
};

constinit GicV2 gic_v2;
constinit GicV3 gic_v3;
constinit NoGic no_gic;

// Filled on first use (by the boot CPU, before interrupts or other CPUs).
constinit InterruptPlatform platform;
constinit bool platform_read = false;

void read_platform() {
    const os::fdt::DeviceTree& tree = boot_device_tree();
    auto gic = find_gic(tree);
    if (!gic.is_error()) {
        platform.has_gic = true;
        platform.gic = gic.value();
    } else if (gic.error() != os::Error::kNotFound) {
        kernel::print("aarch64: unusable GIC node in the device tree: %s\n",
                      os::to_string(gic.error()));
    }
    platform.timer_intid = find_virtual_timer_intid(tree);
    uint64_t boot_affinity = current_cpu_affinity();
    if (auto cpus = read_cpu_affinities(tree, boot_affinity, platform.cpus); cpus.is_error()) {
        // Without a usable CPU list, only the boot CPU is known.
        kernel::print("aarch64: cannot read the CPUs' MPIDRs from the device tree (%s)\n",
                      os::to_string(cpus.error()));
        platform.cpus = CpuAffinities{};
        platform.cpus.affinity[0] = boot_affinity;
        platform.cpus.count = 1;
    }
}

}  // namespace

const InterruptPlatform& interrupt_platform() {
    if (!platform_read) {
        read_platform();
        platform_read = true;
    }
    return platform;
}

Gic& active_gic() {
    const InterruptPlatform& machine = interrupt_platform();
    if (!machine.has_gic) return no_gic;
    if (machine.gic.version == GicVersion::kV3) return gic_v3;
    return gic_v2;
}

os::ErrorOr<void> Gic::enable(irq::Line line) {
    if (line >= lines_ || is_reserved(line)) return os::Error::kInvalidArgument;
    unmask(line);
    return {};
}

os::ErrorOr<void> Gic::disable(irq::Line line) {
    if (line >= lines_ || is_reserved(line)) return os::Error::kInvalidArgument;
    mask(line);
    return {};
}

void handle_irq() {
    Gic& gic = active_gic();
    uint32_t timer = interrupt_platform().timer_intid;
    // Everything pending, one after the other: cheaper than an exception
    // return and entry per interrupt.
    irq::Line line;
    while (gic.acknowledge(&line)) {
        if (line < kFirstPpi) {
            kernel::handle_ipi();
        } else if (line == timer) {
            handle_timer_interrupt();
        } else {
            kernel::handle_interrupt(line);
        }
        gic.end_of_interrupt(line);
    }
}

}  // namespace hal::aarch64

namespace hal::irq {

InterruptController& controller() {
    return aarch64::active_gic();
}

os::ErrorOr<void> send_ipi(uint32_t cpu) {
    return aarch64::active_gic().send_sgi(cpu, aarch64::kIpiSgi);
}

void enable_interrupts() {
    asm volatile("msr daifclr, #2" ::: "memory");
}

}  // namespace hal::irq
