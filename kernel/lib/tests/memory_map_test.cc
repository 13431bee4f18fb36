// MemoryMap: add() and reserve() semantics, the ordering/merging invariant,
// capacity, and a randomized comparison with a byte-by-byte reference model.
#include "kernel/lib/memory_map.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <vector>

namespace os {

bool operator==(const MemoryRange& a, const MemoryRange& b) {
    return a.base == b.base && a.size == b.size && a.kind == b.kind;
}

std::ostream& operator<<(std::ostream& out, const MemoryRange& range) {
    return out << std::hex << "{0x" << range.base << ", 0x" << range.size << ", "
               << to_string(range.kind) << "}" << std::dec;
}

namespace {

constexpr MemoryKind kUsable = MemoryKind::kUsable;
constexpr MemoryKind kReserved = MemoryKind::kReserved;
constexpr MemoryKind kKernel = MemoryKind::kKernel;
constexpr MemoryKind kAcpi = MemoryKind::kAcpiReclaimable;
constexpr MemoryKind kBootArchive = MemoryKind::kBootArchive;

constexpr MemoryKind kAllKinds[] = {
    MemoryKind::kUsable,      MemoryKind::kReserved,     MemoryKind::kAcpiReclaimable,
    MemoryKind::kAcpiNvs,     MemoryKind::kDefective,    MemoryKind::kKernel,
    MemoryKind::kBootArchive, MemoryKind::kFirmwareData,
};

using Ranges = std::vector<MemoryRange>;

Ranges ranges_of(const MemoryMap& map) {
    return Ranges(map.begin(), map.end());
}

// The invariant of memory_map.h: sorted, non-empty, non-overlapping, and no
// touching neighbours of the same kind.
::testing::AssertionResult keeps_invariant(const MemoryMap& map) {
    for (size_t i = 0; i < map.size(); ++i) {
        const MemoryRange& range = map[i];
        if (range.size == 0)
            return ::testing::AssertionFailure() << "empty range " << range;
        if (range.end() < range.base)
            return ::testing::AssertionFailure() << "wraps: " << range;
        if (i == 0)
            continue;
        const MemoryRange& previous = map[i - 1];
        if (previous.end() > range.base) {
            return ::testing::AssertionFailure() << "overlap or disorder: " << previous << range;
        }
        if (previous.end() == range.base && previous.kind == range.kind) {
            return ::testing::AssertionFailure() << "unmerged neighbours: " << previous << range;
        }
    }
    return ::testing::AssertionSuccess();
}

// MemoryMap is 3 KiB; tests keep theirs on the heap.
std::unique_ptr<MemoryMap> new_map() {
    return std::make_unique<MemoryMap>();
}

void add(MemoryMap& map, uint64_t base, uint64_t size, MemoryKind kind) {
    auto result = map.add({base, size, kind});
    ASSERT_FALSE(result.is_error()) << to_string(result.error());
}

TEST(MemoryMapTest, StartsEmpty) {
    auto map = new_map();
    EXPECT_EQ(map->size(), 0u);
    EXPECT_EQ(map->begin(), map->end());
    for (MemoryKind kind : kAllKinds)
        EXPECT_EQ(map->total(kind), 0u);
}

TEST(MemoryMapTest, RejectsEmptyAndWrappingRanges) {
    auto map = new_map();
    EXPECT_EQ(map->add({0x1000, 0, kUsable}).error(), Error::kInvalidArgument);
    EXPECT_EQ(map->add({UINT64_MAX, 2, kUsable}).error(), Error::kInvalidArgument);
    // Ending exactly at 2^64 would make end() wrap to 0.
    EXPECT_EQ(map->add({UINT64_MAX - 0xfff, 0x1000, kUsable}).error(), Error::kInvalidArgument);
    EXPECT_EQ(map->reserve(0x1000, 0, kReserved).error(), Error::kInvalidArgument);
    EXPECT_EQ(map->reserve(UINT64_MAX, 2, kReserved).error(), Error::kInvalidArgument);
    EXPECT_EQ(map->size(), 0u);

    add(*map, UINT64_MAX - 0xfff, 0xfff, kUsable);  // the highest range that fits
    EXPECT_EQ(map->size(), 1u);
}

TEST(MemoryMapTest, SortsRangesAddedInAnyOrder) {
    auto map = new_map();
    add(*map, 0x9000, 0x1000, kUsable);
    add(*map, 0x1000, 0x1000, kReserved);
    add(*map, 0x5000, 0x1000, kAcpi);
    EXPECT_EQ(
        ranges_of(*map),
        (Ranges{{0x1000, 0x1000, kReserved}, {0x5000, 0x1000, kAcpi}, {0x9000, 0x1000, kUsable}}));
    EXPECT_TRUE(keeps_invariant(*map));
}

TEST(MemoryMapTest, MergesTouchingRangesOfTheSameKind) {
    auto map = new_map();
    add(*map, 0x3000, 0x1000, kUsable);
    add(*map, 0x1000, 0x1000, kUsable);
    add(*map, 0x2000, 0x1000, kUsable);  // fills the gap: all three merge
    EXPECT_EQ(ranges_of(*map), (Ranges{{0x1000, 0x3000, kUsable}}));

    add(*map, 0x4000, 0x1000, kReserved);  // touching, different kind: separate
    EXPECT_EQ(map->size(), 2u);
    EXPECT_TRUE(keeps_invariant(*map));
}

TEST(MemoryMapTest, OverlappingReportsOfTheSameKindUnite) {
    auto map = new_map();
    add(*map, 0x1000, 0x4000, kUsable);
    add(*map, 0x3000, 0x4000, kUsable);
    add(*map, 0x2000, 0x1000, kUsable);  // fully inside
    EXPECT_EQ(ranges_of(*map), (Ranges{{0x1000, 0x6000, kUsable}}));
}

TEST(MemoryMapTest, NonUsableFirmwareRangesWinOverlapsInEitherOrder) {
    // Usable first, then a reserved range inside it.
    auto map = new_map();
    add(*map, 0x0, 0x10000, kUsable);
    add(*map, 0x4000, 0x2000, kReserved);
    Ranges expected = {
        {0x0, 0x4000, kUsable}, {0x4000, 0x2000, kReserved}, {0x6000, 0xa000, kUsable}};
    EXPECT_EQ(ranges_of(*map), expected);

    // Reserved first: the later usable report does not take it back.
    auto reversed = new_map();
    add(*reversed, 0x4000, 0x2000, kReserved);
    add(*reversed, 0x0, 0x10000, kUsable);
    EXPECT_EQ(ranges_of(*reversed), expected);
}

TEST(MemoryMapTest, PartialOverlapsSplitAtTheBoundaries) {
    auto map = new_map();
    add(*map, 0x1000, 0x3000, kUsable);  // [0x1000, 0x4000)
    add(*map, 0x3000, 0x3000, kAcpi);    // [0x3000, 0x6000): takes the usable tail
    add(*map, 0x0, 0x2000, kReserved);   // [0x0, 0x2000): takes the usable head
    EXPECT_EQ(
        ranges_of(*map),
        (Ranges{{0x0, 0x2000, kReserved}, {0x2000, 0x1000, kUsable}, {0x3000, 0x3000, kAcpi}}));
    EXPECT_TRUE(keeps_invariant(*map));
}

TEST(MemoryMapTest, BetweenRestrictiveKindsTheFirstReportStays) {
    auto map = new_map();
    add(*map, 0x1000, 0x2000, kAcpi);
    add(*map, 0x2000, 0x2000, kReserved);
    EXPECT_EQ(ranges_of(*map), (Ranges{{0x1000, 0x2000, kAcpi}, {0x3000, 0x1000, kReserved}}));
}

TEST(MemoryMapTest, ReserveTakesOnlyFromUsableRam) {
    auto map = new_map();
    add(*map, 0x1000, 0x3000, kUsable);  // [0x1000, 0x4000)
    add(*map, 0x6000, 0x2000, kUsable);  // [0x6000, 0x8000)
    add(*map, 0x4000, 0x1000, kAcpi);    // [0x4000, 0x5000)

    // Spans RAM, ACPI data, a hole and more RAM.
    ASSERT_FALSE(map->reserve(0x3000, 0x4000, kKernel).is_error());
    EXPECT_EQ(ranges_of(*map), (Ranges{{0x1000, 0x2000, kUsable},
                                       {0x3000, 0x1000, kKernel},
                                       {0x4000, 0x1000, kAcpi},
                                       {0x6000, 0x1000, kKernel},
                                       {0x7000, 0x1000, kUsable}}));
    EXPECT_TRUE(keeps_invariant(*map));

    // Outside all RAM: nothing changes, and that is not an error.
    ASSERT_FALSE(map->reserve(0x100000, 0x1000, kKernel).is_error());
    EXPECT_EQ(map->size(), 5u);

    // Reserving what is already reserved keeps the first owner.
    ASSERT_FALSE(map->reserve(0x3000, 0x1000, kBootArchive).is_error());
    EXPECT_EQ((*map)[1].kind, kKernel);
}

TEST(MemoryMapTest, ReserveMergesWithAReservedNeighbour) {
    auto map = new_map();
    add(*map, 0x0, 0x10000, kUsable);
    ASSERT_FALSE(map->reserve(0x2000, 0x1000, kKernel).is_error());
    ASSERT_FALSE(map->reserve(0x3000, 0x1000, kKernel).is_error());
    EXPECT_EQ(
        ranges_of(*map),
        (Ranges{{0x0, 0x2000, kUsable}, {0x2000, 0x2000, kKernel}, {0x4000, 0xc000, kUsable}}));
}

TEST(MemoryMapTest, TotalsPerKind) {
    auto map = new_map();
    add(*map, 0x0, 0x10000, kUsable);
    add(*map, 0x20000, 0x1000, kUsable);
    add(*map, 0x30000, 0x500, kAcpi);
    ASSERT_FALSE(map->reserve(0x1000, 0x100, kKernel).is_error());
    EXPECT_EQ(map->total(kUsable), 0x11000u - 0x100);
    EXPECT_EQ(map->total(kKernel), 0x100u);
    EXPECT_EQ(map->total(kAcpi), 0x500u);
    EXPECT_EQ(map->total(kReserved), 0u);
}

// Fills the map with kCapacity separate ranges.
void fill(MemoryMap& map) {
    for (uint64_t i = 0; i < MemoryMap::kCapacity; ++i) {
        add(map, i * 0x2000, 0x1000, kUsable);
    }
    ASSERT_EQ(map.size(), MemoryMap::kCapacity);
}

TEST(MemoryMapTest, ReportsAFullMap) {
    auto map = new_map();
    fill(*map);
    EXPECT_EQ(map->add({0x1000'0000, 0x1000, kUsable}).error(), Error::kNoSpace);
    EXPECT_EQ(map->size(), MemoryMap::kCapacity);
    EXPECT_TRUE(keeps_invariant(*map));

    // What needs no new range still works on a full map.
    EXPECT_FALSE(map->add({0x0, 0x800, kUsable}).is_error());        // inside a range
    EXPECT_FALSE(map->reserve(0x0, 0x1000, kKernel).is_error());     // a whole range
    EXPECT_FALSE(map->reserve(0x1000, 0x1000, kKernel).is_error());  // a hole
    EXPECT_EQ(map->size(), MemoryMap::kCapacity);
}

TEST(MemoryMapTest, AFailedOperationKeepsTheInvariant) {
    // Reserving the middle of a range needs two splits; a full map has room
    // for neither, and must not be left half-split.
    auto map = new_map();
    add(*map, 0x0, 0x1000'0000, kUsable);
    for (uint64_t i = 1; i < MemoryMap::kCapacity; ++i) {
        add(*map, 0x1000'0000 + i * 0x2000, 0x1000, kUsable);
    }
    ASSERT_EQ(map->size(), MemoryMap::kCapacity);
    Ranges before = ranges_of(*map);

    EXPECT_EQ(map->reserve(0x10'0000, 0x1000, kKernel).error(), Error::kNoSpace);
    EXPECT_TRUE(keeps_invariant(*map));
    EXPECT_EQ(map->total(kUsable), [&] {
        uint64_t sum = 0;
        for (const MemoryRange& range : before)
            sum += range.size;
        return sum;
    }()) << "a failed reserve must not take memory away";

    // One free slot: the first split fits, the second does not.
    auto nearly_full = new_map();
    add(*nearly_full, 0x0, 0x1000'0000, kUsable);
    for (uint64_t i = 1; i < MemoryMap::kCapacity - 1; ++i) {
        add(*nearly_full, 0x1000'0000 + i * 0x2000, 0x1000, kUsable);
    }
    EXPECT_EQ(nearly_full->reserve(0x10'0000, 0x1000, kKernel).error(), Error::kNoSpace);
    EXPECT_TRUE(keeps_invariant(*nearly_full));
    EXPECT_EQ(nearly_full->total(kKernel), 0u);
    EXPECT_EQ(nearly_full->size(), MemoryMap::kCapacity - 1);
}

// A model that stores the kind of every byte of a small address space: the
// obvious implementation of the rules in memory_map.h.
class ByteModel {
  public:
    static constexpr uint64_t kSpace = 96;  // fewer bytes than map slots: never full

    explicit ByteModel(uint64_t origin) : origin_(origin) {}

    void add(uint64_t base, uint64_t size, MemoryKind kind) {
        for (uint64_t at = base; at < base + size; ++at) {
            std::optional<MemoryKind>& byte = bytes_[at - origin_];
            // New bytes take the kind; a restrictive kind beats usable.
            if (!byte || (*byte == kUsable && kind != kUsable))
                byte = kind;
        }
    }

    void reserve(uint64_t base, uint64_t size, MemoryKind kind) {
        for (uint64_t at = base; at < base + size; ++at) {
            std::optional<MemoryKind>& byte = bytes_[at - origin_];
            if (byte == kUsable)
                byte = kind;
        }
    }

    // The map's ranges, expanded to bytes.
    static std::array<std::optional<MemoryKind>, kSpace> expand(const MemoryMap& map,
                                                                uint64_t origin) {
        std::array<std::optional<MemoryKind>, kSpace> bytes;
        for (const MemoryRange& range : map) {
            for (uint64_t at = range.base; at < range.end(); ++at)
                bytes[at - origin] = range.kind;
        }
        return bytes;
    }

    const std::array<std::optional<MemoryKind>, kSpace>& bytes() const { return bytes_; }

  private:
    uint64_t origin_;
    std::array<std::optional<MemoryKind>, kSpace> bytes_;
};

void run_against_model(uint64_t origin, uint32_t seed) {
    std::mt19937_64 random(seed);
    for (int trial = 0; trial < 300; ++trial) {
        auto map = new_map();
        ByteModel model(origin);
        for (int step = 0; step < 40; ++step) {
            uint64_t base = random() % ByteModel::kSpace;
            uint64_t size = 1 + random() % (ByteModel::kSpace - base);
            if (random() % 2 == 0)
                size = 1 + random() % std::min<uint64_t>(size, 8);
            // Usable ranges are common in real maps; weight them.
            MemoryKind kind =
                random() % 3 == 0 ? kAllKinds[random() % std::size(kAllKinds)] : kUsable;
            bool is_add = random() % 2 == 0;
            if (is_add) {
                ASSERT_FALSE(map->add({origin + base, size, kind}).is_error());
                model.add(origin + base, size, kind);
            } else {
                ASSERT_FALSE(map->reserve(origin + base, size, kind).is_error());
                model.reserve(origin + base, size, kind);
            }
            ASSERT_TRUE(keeps_invariant(*map)) << "trial " << trial << " step " << step;
            ASSERT_EQ(ByteModel::expand(*map, origin), model.bytes())
                << "trial " << trial << " step " << step << (is_add ? " add " : " reserve ")
                << MemoryRange{origin + base, size, kind};
        }
        for (MemoryKind kind : kAllKinds) {
            uint64_t bytes = 0;
            for (const auto& byte : model.bytes())
                bytes += byte == kind;
            EXPECT_EQ(map->total(kind), bytes);
        }
    }
}

TEST(MemoryMapModelTest, MatchesAByteModelAtLowAddresses) {
    run_against_model(0, 1);
}

TEST(MemoryMapModelTest, MatchesAByteModelAtTheTopOfTheAddressSpace) {
    run_against_model(UINT64_MAX - ByteModel::kSpace, 2);
}

}  // namespace
}  // namespace os
