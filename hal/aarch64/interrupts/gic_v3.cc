#include "hal/aarch64/interrupts/gic_v3.h"

#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/early_mappings.h"
#include "hal/aarch64/interrupts/mmio.h"
#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/lib/utility.h"

namespace hal::aarch64 {
namespace {

// Distributor (GICv3/v4 architecture specification, 12.9).
constexpr uintptr_t GICD_CTLR = 0x0000;
constexpr uintptr_t GICD_TYPER = 0x0004;
constexpr uintptr_t GICD_IGROUPR = 0x0080;
constexpr uintptr_t GICD_ISENABLER = 0x0100;
constexpr uintptr_t GICD_ICENABLER = 0x0180;
constexpr uintptr_t GICD_ICPENDR = 0x0280;
constexpr uintptr_t GICD_IPRIORITYR = 0x0400;
constexpr uintptr_t GICD_IROUTER = 0x6000;
constexpr uint64_t kDistributorSize = 0x10000;
// GICD_CTLR: RWP (a register write is still taking effect); ARE_NS
// (affinity routing); bits 1 and 0 enable Group 1 (and, with a single
// security state, Group 0 — the same bits in either view).
constexpr uint32_t GICD_CTLR_RWP = 1u << 31;
constexpr uint32_t GICD_CTLR_ARE = 1u << 4;
constexpr uint32_t GICD_CTLR_ENABLE_GROUPS = 0x3;

// Redistributor: RD_base frame, then SGI_base 64 KiB above it. Each
// redistributor is two such frames, four with GICv4 virtual LPIs.
constexpr uintptr_t GICR_CTLR = 0x0000;
constexpr uintptr_t GICR_TYPER = 0x0008;
constexpr uintptr_t GICR_WAKER = 0x0014;
constexpr uintptr_t GICR_IGROUPR0 = 0x0080;
constexpr uintptr_t GICR_ISENABLER0 = 0x0100;
constexpr uintptr_t GICR_ICENABLER0 = 0x0180;
constexpr uintptr_t GICR_ICPENDR0 = 0x0280;
constexpr uintptr_t GICR_IPRIORITYR = 0x0400;
constexpr uint64_t kSgiFrameOffset = 0x10000;
constexpr uint64_t kRedistributorStride = 0x20000;
constexpr uint64_t kRedistributorStrideVlpi = 0x40000;
constexpr uint32_t GICR_CTLR_RWP = 1u << 3;
constexpr uint64_t GICR_TYPER_VLPIS = 1u << 1;
constexpr uint64_t GICR_TYPER_LAST = 1u << 4;
constexpr uint32_t GICR_WAKER_PROCESSOR_SLEEP = 1u << 1;
constexpr uint32_t GICR_WAKER_CHILDREN_ASLEEP = 1u << 2;

// ICC_SRE_EL1: SRE (use the system registers), DFB and DIB (no FIQ/IRQ
// bypass).
constexpr uint64_t ICC_SRE_EL1_SRE = 1;
constexpr uint64_t ICC_SRE_EL1_ALL = 0x7;
constexpr uint32_t kInterruptIdMask = 0xffffff;

// Polls for register writes to take effect. The GIC finishes them in a few
// cycles; the bound only keeps a broken one from hanging the boot.
constexpr int kMaxPolls = 1000000;

// The CPU interface. Named system registers: clang 16 knows them all.
uint64_t read_sre() {
    uint64_t value;
    asm volatile("mrs %0, icc_sre_el1" : "=r"(value));
    return value;
}

}  // namespace

void GicV3::wait_for_distributor() const {
    for (int i = 0; i < kMaxPolls && (mmio_read32(distributor_ + GICD_CTLR) & GICD_CTLR_RWP); ++i)
        spin_pause();
}

void GicV3::wait_for_redistributor(uint32_t cpu) const {
    for (int i = 0;
         i < kMaxPolls && (mmio_read32(redistributors_[cpu] + GICR_CTLR) & GICR_CTLR_RWP); ++i)
        spin_pause();
}

os::ErrorOr<void> GicV3::initialize() {
    const InterruptPlatform& platform = interrupt_platform();
    if (!platform.has_gic || platform.gic.version != GicVersion::kV3) return os::Error::kNotFound;
    void* distributor =
        map_device(platform.gic.distributor.base,
                   os::min<uint64_t>(platform.gic.distributor.size, kDistributorSize));
    if (distributor == nullptr) return os::Error::kNoSpace;
    distributor_ = reinterpret_cast<uintptr_t>(distributor);

    mmio_write32(distributor_ + GICD_CTLR, 0);
    wait_for_distributor();
    uint32_t lines = 32 * ((mmio_read32(distributor_ + GICD_TYPER) & 0x1f) + 1);
    lines_ = lines < kFirstSpecial ? lines : kFirstSpecial;

    // Every SPI in Group 1, masked, not pending, at the default priority and
    // routed to the boot CPU.
    for (irq::Line line = kFirstSpi; line < lines_; line += 32) {
        mmio_write32(distributor_ + GICD_IGROUPR + word_of(line), 0xffffffff);
        mmio_write32(distributor_ + GICD_ICENABLER + word_of(line), 0xffffffff);
        mmio_write32(distributor_ + GICD_ICPENDR + word_of(line), 0xffffffff);
    }
    uint64_t boot_cpu = current_cpu_affinity();
    for (irq::Line line = kFirstSpi; line < lines_; ++line) {
        mmio_write8(distributor_ + GICD_IPRIORITYR + line, kDefaultPriority);
        mmio_write64(distributor_ + GICD_IROUTER + 8 * line, boot_cpu);
    }
    wait_for_distributor();
    // Affinity routing first, then the groups (the order the specification
    // asks for when ARE changes).
    mmio_write32(distributor_ + GICD_CTLR, GICD_CTLR_ARE);
    wait_for_distributor();
    mmio_write32(distributor_ + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_GROUPS);
    wait_for_distributor();

    return initialize_this_cpu();
}

os::ErrorOr<void> GicV3::find_redistributor(uint32_t cpu) {
    const GicFrame& region = interrupt_platform().gic.second;
    uint32_t wanted = packed_affinity(current_cpu_affinity());
    for (uint64_t offset = 0; offset + kRedistributorStride <= region.size;) {
        // One page per redistributor probed; map_device() hands back the
        // same page when another CPU probes it again.
        void* page = map_device(region.base + offset, mm::kPageSize);
        if (page == nullptr) return os::Error::kNoSpace;
        uint64_t typer = mmio_read64(reinterpret_cast<uintptr_t>(page) + GICR_TYPER);
        if (static_cast<uint32_t>(typer >> 32) == wanted) {
            void* sgi = map_device(region.base + offset + kSgiFrameOffset, mm::kPageSize);
            if (sgi == nullptr) return os::Error::kNoSpace;
            redistributors_[cpu] = reinterpret_cast<uintptr_t>(page);
            sgi_frames_[cpu] = reinterpret_cast<uintptr_t>(sgi);
            return {};
        }
        if (typer & GICR_TYPER_LAST) break;
        offset += (typer & GICR_TYPER_VLPIS) ? kRedistributorStrideVlpi : kRedistributorStride;
    }
    return os::Error::kNotFound;
}

os::ErrorOr<void> GicV3::initialize_this_cpu() {
    uint32_t cpu = current_cpu_index();
    if (cpu >= hal::kMaxCpus) return os::Error::kInvalidArgument;

    // The system register interface; EL2 (el2.S) or firmware must allow it.
    asm volatile("msr icc_sre_el1, %0\n\tisb" : : "r"(read_sre() | ICC_SRE_EL1_ALL));
    if (!(read_sre() & ICC_SRE_EL1_SRE)) return os::Error::kUnsupported;

    if (redistributors_[cpu] == 0) TRY(find_redistributor(cpu));
    uintptr_t rd = redistributors_[cpu];
    uintptr_t sgi = sgi_frames_[cpu];
    // Wake the redistributor: it forwards nothing while the CPU "sleeps".
    mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
    for (int i = 0; i < kMaxPolls && (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP);
         ++i)
        spin_pause();

    // SGIs and PPIs: Group 1, all masked but the IPI, none pending, at the
    // default priority.
    mmio_write32(sgi + GICR_IGROUPR0, 0xffffffff);
    mmio_write32(sgi + GICR_ICENABLER0, 0xffffffff);
    mmio_write32(sgi + GICR_ICPENDR0, 0xffffffff);
    wait_for_redistributor(cpu);
    for (irq::Line line = 0; line < kFirstSpi; ++line)
        mmio_write8(sgi + GICR_IPRIORITYR + line, kDefaultPriority);
    unmask(kIpiSgi);

    // Priority mask, no preemption groups (BPR 0), EOImode 0 (EOIR drops
    // the priority and deactivates), Group 1 on.
    asm volatile(
        "msr icc_pmr_el1, %0\n\t"
        "msr icc_bpr1_el1, xzr\n\t"
        "msr icc_ctlr_el1, xzr\n\t"
        "msr icc_igrpen1_el1, %1\n\t"
        "isb"
        :
        : "r"(uint64_t{kPriorityMask}), "r"(uint64_t{1})
        : "memory");
    return {};
}

void GicV3::unmask(irq::Line line) {
    if (line >= kFirstSpi) {
        mmio_write32(distributor_ + GICD_ISENABLER + word_of(line), bit_of(line));
        return;
    }
    uint32_t cpu = current_cpu_index();
    mmio_write32(sgi_frames_[cpu] + GICR_ISENABLER0, bit_of(line));
}

void GicV3::mask(irq::Line line) {
    if (line >= kFirstSpi) {
        mmio_write32(distributor_ + GICD_ICENABLER + word_of(line), bit_of(line));
        wait_for_distributor();
        return;
    }
    uint32_t cpu = current_cpu_index();
    mmio_write32(sgi_frames_[cpu] + GICR_ICENABLER0, bit_of(line));
    wait_for_redistributor(cpu);
}

bool GicV3::acknowledge(irq::Line* line) {
    uint64_t iar;
    asm volatile("mrs %0, icc_iar1_el1\n\tdsb sy" : "=r"(iar) : : "memory");
    irq::Line id = static_cast<uint32_t>(iar) & kInterruptIdMask;
    if (id >= kFirstSpecial && id < kFirstSpecial + 4) return false;
    *line = id;
    return true;
}

void GicV3::end_of_interrupt(irq::Line line) {
    asm volatile("msr icc_eoir1_el1, %0\n\tisb" : : "r"(uint64_t{line}) : "memory");
}

os::ErrorOr<void> GicV3::set_affinity(irq::Line line, uint32_t cpu) {
    if (line < kFirstSpi || line >= lines_ || is_reserved(line)) return os::Error::kInvalidArgument;
    const CpuAffinities& cpus = interrupt_platform().cpus;
    if (cpu >= cpus.count) return os::Error::kInvalidArgument;
    mmio_write64(distributor_ + GICD_IROUTER + 8 * line, cpus.affinity[cpu]);
    return {};
}

os::ErrorOr<void> GicV3::send_sgi(uint32_t cpu, uint32_t intid) {
    const CpuAffinities& cpus = interrupt_platform().cpus;
    if (cpu >= cpus.count || intid >= kFirstPpi) return os::Error::kInvalidArgument;
    // The receiver must see every write made before the IPI.
    asm volatile(
        "dsb ishst\n\t"
        "msr icc_sgi1r_el1, %0\n\t"
        "isb"
        :
        : "r"(sgi1r_for(cpus.affinity[cpu], intid))
        : "memory");
    return {};
}

}  // namespace hal::aarch64
