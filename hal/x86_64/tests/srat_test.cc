// Reading NUMA topologies from hand-made SRATs, well-formed and damaged.
#include "hal/x86_64/acpi/srat.h"

#include <gtest/gtest.h>

#include <stdint.h>

#include <initializer_list>
#include <vector>

namespace hal::x86_64::acpi {
namespace {

constexpr uint32_t kEnabled = 1;
constexpr uint32_t kHotPluggable = 2;
constexpr uint64_t kMiB = 1024 * 1024;
constexpr uint64_t kGiB = 1024 * kMiB;

// Builds an SRAT: the 48-byte fixed part (header with revision, 12 reserved
// bytes), then entries. The parser reads the span's size, not the header's.
class SratBuilder {
public:
    explicit SratBuilder(uint8_t revision = 3) { bytes_[8] = revision; }

    SratBuilder& local_apic(uint8_t apic_id, uint32_t domain, uint32_t flags = kEnabled) {
        append({0, 16, uint8_t(domain), apic_id});
        append_le(flags, 4);
        append({0});  // local SAPIC EID
        append_le(domain >> 8, 3);
        append_le(0, 4);  // clock domain
        return *this;
    }
    SratBuilder& local_x2apic(uint32_t x2apic_id, uint32_t domain, uint32_t flags = kEnabled) {
        append({2, 24, 0, 0});
        append_le(domain, 4);
        append_le(x2apic_id, 4);
        append_le(flags, 4);
        append_le(0, 4);  // clock domain
        append_le(0, 4);
        return *this;
    }
    SratBuilder& memory(uint64_t base, uint64_t size, uint32_t domain, uint32_t flags = kEnabled) {
        append({1, 40});
        append_le(domain, 4);
        append_le(0, 2);
        append_le(base, 8);
        append_le(size, 8);
        append_le(0, 4);
        append_le(flags, 4);
        append_le(0, 8);
        return *this;
    }
    // A GICC affinity entry (type 3, 18 bytes): not for x86, must be skipped.
    SratBuilder& gicc() {
        append({3, 18});
        append_le(0, 16);
        return *this;
    }
    SratBuilder& raw(std::initializer_list<uint8_t> bytes) {
        append(bytes);
        return *this;
    }

    std::vector<uint8_t> bytes() const { return bytes_; }

private:
    void append(std::initializer_list<uint8_t> bytes) {
        bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
    }
    void append_le(uint64_t value, int size) {
        for (int index = 0; index < size; ++index)
            bytes_.push_back(uint8_t(value >> (8 * index)));
    }

