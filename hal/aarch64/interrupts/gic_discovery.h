// What the aarch64 interrupt code reads from the device tree: the GIC (its
// version and register frames), the generic timer's interrupt, and the CPUs'
// MPIDR affinities in the order the kernel numbers them. Free of boot-time
// state and of MMIO, so host tests run it on QEMU's own trees.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/lib/error.h"
#include "kernel/lib/fdt/device_tree.h"

namespace hal::aarch64 {

enum class GicVersion : uint8_t { kV2, kV3 };

// A register frame: CPU physical address (translated through the buses'
// `ranges`) and size.
struct GicFrame {
    uint64_t base = 0;
    uint64_t size = 0;
};

struct GicDescription {
    GicVersion version = GicVersion::kV2;
    GicFrame distributor;
    // GICv2: the CPU interface (reg entry 1). GICv3: the first redistributor
    // region (reg entry 1); the CPU interface is the ICC_* system registers.
    GicFrame second;
};

// The first enabled GIC: "arm,gic-v3" is a GICv3; "arm,cortex-a15-gic",
// "arm,gic-400", "arm,cortex-a9-gic" and "arm,cortex-a7-gic" are GICv2s.
// kNotFound without one; kMalformed if its first two reg entries cannot be
// read or translated, or one is empty.
os::ErrorOr<GicDescription> find_gic(const os::fdt::DeviceTree& tree);

// The INTID of the EL1 virtual timer: the third entry of the
// "arm,armv8-timer" node's `interrupts` (secure physical, non-secure
// physical, virtual, hypervisor), a PPI (type 1) whose number is counted
// from INTID 16. Falls back to kVirtualTimerDefault (the INTID every known
// board uses) when the tree has no such node or an entry it cannot read.
inline constexpr uint32_t kVirtualTimerDefault = 27;
uint32_t find_virtual_timer_intid(const os::fdt::DeviceTree& tree);

// One entry of a GIC `interrupts` property, <type number flags>, as an
// INTID: type 0 an SPI (INTID 32 + number), type 1 a PPI (16 + number).
// Consumes the entry; kMalformed for another type or a short property.
os::ErrorOr<uint32_t> read_gic_intid(os::fdt::CellReader& cells);

// MPIDR_EL1 affinity values (Aff3 in [39:32], Aff2-Aff0 in [23:0]) indexed
// by the kernel's CPU index: index 0 is the boot CPU, then the other enabled
// /cpus/cpu nodes in tree order.
struct CpuAffinities {
    static constexpr size_t kMaxCpus = hal::kMaxCpus;
    uint64_t affinity[kMaxCpus] = {};
    uint32_t count = 0;
};

// Fills `cpus` from the tree. kNotFound if no cpu node has the boot CPU's
// affinity; kMalformed for a cpu node without a readable reg; kNoSpace for
// more than kMaxCpus CPUs.
os::ErrorOr<void> read_cpu_affinities(const os::fdt::DeviceTree& tree, uint64_t boot_affinity,
                                      CpuAffinities& cpus);

// The ICC_SGI1R_EL1 value that sends SGI `intid` (0-15) to the one CPU with
// MPIDR affinity `affinity`: Aff3/Aff2/Aff1 name its cluster, the target
// list bit Aff0 % 16 within the range RS = Aff0 / 16 names the CPU.
uint64_t sgi1r_for(uint64_t affinity, uint32_t intid);

// MPIDR affinity packed as GICR_TYPER[63:32] holds it, Aff3.Aff2.Aff1.Aff0
// one byte each (GICD_IROUTER takes the MPIDR layout itself).
uint32_t packed_affinity(uint64_t affinity);

}  // namespace hal::aarch64
