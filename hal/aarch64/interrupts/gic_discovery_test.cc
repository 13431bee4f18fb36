// The device-tree side of the aarch64 interrupt code on QEMU's virt trees
// (GICv2 and GICv3) and on hand-built ones, plus the GICv3 affinity encodings.
#include "hal/aarch64/interrupts/gic_discovery.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/platform.h"
#include "kernel/lib/fdt/tests/dtb_builder.h"

namespace hal::aarch64 {
namespace {

using os::fdt::DeviceTree;
using os::fdt::testing::Blob;
using os::fdt::testing::cells64;
using os::fdt::testing::DtbBuilder;

DeviceTree open(const Blob& blob) {
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    EXPECT_FALSE(tree.is_error());
    return tree.is_error() ? DeviceTree() : tree.value();
}

Blob qemu_gicv2() {
    return os::fdt::testing::read_file("kernel/lib/fdt/qemu_virt_aarch64.dtb");
}

Blob qemu_gicv3() {
    return os::fdt::testing::read_file("hal/aarch64/qemu_virt_gicv3.dtb");
}

std::vector<uint64_t> affinities(const CpuAffinities& cpus) {
    return std::vector<uint64_t>(cpus.affinity, cpus.affinity + cpus.count);
}

TEST(FindGic, QemuGicV2) {
    Blob blob = qemu_gicv2();
    auto gic = find_gic(open(blob));
    ASSERT_FALSE(gic.is_error());
    EXPECT_EQ(gic.value().version, GicVersion::kV2);
    EXPECT_EQ(gic.value().distributor.base, 0x8000000u);
    EXPECT_EQ(gic.value().distributor.size, 0x10000u);
    EXPECT_EQ(gic.value().second.base, 0x8010000u);  // CPU interface
    EXPECT_EQ(gic.value().second.size, 0x10000u);
}

TEST(FindGic, QemuGicV3) {
    Blob blob = qemu_gicv3();
    auto gic = find_gic(open(blob));
    ASSERT_FALSE(gic.is_error());
    EXPECT_EQ(gic.value().version, GicVersion::kV3);
    EXPECT_EQ(gic.value().distributor.base, 0x8000000u);
    EXPECT_EQ(gic.value().distributor.size, 0x10000u);
    EXPECT_EQ(gic.value().second.base, 0x80a0000u);  // redistributors
    EXPECT_EQ(gic.value().second.size, 0xf60000u);
}

// A root with 2 address and 2 size cells, and whatever `body` adds.
template <typename Body>
Blob tree_with(Body body) {
    DtbBuilder builder;
    builder.begin_node("").property_u32("#address-cells", 2).property_u32("#size-cells", 2);
    body(builder);
    builder.end_node();
    return builder.build();
}

TEST(FindGic, Gic400BehindABus) {
    Blob blob = tree_with([](DtbBuilder& b) {
        b.begin_node("soc")
            .property_u32("#address-cells", 1)
            .property_u32("#size-cells", 1)
            .property_cells("ranges", {0x0, 0x0, 0x2c000000, 0x1000000});
        b.begin_node("interrupt-controller@1000")
            .property_string("compatible", "arm,gic-400")
            .property_cells("reg", {0x1000, 0x1000, 0x2000, 0x2000})
            .end_node();
        b.end_node();
    });
    auto gic = find_gic(open(blob));
    ASSERT_FALSE(gic.is_error());
    EXPECT_EQ(gic.value().version, GicVersion::kV2);
    EXPECT_EQ(gic.value().distributor.base, 0x2c001000u);
    EXPECT_EQ(gic.value().second.base, 0x2c002000u);
    EXPECT_EQ(gic.value().second.size, 0x2000u);
}

TEST(FindGic, MissingDisabledOrIncomplete) {
    Blob none = tree_with([](DtbBuilder&) {});
    EXPECT_EQ(find_gic(open(none)).error(), os::Error::kNotFound);

    Blob disabled = tree_with([](DtbBuilder& b) {
        b.begin_node("intc@8000000")
            .property_string("compatible", "arm,gic-v3")
            .property_string("status", "disabled")
            .property_cells("reg", cells64({0x8000000, 0x10000, 0x80a0000, 0x20000}))
            .end_node();
    });
    EXPECT_EQ(find_gic(open(disabled)).error(), os::Error::kNotFound);

    Blob one_frame = tree_with([](DtbBuilder& b) {
        b.begin_node("intc@8000000")
            .property_string("compatible", "arm,gic-v3")
            .property_cells("reg", cells64({0x8000000, 0x10000}))
            .end_node();
    });
    EXPECT_EQ(find_gic(open(one_frame)).error(), os::Error::kMalformed);
}

TEST(VirtualTimer, QemuTreesUsePpi11) {
    for (const Blob& blob : {qemu_gicv2(), qemu_gicv3()})
        EXPECT_EQ(find_virtual_timer_intid(open(blob)), 27u);
}

TEST(VirtualTimer, ReadsTheThirdEntryOrFallsBack) {
    Blob other_ppi = tree_with([](DtbBuilder& b) {
        b.begin_node("timer")
            .property_string("compatible", "arm,armv8-timer")
            .property_cells("interrupts", {1, 13, 4, 1, 14, 4, 1, 12, 4, 1, 10, 4})
            .end_node();
    });
    EXPECT_EQ(find_virtual_timer_intid(open(other_ppi)), 28u);

    Blob too_short = tree_with([](DtbBuilder& b) {
        b.begin_node("timer")
            .property_string("compatible", "arm,armv8-timer")
            .property_cells("interrupts", {1, 13, 4, 1, 14, 4})
            .end_node();
    });
    EXPECT_EQ(find_virtual_timer_intid(open(too_short)), kVirtualTimerDefault);

    Blob an_spi = tree_with([](DtbBuilder& b) {
        b.begin_node("timer")
            .property_string("compatible", "arm,armv8-timer")
            .property_cells("interrupts", {1, 13, 4, 1, 14, 4, 0, 11, 4})
            .end_node();
    });
    EXPECT_EQ(find_virtual_timer_intid(open(an_spi)), kVirtualTimerDefault);

    Blob no_timer = tree_with([](DtbBuilder&) {});
    EXPECT_EQ(find_virtual_timer_intid(open(no_timer)), kVirtualTimerDefault);
}

TEST(GicIntid, SpisFrom32PpisFrom16OthersRefused) {
    Blob blob = tree_with([](DtbBuilder& b) {
        b.begin_node("uart")
            .property_string("compatible", "arm,pl011")
            .property_cells("interrupts", {0, 1, 4, 1, 9, 4, 2, 5, 4, 1, 16, 4})
            .end_node();
    });
    DeviceTree tree = open(blob);
    auto cells = os::fdt::find_compatible_interrupts(tree, "arm,pl011");
    ASSERT_FALSE(cells.is_error());
    EXPECT_EQ(read_gic_intid(cells.value()).value(), 33u);                    // SPI 1 (virt's UART)
    EXPECT_EQ(read_gic_intid(cells.value()).value(), 25u);                    // PPI 9
    EXPECT_EQ(read_gic_intid(cells.value()).error(), os::Error::kMalformed);  // type 2
    EXPECT_EQ(read_gic_intid(cells.value()).error(), os::Error::kMalformed);  // PPI 16
    EXPECT_EQ(read_gic_intid(cells.value()).error(), os::Error::kMalformed);  // nothing left
    EXPECT_EQ(os::fdt::find_compatible_interrupts(tree, "ns16550a").error(), os::Error::kNotFound);
}

TEST(CpuAffinities, BootCpuFirstThenTreeOrder) {
    Blob blob = qemu_gicv2();  // -smp 3: MPIDRs 0, 1, 2
    DeviceTree tree = open(blob);
    CpuAffinities cpus;
    ASSERT_FALSE(read_cpu_affinities(tree, 0, cpus).is_error());
    EXPECT_EQ(affinities(cpus), (std::vector<uint64_t>{0, 1, 2}));
    // MPIDR_EL1's RES1 bit 31 and the MT/U bits are not affinity.
    ASSERT_FALSE(read_cpu_affinities(tree, 0x80000002, cpus).is_error());
    EXPECT_EQ(affinities(cpus), (std::vector<uint64_t>{2, 0, 1}));
    EXPECT_EQ(read_cpu_affinities(tree, 7, cpus).error(), os::Error::kNotFound);

    Blob v3 = qemu_gicv3();  // -smp 4
    ASSERT_FALSE(read_cpu_affinities(open(v3), 0, cpus).is_error());
    EXPECT_EQ(affinities(cpus), (std::vector<uint64_t>{0, 1, 2, 3}));
}

TEST(CpuAffinities, Aff3AndDisabledCpus) {
    Blob blob = tree_with([](DtbBuilder& b) {
        b.begin_node("cpus").property_u32("#address-cells", 2).property_u32("#size-cells", 0);
        b.begin_node("cpu@0")
            .property_string("device_type", "cpu")
            .property_cells("reg", cells64({0x0}))
            .end_node();
        b.begin_node("cpu@100000102")
            .property_string("device_type", "cpu")
            .property_cells("reg", cells64({0x1'0000'0102}))
            .end_node();
        b.begin_node("cpu@1")
            .property_string("device_type", "cpu")
            .property_string("status", "disabled")
            .property_cells("reg", cells64({0x1}))
            .end_node();
        b.begin_node("cpu-map").end_node();  // not a CPU
        b.end_node();
    });
    CpuAffinities cpus;
    ASSERT_FALSE(read_cpu_affinities(open(blob), 0x1'0000'0102, cpus).is_error());
    EXPECT_EQ(affinities(cpus), (std::vector<uint64_t>{0x1'0000'0102, 0}));
}

TEST(Sgi1r, TargetsOneCpuByAffinity) {
    EXPECT_EQ(sgi1r_for(0x0, 0), 0x1u);
    // Aff1 1, Aff0 2, SGI 3.
    EXPECT_EQ(sgi1r_for(0x0102, 3), uint64_t{3} << 24 | uint64_t{1} << 16 | 1u << 2);
    // Aff0 17: range selector 1, bit 1.
    EXPECT_EQ(sgi1r_for(0x11, 0), uint64_t{1} << 44 | 1u << 1);
    // Aff3 0x12 and Aff2 0x34.
    EXPECT_EQ(sgi1r_for(0x12'0034'0000, 15),
              uint64_t{0x12} << 48 | uint64_t{0x34} << 32 | uint64_t{15} << 24 | 1u);
}

TEST(PackedAffinity, GicrTyperLayout) {
    EXPECT_EQ(packed_affinity(0x0), 0u);
    EXPECT_EQ(packed_affinity(0x1'0003'0201), 0x01030201u);
    EXPECT_EQ(packed_affinity(0x8000'0002), 0x2u);  // bit 31 (RES1) dropped
}

}  // namespace
}  // namespace hal::aarch64