    std::vector<uint8_t> bytes_ = std::vector<uint8_t>(48, 0);
};

os::ErrorOr<void> parse(const std::vector<uint8_t>& srat, uint32_t boot_apic_id,
                        SratContents& contents) {
    return parse_srat(os::Bytes(srat.data(), srat.size()), boot_apic_id, contents);
}

// The table QEMU builds for `-m 1G -smp 2 -numa node,cpus=0,memdev=m0
// -numa node,cpus=1,memdev=m1` (512 MiB each): the first node's memory is
// split around the legacy hole at 640 KiB - 1 MiB.
std::vector<uint8_t> two_node_machine() {
    return SratBuilder()
        .local_apic(0, 0)
        .local_apic(1, 1)
        .memory(0, 640 * 1024, 0)
        .memory(1 * kMiB, 511 * kMiB, 0)
        .memory(512 * kMiB, 512 * kMiB, 1)
        .bytes();
}

TEST(Srat, TwoNodeMachine) {
    SratContents contents;
    ASSERT_FALSE(parse(two_node_machine(), 0, contents).is_error());
    const NumaTopology& topology = contents.topology;
    EXPECT_EQ(topology.node_count, 2u);
    EXPECT_EQ(topology.boot_cpu_node, 0u);
    EXPECT_EQ(contents.processor_count, 2u);
    EXPECT_TRUE(contents.boot_cpu_listed);
    ASSERT_EQ(topology.range_count, 3u);
    EXPECT_EQ(topology.ranges[0].base, 0u);
    EXPECT_EQ(topology.ranges[0].size, 640u * 1024);
    EXPECT_EQ(topology.ranges[1].base, 1 * kMiB);
    EXPECT_EQ(topology.ranges[2].base, 512 * kMiB);
    EXPECT_EQ(topology.ranges[2].node, 1u);
    EXPECT_EQ(topology.node_of(0x1000), 0u);
    EXPECT_EQ(topology.node_of(600 * kMiB), 1u);
    EXPECT_EQ(topology.node_of(2 * kGiB), 0u);  // outside every range
}

TEST(Srat, BootCpuNodeComesFromItsApicId) {
    SratContents contents;
    ASSERT_FALSE(parse(two_node_machine(), 1, contents).is_error());
    EXPECT_EQ(contents.topology.boot_cpu_node, 1u);
    EXPECT_TRUE(contents.boot_cpu_listed);
}

TEST(Srat, BootCpuNotListedDefaultsToNodeZero) {
    SratContents contents;
    ASSERT_FALSE(parse(two_node_machine(), 7, contents).is_error());
    EXPECT_EQ(contents.topology.boot_cpu_node, 0u);
    EXPECT_FALSE(contents.boot_cpu_listed);
}

// CPU indices as the interrupt code numbers them: the boot CPU (APIC ID 2)
// first, then the MADT's order. Each index gets the node of its APIC ID;
// an index the SRAT does not list stays on node 0.
TEST(Srat, EveryCpuIndexGetsTheNodeOfItsApicId) {
    auto srat = SratBuilder()
                    .local_apic(0, 0)
                    .local_apic(1, 0)
                    .local_apic(2, 5)
                    .local_x2apic(3, 5)
                    .local_apic(1, 5)  // a second entry: the first one decides
                    .memory(0, kGiB, 0)
                    .memory(kGiB, kGiB, 5)
                    .bytes();
    const uint32_t cpu_apic_ids[] = {2, 0, 1, 3, 9};
    SratContents contents;
    ASSERT_FALSE(
        parse_srat(os::Bytes(srat.data(), srat.size()), 2, contents, cpu_apic_ids, 5).is_error());
    const NumaTopology& topology = contents.topology;
    EXPECT_EQ(topology.boot_cpu_node, 1u);
    EXPECT_EQ(topology.node_of_cpu(0), 1u);  // APIC ID 2, domain 5 = node 1
    EXPECT_EQ(topology.node_of_cpu(1), 0u);
    EXPECT_EQ(topology.node_of_cpu(2), 0u);
    EXPECT_EQ(topology.node_of_cpu(3), 1u);  // an x2APIC entry
    EXPECT_EQ(topology.node_of_cpu(4), 0u);  // not in the SRAT
    EXPECT_EQ(topology.node_of_cpu(5), 0u);  // no such CPU
    EXPECT_EQ(topology.node_of_cpu(kMaxCpus + 1), 0u);
}

TEST(Srat, WithoutACpuListOnlyTheBootCpuHasANode) {
    SratContents contents;
    ASSERT_FALSE(parse(two_node_machine(), 1, contents).is_error());
    EXPECT_EQ(contents.topology.node_of_cpu(0), 1u);
    EXPECT_EQ(contents.topology.node_of_cpu(1), 0u);
}

TEST(Srat, X2ApicEntriesIdentifyTheBootCpu) {
    auto srat = SratBuilder()
                    .local_apic(0, 0)
                    .local_x2apic(300, 1)
                    .memory(0, kGiB, 0)
                    .memory(kGiB, kGiB, 1)
                    .bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 300, contents).is_error());
    EXPECT_EQ(contents.topology.boot_cpu_node, 1u);
    EXPECT_EQ(contents.processor_count, 2u);
}

