#include "hal/aarch64/interrupts/gic_v2.h"

#include "hal/aarch64/early_mappings.h"
#include "hal/aarch64/interrupts/mmio.h"
#include "hal/cpu.h"
#include "kernel/lib/utility.h"

namespace hal::aarch64 {
namespace {

// Distributor registers (GICv2 architecture specification, 4.1.2).
constexpr uintptr_t GICD_CTLR = 0x000;
constexpr uintptr_t GICD_TYPER = 0x004;
constexpr uintptr_t GICD_ISENABLER = 0x100;
constexpr uintptr_t GICD_ICENABLER = 0x180;
constexpr uintptr_t GICD_ICPENDR = 0x280;
constexpr uintptr_t GICD_IPRIORITYR = 0x400;
constexpr uintptr_t GICD_ITARGETSR = 0x800;
constexpr uintptr_t GICD_SGIR = 0xf00;
constexpr uintptr_t kDistributorSize = 0x1000;
// GICD_SGIR.TargetListFilter: 0 = the CPUs in CPUTargetList, 2 = only the
// requesting CPU.
constexpr uint32_t kSgiToList = 0 << 24;
constexpr uint32_t kSgiToSelf = 2 << 24;

// CPU interface registers (4.1.3). GICC_DIR at 0x1000 is not used (EOImode
// stays 0: EOIR both drops the priority and deactivates).
constexpr uintptr_t GICC_CTLR = 0x00;
constexpr uintptr_t GICC_PMR = 0x04;
constexpr uintptr_t GICC_BPR = 0x08;
constexpr uintptr_t GICC_IAR = 0x0c;
constexpr uintptr_t GICC_EOIR = 0x10;
constexpr uintptr_t kCpuInterfaceSize = 0x2000;

// GICD_CTLR/GICC_CTLR bit 0: forward interrupts (Group 0 without security
// extensions, Group 1 in the non-secure view with them). GICC_CTLR.FIQEn
// stays 0, so they all arrive as IRQs.
constexpr uint32_t kEnable = 1;

constexpr uint32_t kInterruptIdMask = 0x3ff;

}  // namespace

os::ErrorOr<void> GicV2::initialize() {
    const InterruptPlatform& platform = interrupt_platform();
    if (!platform.has_gic || platform.gic.version != GicVersion::kV2) return os::Error::kNotFound;
    void* distributor =
        map_device(platform.gic.distributor.base,
                   os::min<uint64_t>(platform.gic.distributor.size, kDistributorSize));
    void* cpu_interface = map_device(
        platform.gic.second.base, os::min<uint64_t>(platform.gic.second.size, kCpuInterfaceSize));
    if (distributor == nullptr || cpu_interface == nullptr) return os::Error::kNoSpace;
    distributor_ = reinterpret_cast<uintptr_t>(distributor);
    cpu_interface_ = reinterpret_cast<uintptr_t>(cpu_interface);

    mmio_write32(distributor_ + GICD_CTLR, 0);
    uint32_t lines = 32 * ((mmio_read32(distributor_ + GICD_TYPER) & 0x1f) + 1);
    lines_ = lines < kFirstSpecial ? lines : kFirstSpecial;

    TRY(initialize_this_cpu());
    // Every SPI masked, not pending, at the default priority, routed to the
    // boot CPU.
    for (irq::Line line = kFirstSpi; line < lines_; line += 32) {
        mmio_write32(distributor_ + GICD_ICENABLER + word_of(line), 0xffffffff);
        mmio_write32(distributor_ + GICD_ICPENDR + word_of(line), 0xffffffff);
    }
    uint8_t boot_cpu = interface_masks_[current_cpu_index()];
    for (irq::Line line = kFirstSpi; line < lines_; ++line) {
        mmio_write8(distributor_ + GICD_IPRIORITYR + line, kDefaultPriority);
        mmio_write8(distributor_ + GICD_ITARGETSR + line, boot_cpu);
    }
    mmio_write32(distributor_ + GICD_CTLR, kEnable);
    return {};
}

os::ErrorOr<void> GicV2::initialize_this_cpu() {
    uint32_t cpu = current_cpu_index();
    if (cpu >= hal::kMaxCpus) return os::Error::kInvalidArgument;
    // ITARGETSR0-7 read as this CPU's own interface bit (banked). A
    // uniprocessor GIC reads 0 there; SGIs to oneself still work.
    interface_masks_[cpu] = static_cast<uint8_t>(mmio_read32(distributor_ + GICD_ITARGETSR));

    // The banked SGIs and PPIs: all masked but the IPI, none pending, all at
    // the default priority.
    mmio_write32(distributor_ + GICD_ICENABLER, 0xffffffff);
    mmio_write32(distributor_ + GICD_ICPENDR, 0xffffffff);
    for (irq::Line line = 0; line < kFirstSpi; ++line)
        mmio_write8(distributor_ + GICD_IPRIORITYR + line, kDefaultPriority);
    unmask(kIpiSgi);

    mmio_write32(cpu_interface_ + GICC_PMR, kPriorityMask);
    mmio_write32(cpu_interface_ + GICC_BPR, 0);
    mmio_write32(cpu_interface_ + GICC_CTLR, kEnable);
    return {};
}

void GicV2::unmask(irq::Line line) {
    mmio_write32(distributor_ + GICD_ISENABLER + word_of(line), bit_of(line));
}

void GicV2::mask(irq::Line line) {
    mmio_write32(distributor_ + GICD_ICENABLER + word_of(line), bit_of(line));
}

bool GicV2::acknowledge(irq::Line* line) {
    uint32_t iar = mmio_read32(cpu_interface_ + GICC_IAR);
    irq::Line id = iar & kInterruptIdMask;
    if (id >= kFirstSpecial) return false;
    uint32_t cpu = current_cpu_index();
    if (cpu < hal::kMaxCpus) acknowledged_[cpu] = iar;
    *line = id;
    return true;
}

void GicV2::end_of_interrupt(irq::Line line) {
    uint32_t cpu = current_cpu_index();
    uint32_t value = line;
    if (cpu < hal::kMaxCpus && (acknowledged_[cpu] & kInterruptIdMask) == line)
        value = acknowledged_[cpu];
    mmio_write32(cpu_interface_ + GICC_EOIR, value);
}

os::ErrorOr<void> GicV2::set_affinity(irq::Line line, uint32_t cpu) {
    if (line < kFirstSpi || line >= lines_ || is_reserved(line)) return os::Error::kInvalidArgument;
    if (cpu >= interrupt_platform().cpus.count) return os::Error::kInvalidArgument;
    // A CPU that has not brought its interface up has no known target bit.
    if (interface_masks_[cpu] == 0) return os::Error::kNotFound;
    mmio_write8(distributor_ + GICD_ITARGETSR + line, interface_masks_[cpu]);
    return {};
}

os::ErrorOr<void> GicV2::send_sgi(uint32_t cpu, uint32_t intid) {
    if (cpu >= interrupt_platform().cpus.count || intid >= kFirstPpi)
        return os::Error::kInvalidArgument;
    uint32_t value;
    if (cpu == current_cpu_index()) {
        value = kSgiToSelf | intid;
    } else if (interface_masks_[cpu] != 0) {
        value = kSgiToList | uint32_t{interface_masks_[cpu]} << 16 | intid;
    } else {
        return os::Error::kNotFound;
    }
    // The receiver must see every write made before the IPI.
    asm volatile("dsb ishst" ::: "memory");
    mmio_write32(distributor_ + GICD_SGIR, value);
    return {};
}

}  // namespace hal::aarch64
