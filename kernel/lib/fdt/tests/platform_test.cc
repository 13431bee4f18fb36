// read_platform() and find_compatible() on hand-built trees: memory layouts,
// CPUs, /chosen, reservations, PSCI, and the trees they must refuse.
#include "kernel/lib/fdt/platform.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "kernel/lib/fdt/tests/dtb_builder.h"
#include "kernel/lib/fdt/tests/memory_range_printer.h"

namespace os::fdt {
namespace {

using testing::Blob;
using testing::cells64;
using testing::DtbBuilder;

constexpr uint64_t kBlobAddress = 0x4000'0000;

std::vector<MemoryRange> ranges_of(const MemoryMap& map) {
    return std::vector<MemoryRange>(map.begin(), map.end());
}

// Parses `blob` and reads its platform; the Platform is large, so it lives on the heap.
struct Parsed {
    ErrorOr<void> result;
    std::unique_ptr<Platform> platform = std::make_unique<Platform>();
    uint32_t total_size = 0;
};

Parsed read(const Blob& blob) {
    Parsed parsed;
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    EXPECT_FALSE(tree.is_error()) << to_string(tree.error());
    if (tree.is_error())
        return parsed;
    parsed.total_size = tree.value().total_size();
    parsed.result = read_platform(tree.value(), kBlobAddress, *parsed.platform);
    return parsed;
}

// The root of a tree with 2/2 cells and one memory node holding the blob's
// address; `body` adds the rest.
template <typename Body>
Blob tree_with(Body body) {
    DtbBuilder builder;
    builder.begin_node("")
        .property_u32("#address-cells", 2)
        .property_u32("#size-cells", 2)
        .begin_node("memory@40000000")
        .property_string("device_type", "memory")
        .property_cells("reg", cells64({0x4000'0000, 0x1000'0000}))
        .end_node();
    body(builder);
    builder.end_node();
    return builder.build();
}

Blob plain_tree() {
    return tree_with([](DtbBuilder&) {});
}

TEST(PlatformTest, ReadsASimpleTree) {
    Parsed parsed = read(plain_tree());
    ASSERT_FALSE(parsed.result.is_error()) << to_string(parsed.result.error());
    const Platform& platform = *parsed.platform;
    EXPECT_EQ(platform.installed_memory, 0x1000'0000u);
    EXPECT_EQ(platform.cpu_count, 0u);
    EXPECT_STREQ(platform.bootargs, "");
    EXPECT_EQ(platform.initrd_start, 0u);
    EXPECT_EQ(platform.initrd_end, 0u);
    EXPECT_EQ(platform.psci, PsciConduit::kNone);
    // The blob itself is reserved at the address the caller gave.
    std::vector<MemoryRange> expected = {
        {kBlobAddress, parsed.total_size, MemoryKind::kFirmwareData},
        {kBlobAddress + parsed.total_size, 0x1000'0000 - parsed.total_size, MemoryKind::kUsable},
    };
    EXPECT_EQ(ranges_of(platform.memory), expected);
}

TEST(PlatformTest, AddsEveryMemoryNodeAndEveryRegEntry) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .property_u32("#address-cells", 2)
                    .property_u32("#size-cells", 2)
                    .begin_node("memory@40000000")
                    .property_string("device_type", "memory")
                    .property_cells("reg", cells64({0x4000'0000, 0x2000'0000,  // 512 MiB
                                                    0x8000'0000, 0x8000'0000}))
                    .end_node()
                    .begin_node("memory@100000000")
                    .property_string("device_type", "memory")
                    .property_cells("reg", cells64({0x1'0000'0000, 0x8000'0000}))
                    .end_node()
                    // Named like one, without device_type: still memory.
                    .begin_node("memory@200000000")
                    .property_cells("reg", cells64({0x2'0000'0000, 0x1000}))
                    .end_node()
                    .begin_node("memory@300000000")
                    .property_string("device_type", "memory")
                    .property_string("status", "disabled")
                    .property_cells("reg", cells64({0x3'0000'0000, 0x1000}))
                    .end_node()
                    // device_type says otherwise: not memory.
                    .begin_node("memory@400000000")
                    .property_string("device_type", "sram")
                    .property_cells("reg", cells64({0x4'0000'0000, 0x1000}))
                    .end_node()
                    .end_node()
                    .build();
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->installed_memory,
              uint64_t{0x2000'0000} + 0x8000'0000 + 0x8000'0000 + 0x1000);
    std::vector<MemoryRange> expected = {
        {0x4000'0000, parsed.total_size, MemoryKind::kFirmwareData},
        {0x4000'0000 + parsed.total_size, 0x2000'0000 - parsed.total_size, MemoryKind::kUsable},
        // Adjacent usable ranges merge.
        {0x8000'0000, 0x1'0000'0000, MemoryKind::kUsable},
        {0x2'0000'0000, 0x1000, MemoryKind::kUsable},
    };
    EXPECT_EQ(ranges_of(parsed.platform->memory), expected);
}

TEST(PlatformTest, HonoursSingleCellAddressesAndSizes) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .property_u32("#address-cells", 1)
                    .property_u32("#size-cells", 1)
                    .begin_node("memory@40000000")
                    .property_string("device_type", "memory")
                    .property_cells("reg", {0x4000'0000, 0x800'0000, 0x5000'0000, 0x800'0000})
                    .end_node()
                    .begin_node("uart@9000000")
                    .property_string("compatible", "arm,pl011")
                    .property_cells("reg", {0x900'0000, 0x1000})
                    .end_node()
                    .end_node()
                    .build();
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->installed_memory, 0x1000'0000u);
    EXPECT_EQ(parsed.platform->memory.total(MemoryKind::kUsable), 0x1000'0000u - parsed.total_size);

    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    DeviceRegion uart = find_compatible(tree.value(), "arm,pl011");
    EXPECT_TRUE(uart.present);
    EXPECT_EQ(uart.base, 0x900'0000u);
    EXPECT_EQ(uart.size, 0x1000u);
}

TEST(PlatformTest, UsesTheSpecificationDefaultsWithoutCellProperties) {
    // No #address-cells/#size-cells on the root: 2 and 1.
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .begin_node("memory")
                    .property_string("device_type", "memory")
                    .property_cells("reg", {0x0, 0x4000'0000, 0x1000'0000})
                    .end_node()
                    .end_node()
                    .build();
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->installed_memory, 0x1000'0000u);
    EXPECT_EQ(parsed.platform->memory[0].base, 0x4000'0000u);
}

TEST(PlatformTest, CountsEnabledCpusOnly) {
    Blob blob = tree_with([](DtbBuilder& tree) {
        tree.begin_node("cpus").property_u32("#address-cells", 1).property_u32("#size-cells", 0);
        const char* statuses[] = {nullptr, "okay", "disabled", "ok", "fail", "disabled"};
        for (int i = 0; i < 6; ++i) {
            tree.begin_node("cpu@" + std::to_string(i))
                .property_string("device_type", "cpu")
                .property_u32("reg", i);
            if (statuses[i] != nullptr)
                tree.property_string("status", statuses[i]);
            tree.end_node();
        }
        // Topology, not processors.
        tree.begin_node("cpu-map")
            .begin_node("cluster0")
            .begin_node("core0")
            .property_u32("cpu", 1)
            .end_node()
            .end_node()
            .end_node();
        // A cpu without device_type is still recognised by its name.
        tree.begin_node("cpu@6").property_u32("reg", 6).end_node();
        tree.end_node();
    });
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->cpu_count, 4u);  // cpu@0, @1, @3, @6
}

TEST(PlatformTest, ReadsBootargsAndA32BitInitrd) {
    Blob blob = tree_with([](DtbBuilder& tree) {
        tree.begin_node("chosen")
            .property_string("bootargs", "console=ttyS0 init=/bin/sh")
            .property_u32("linux,initrd-start", 0x4800'0000)
            .property_u32("linux,initrd-end", 0x4800'2710)
            .end_node();
    });
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    const Platform& platform = *parsed.platform;
    EXPECT_STREQ(platform.bootargs, "console=ttyS0 init=/bin/sh");
    EXPECT_EQ(platform.initrd_start, 0x4800'0000u);
    EXPECT_EQ(platform.initrd_end, 0x4800'2710u);
    std::vector<MemoryRange> expected = {
        {0x4000'0000, parsed.total_size, MemoryKind::kFirmwareData},
        {0x4000'0000 + parsed.total_size, 0x800'0000 - parsed.total_size, MemoryKind::kUsable},
        {0x4800'0000, 0x2710, MemoryKind::kBootArchive},
        {0x4800'2710, 0x800'0000 - 0x2710, MemoryKind::kUsable},
    };
    EXPECT_EQ(ranges_of(platform.memory), expected);
}

TEST(PlatformTest, ReadsA64BitInitrd) {
    Blob blob = tree_with([](DtbBuilder& tree) {
        tree.begin_node("chosen")
            .property_cells("linux,initrd-start", cells64({0x4c00'0000}))
            .property_cells("linux,initrd-end", cells64({0x4c10'0000}))
            .end_node();
    });
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->initrd_start, 0x4c00'0000u);
    EXPECT_EQ(parsed.platform->initrd_end, 0x4c10'0000u);
    EXPECT_EQ(parsed.platform->memory.total(MemoryKind::kBootArchive), 0x10'0000u);
}

TEST(PlatformTest, ReservesFirmwareMemory) {
    DtbBuilder builder;
    builder.reserve(0x4100'0000, 0x1'0000)
        .reserve(0x1000, 0x1000)  // outside RAM: nothing to take away
        .begin_node("")
        .property_u32("#address-cells", 2)
        .property_u32("#size-cells", 2)
        .begin_node("memory@40000000")
        .property_string("device_type", "memory")
        .property_cells("reg", cells64({0x4000'0000, 0x1000'0000}))
        .end_node()
        .begin_node("reserved-memory")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .property_empty("ranges")
        .begin_node("sbi@4f000000")
        .property_cells("reg", {0x4f00'0000, 0x8'0000})
        .property_empty("no-map")
        .end_node()
        .begin_node("two@42000000")
        .property_cells("reg", {0x4200'0000, 0x1000, 0x4300'0000, 0x2000})
        .end_node()
        .begin_node("disabled@44000000")
        .property_string("status", "disabled")
        .property_cells("reg", {0x4400'0000, 0x1000})
        .end_node()
        .begin_node("dynamic")  // size only: for the OS to place
        .property_u32("size", 0x10'0000)
        .end_node()
        .end_node()
        .end_node();
    Blob blob = builder.build();
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error()) << to_string(parsed.result.error());
    const uint64_t blob_end = 0x4000'0000 + parsed.total_size;
    std::vector<MemoryRange> expected = {
        {0x4000'0000, parsed.total_size, MemoryKind::kFirmwareData},
        {blob_end, 0x4100'0000 - blob_end, MemoryKind::kUsable},
        {0x4100'0000, 0x1'0000, MemoryKind::kReserved},
        {0x4101'0000, 0x4200'0000 - 0x4101'0000, MemoryKind::kUsable},
        {0x4200'0000, 0x1000, MemoryKind::kReserved},
        {0x4200'1000, 0x4300'0000 - 0x4200'1000, MemoryKind::kUsable},
        {0x4300'0000, 0x2000, MemoryKind::kReserved},
        {0x4300'2000, 0x4f00'0000 - 0x4300'2000, MemoryKind::kUsable},
        {0x4f00'0000, 0x8'0000, MemoryKind::kReserved},
        {0x4f08'0000, 0x5000'0000 - 0x4f08'0000, MemoryKind::kUsable},
    };
    EXPECT_EQ(ranges_of(parsed.platform->memory), expected);
}

TEST(PlatformTest, FirmwareReservationsWinOverlaps) {
    // The initrd overlaps a reserved region: what was reserved first stays.
    Blob blob = tree_with([](DtbBuilder& tree) {
        tree.begin_node("reserved-memory")
            .property_u32("#address-cells", 2)
            .property_u32("#size-cells", 2)
            .begin_node("region")
            .property_cells("reg", cells64({0x4800'0000, 0x1000}))
            .end_node()
            .end_node()
            .begin_node("chosen")
            .property_u32("linux,initrd-start", 0x4800'0000)
            .property_u32("linux,initrd-end", 0x4800'2000)
            .end_node();
    });
    Parsed parsed = read(blob);
    ASSERT_FALSE(parsed.result.is_error());
    EXPECT_EQ(parsed.platform->memory.total(MemoryKind::kReserved), 0x1000u);
    EXPECT_EQ(parsed.platform->memory.total(MemoryKind::kBootArchive), 0x1000u);
}

TEST(PlatformTest, ReadsThePsciConduit) {
    auto psci_tree = [](const char* compatible, const char* method) {
        return tree_with([=](DtbBuilder& tree) {
            tree.begin_node("psci").property_strings("compatible", {compatible, "arm,psci"});
            if (method != nullptr)
                tree.property_string("method", method);
            tree.end_node();
        });
    };
    EXPECT_EQ(read(psci_tree("arm,psci-1.0", "hvc")).platform->psci, PsciConduit::kHvc);
    EXPECT_EQ(read(psci_tree("arm,psci-0.2", "smc")).platform->psci, PsciConduit::kSmc);
    EXPECT_EQ(read(psci_tree("arm,psci", "smc")).platform->psci, PsciConduit::kSmc);
    EXPECT_EQ(read(psci_tree("arm,psci-1.0", "svc")).platform->psci, PsciConduit::kNone);
    EXPECT_EQ(read(psci_tree("arm,psci-1.0", nullptr)).platform->psci, PsciConduit::kNone);
    EXPECT_EQ(read(psci_tree("acme,firmware", "hvc")).platform->psci, PsciConduit::kHvc);
}

TEST(PlatformTest, KeepsTheCallersMemoryMap) {
    Blob blob = plain_tree();
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    auto platform = std::make_unique<Platform>();
    ASSERT_FALSE(platform->memory.add({0x1000, 0x1000, MemoryKind::kReserved}).is_error());
    ASSERT_FALSE(read_platform(tree.value(), kBlobAddress, *platform).is_error());
    EXPECT_EQ(platform->memory[0], (MemoryRange{0x1000, 0x1000, MemoryKind::kReserved}));
    EXPECT_EQ(platform->memory.size(), 3u);
}

TEST(PlatformErrorTest, RefusesATreeWithoutMemory) {
    Blob blob = DtbBuilder().begin_node("").begin_node("chosen").end_node().end_node().build();
    EXPECT_EQ(read(blob).result.error(), Error::kNotFound);

    // A memory node whose reg is empty describes no memory either.
    blob = DtbBuilder()
               .begin_node("")
               .begin_node("memory")
               .property_string("device_type", "memory")
               .property_empty("reg")
               .end_node()
               .end_node()
               .build();
    EXPECT_EQ(read(blob).result.error(), Error::kNotFound);
}

TEST(PlatformErrorTest, RefusesMalformedMemoryReg) {
    auto memory_tree = [](const std::vector<uint32_t>& reg) {
        return DtbBuilder()
            .begin_node("")
            .property_u32("#address-cells", 2)
            .property_u32("#size-cells", 2)
            .begin_node("memory")
            .property_string("device_type", "memory")
            .property_cells("reg", reg)
            .end_node()
            .end_node()
            .build();
    };
    EXPECT_EQ(read(memory_tree({0, 0x4000'0000, 0})).result.error(), Error::kMalformed);
    // Wraps around the address space.
    EXPECT_EQ(read(memory_tree(cells64({0xffff'ffff'ffff'0000, 0x20000}))).result.error(),
              Error::kMalformed);

    Blob bad_cells = DtbBuilder()
                         .begin_node("")
                         .property_u32("#address-cells", 7)
                         .begin_node("memory")
                         .property_string("device_type", "memory")
                         .property_cells("reg", {0, 0, 0, 0, 0, 0, 1, 0x1000})
                         .end_node()
                         .end_node()
                         .build();
    EXPECT_EQ(read(bad_cells).result.error(), Error::kMalformed);

    Blob unreadable_cells = DtbBuilder()
                                .begin_node("")
                                .property_string("#address-cells", "three")
                                .begin_node("memory")
                                .property_string("device_type", "memory")
                                .property_cells("reg", {0, 0x1000, 0x1000})
                                .end_node()
                                .end_node()
                                .build();
    EXPECT_EQ(read(unreadable_cells).result.error(), Error::kMalformed);
}

TEST(PlatformErrorTest, RefusesMalformedChosenProperties) {
    auto chosen_tree = [](auto add_properties) {
        return tree_with([&](DtbBuilder& tree) {
            tree.begin_node("chosen");
            add_properties(tree);
            tree.end_node();
        });
    };
    EXPECT_EQ(read(chosen_tree([](DtbBuilder& chosen) {
                  chosen.property("bootargs", {'a', 'b'});  // no NUL
              })).result.error(),
              Error::kMalformed);
    EXPECT_EQ(read(chosen_tree([](DtbBuilder& chosen) {
                  chosen.property_u32("linux,initrd-start", 0x4800'0000);
              })).result.error(),
              Error::kMalformed);
    EXPECT_EQ(read(chosen_tree([](DtbBuilder& chosen) {
                  chosen.property_u32("linux,initrd-start", 0x4800'0000)
                      .property_cells("linux,initrd-end", {0, 0, 0x4800'1000});
              })).result.error(),
              Error::kMalformed);
    EXPECT_EQ(read(chosen_tree([](DtbBuilder& chosen) {
                  chosen.property_u32("linux,initrd-start", 0x4800'1000)
                      .property_u32("linux,initrd-end", 0x4800'0000);
              })).result.error(),
              Error::kMalformed);
}

TEST(PlatformErrorTest, ReportsAFullMemoryMap) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .property_u32("#address-cells", 1)
                    .property_u32("#size-cells", 1)
                    .begin_node("memory")
                    .property_string("device_type", "memory")
                    .property_cells("reg",
                                    [] {
                                        // More separate ranges than the map can hold.
                                        std::vector<uint32_t> reg;
                                        for (uint32_t i = 0; i <= MemoryMap::kCapacity; ++i) {
                                            reg.push_back(0x1000'0000 + i * 0x2000);
                                            reg.push_back(0x1000);
                                        }
                                        return reg;
                                    }())
                    .end_node()
                    .end_node()
                    .build();
    EXPECT_EQ(read(blob).result.error(), Error::kNoSpace);
}

class FindCompatibleTest : public ::testing::Test {
  protected:
    void SetUp() override {
        blob_ = tree_with([](DtbBuilder& tree) {
            tree.begin_node("uart@1000")
                .property_string("compatible", "ns16550a")
                .property_string("status", "disabled")
                .property_cells("reg", cells64({0x1000, 0x100}))
                .end_node()
                .begin_node("soc")
                .property_u32("#address-cells", 1)
                .property_u32("#size-cells", 1)
                .property_cells("ranges", {0x0, 0x0, 0x1000'0000, 0x1000'0000})
                .begin_node("uart@2000")
                .property_strings("compatible", {"acme,uart", "ns16550a"})
                .property_cells("reg", {0x2000, 0x100, 0x3000, 0x100})
                .end_node()
                .begin_node("timer")
                .property_string("compatible", "acme,timer")
                .end_node()
                .end_node()
                .begin_node("orphans")  // no ranges: its children are not mapped
                .property_u32("#address-cells", 1)
                .property_u32("#size-cells", 1)
                .begin_node("rtc@0")
                .property_string("compatible", "acme,rtc")
                .property_cells("reg", {0x0, 0x1000})
                .end_node()
                .end_node();
        });
        tree_ = DeviceTree::from_blob(blob_.data(), blob_.size()).release_value();
    }

    Blob blob_;
    DeviceTree tree_;
};

TEST_F(FindCompatibleTest, SkipsDisabledNodesAndTranslatesTheFirstReg) {
    DeviceRegion uart = find_compatible(tree_, "ns16550a");
    EXPECT_TRUE(uart.present);
    EXPECT_EQ(uart.base, 0x1000'2000u);
    EXPECT_EQ(uart.size, 0x100u);
}

TEST_F(FindCompatibleTest, ReportsAbsentRegionsAsNotPresent) {
    EXPECT_FALSE(find_compatible(tree_, "acme,nothing").present);
    EXPECT_FALSE(find_compatible(tree_, "acme,timer").present);  // no reg
    EXPECT_FALSE(find_compatible(tree_, "acme,rtc").present);    // not mapped
    EXPECT_FALSE(find_compatible(tree_, "").present);
}

}  // namespace
}  // namespace os::fdt