TEST(Srat, SparseDomainsBecomeDenseNodesInAscendingOrder) {
    auto srat = SratBuilder()
                    .memory(2 * kGiB, kGiB, 0x10000)  // uses the 32-bit memory domain
                    .memory(0, kGiB, 7)
                    .memory(kGiB, kGiB, 3)
                    .local_apic(5, 0x10000)  // domain bits 8-31 in bytes 9-11
                    .bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 5, contents).is_error());
    const NumaTopology& topology = contents.topology;
    EXPECT_EQ(topology.node_count, 3u);
    EXPECT_EQ(topology.node_of(0), 1u);         // domain 7
    EXPECT_EQ(topology.node_of(kGiB), 0u);      // domain 3
    EXPECT_EQ(topology.node_of(2 * kGiB), 2u);  // domain 0x10000
    EXPECT_EQ(topology.boot_cpu_node, 2u);
    // Sorted by base whatever the table's order.
    EXPECT_EQ(topology.ranges[0].base, 0u);
    EXPECT_EQ(topology.ranges[1].base, kGiB);
    EXPECT_EQ(topology.ranges[2].base, 2 * kGiB);
}

TEST(Srat, RevisionOneIgnoresTheWideDomainBytesOfLocalApicEntries) {
    auto srat = SratBuilder(1).local_apic(0, 0x100 | 2).memory(0, kGiB, 2).bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_count, 1u);  // 0x102 read as 2: the same domain as the memory
}

TEST(Srat, CpuOnlyDomainCountsAsANode) {
    auto srat = SratBuilder().local_apic(0, 0).local_apic(1, 1).memory(0, kGiB, 0).bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_count, 2u);
    EXPECT_EQ(contents.topology.range_count, 1u);
}

TEST(Srat, DisabledAndEmptyEntriesAreIgnored) {
    auto srat = SratBuilder()
                    .local_apic(0, 0)
                    .local_apic(1, 4, 0)       // disabled CPU in an otherwise unknown domain
                    .memory(0, 0, 0)           // QEMU pads with empty entries
                    .memory(kGiB, kGiB, 5, 0)  // disabled
                    .memory(0, kGiB, 0)
                    .gicc()
                    .bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_count, 1u);
    EXPECT_EQ(contents.topology.range_count, 1u);
    EXPECT_EQ(contents.processor_count, 1u);
}

TEST(Srat, HotPluggableRangesAreKept) {
    auto srat = SratBuilder()
                    .memory(0, kGiB, 0)
                    .memory(4 * kGiB, 4 * kGiB, 1, kEnabled | kHotPluggable)
                    .bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_of(5 * kGiB), 1u);
}

TEST(Srat, AdjacentAndOverlappingRangesOfOneNodeMerge) {
    auto srat = SratBuilder()
                    .memory(kGiB, kGiB, 0)
                    .memory(0, kGiB, 0)            // touches the first
                    .memory(kGiB + kMiB, kMiB, 0)  // inside it
                    .memory(3 * kGiB, kGiB, 0)     // a gap before it: stays apart
                    .bytes();
    SratContents contents;
    ASSERT_FALSE(parse(srat, 0, contents).is_error());
    ASSERT_EQ(contents.topology.range_count, 2u);
    EXPECT_EQ(contents.topology.ranges[0].base, 0u);
    EXPECT_EQ(contents.topology.ranges[0].size, 2 * kGiB);
    EXPECT_EQ(contents.topology.ranges[1].base, 3 * kGiB);
}

TEST(Srat, NoEntriesIsOneNode) {
    SratContents contents;
    ASSERT_FALSE(parse(SratBuilder().bytes(), 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_count, 1u);
    EXPECT_EQ(contents.topology.range_count, 0u);
    EXPECT_FALSE(contents.boot_cpu_listed);
}

TEST(Srat, OverlappingRangesOfDifferentNodesAreMalformed) {
    auto srat = SratBuilder().memory(0, 2 * kGiB, 0).memory(kGiB, 2 * kGiB, 1).bytes();
    SratContents contents;
    EXPECT_EQ(parse(srat, 0, contents).error(), os::Error::kMalformed);
}

TEST(Srat, RangeThatWrapsIsMalformed) {
    auto srat = SratBuilder().memory(~uint64_t{0} - kMiB, 2 * kMiB, 0).bytes();
    SratContents contents;
    EXPECT_EQ(parse(srat, 0, contents).error(), os::Error::kMalformed);
}

TEST(Srat, TooManyNodesIsNoSpace) {
    SratBuilder builder;
    for (uint32_t domain = 0; domain <= NumaTopology::kMaxNodes; ++domain) {
        builder.memory(domain * kGiB, kGiB, domain);
    }
    SratContents contents;
    EXPECT_EQ(parse(builder.bytes(), 0, contents).error(), os::Error::kNoSpace);
}

TEST(Srat, TooManyRangesIsNoSpace) {
    SratBuilder builder;
    for (uint64_t index = 0; index <= NumaTopology::kMaxRanges; ++index) {
        builder.memory(index * 2 * kGiB, kGiB, 0);  // gaps: nothing merges
    }
    SratContents contents;
    EXPECT_EQ(parse(builder.bytes(), 0, contents).error(), os::Error::kNoSpace);
}

TEST(Srat, ShorterThanFixedPartIsMalformed) {
    SratContents contents;
    EXPECT_EQ(parse(std::vector<uint8_t>(47, 0), 0, contents).error(), os::Error::kMalformed);
}

TEST(Srat, DamagedEntriesAreMalformed) {
    SratContents contents;
    // Zero length: would loop forever if accepted.
    EXPECT_EQ(parse(SratBuilder().memory(0, kGiB, 0).raw({1, 0}).bytes(), 0, contents).error(),
              os::Error::kMalformed);
    // Length past the end of the table.
    EXPECT_EQ(parse(SratBuilder().raw({1, 40, 0, 0}).bytes(), 0, contents).error(),
              os::Error::kMalformed);
    // Each affinity type too short for its fields.
    EXPECT_EQ(parse(SratBuilder().raw({0, 8, 0, 0, 1, 0, 0, 0}).bytes(), 0, contents).error(),
              os::Error::kMalformed);
    EXPECT_EQ(parse(SratBuilder()
                        .raw({1, 24})
                        .raw(std::initializer_list<uint8_t>(
                            {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                        .bytes(),
                    0, contents)
                  .error(),
              os::Error::kMalformed);
    EXPECT_EQ(parse(SratBuilder().raw({2, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}).bytes(), 0,
                    contents)
                  .error(),
              os::Error::kMalformed);
    // A lone trailing byte.
    EXPECT_EQ(parse(SratBuilder().memory(0, kGiB, 0).raw({0}).bytes(), 0, contents).error(),
              os::Error::kMalformed);
}

TEST(Srat, ResultIsUntouchedOnError) {
    SratContents contents;
    contents.topology.node_count = 42;
    auto srat = SratBuilder().memory(0, kGiB, 3).raw({1, 0}).bytes();
    ASSERT_TRUE(parse(srat, 0, contents).is_error());
    EXPECT_EQ(contents.topology.node_count, 42u);
}

TEST(Srat, EveryTruncationFailsCleanlyOrParsesWhatIsWhole) {
    auto full = two_node_machine();
    // Entry boundaries: 48 (fixed part), +16, +16, +40, +40, +40.
    const size_t boundaries[] = {48, 64, 80, 120, 160, 200};
    for (size_t length = 0; length <= full.size(); ++length) {
        // An exactly-sized copy, so that a read past the end is a read past the allocation.
        std::vector<uint8_t> truncated(full.begin(), full.begin() + length);
        SratContents contents;
        bool at_boundary = false;
        for (size_t boundary : boundaries)
            at_boundary |= length == boundary;
        EXPECT_EQ(parse(truncated, 0, contents).is_error(), !at_boundary) << "length " << length;
    }
}

}  // namespace
}  // namespace hal::x86_64::acpi
