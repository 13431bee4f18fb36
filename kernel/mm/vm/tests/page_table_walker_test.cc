// PageTableOf over every format (x86_64, aarch64, riscv64 Sv48 and Sv39) on
// simulated physical memory: each operation's contract, huge-page splits,
// table freeing and running out of memory.
#include <gtest/gtest.h>

#include <iterator>

#include "kernel/mm/vm/tests/page_table_test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr PhysicalAddress kRamBase = 0x8000'0000;
constexpr size_t kRamSize = 4 * kMiB;

template <typename Case>
class PageTableWalker : public ::testing::Test {
protected:
    using Format = typename Case::Format;
    using Table = PageTableOf<Format>;
    using Translation = typename Table::Translation;

    PageTableWalker() : ram_(kRamBase, kRamSize), source_(ram_), table_(make_table()) {}

    Table make_table() {
        Case::select();
        auto table = Table::create(source_);
        EXPECT_FALSE(table.is_error());
        return table.release_value();
    }

    static VirtualAddress upper_half() { return ~(Format::lower_half_end() - 1); }
    // How many tables a lone mapping of `size` needs besides the root.
    static size_t path_tables(PageSize size) {
        return Format::levels() - 1 - static_cast<unsigned>(size);
    }

    Translation query(VirtualAddress address) {
        Translation translation;
        translation.physical = ~0ull;
        EXPECT_TRUE(table_.query(address, &translation)) << std::hex << address;
        return translation;
    }
    bool mapped(VirtualAddress address) { return table_.query(address, nullptr); }
    void audit(bool kernel_tree = false) { TreeAudit<Format>(table_.root(), source_, kernel_tree); }

    hal::host::SimulatedPhysicalMemory ram_;
    FakeTableSource source_;
    Table table_;
};
TYPED_TEST_SUITE(PageTableWalker, AllFormats, FormatName);

const MappingAttributes kUserData = attributes_from_bits(1 | 4);  // writable, user
const MappingAttributes kUserReadOnly = attributes_from_bits(4);
const MappingAttributes kKernelText = attributes_from_bits(2 | 8);  // executable, global

// ---- map / query ----------------------------------------------------------------

TYPED_TEST(PageTableWalker, MapsAndQueriesEverySizeWithEveryAttributeCombination) {
    const PageSize sizes[] = {PageSize::k4KiB, PageSize::k2MiB, PageSize::k1GiB};
    const VirtualAddress halves[] = {3 * kGiB, this->upper_half() + 5 * kGiB};
    for (VirtualAddress base : halves) {
        for (PageSize size : sizes) {
            const uint64_t bytes = page_size_bytes(size);
            for (unsigned bits = 0; bits < 32; ++bits) {
                SCOPED_TRACE(::testing::Message() << std::hex << base << " size " << bytes
                                                  << " attributes " << std::dec << bits);
                const MappingAttributes attributes = attributes_from_bits(bits);
                // Each size in its own 40 GiB: the kernel half keeps tables
                // right below the root, which a 1 GiB leaf on Sv39 would need.
                const VirtualAddress address =
                    base + static_cast<unsigned>(size) * 40 * kGiB + bits * bytes;
                const PhysicalAddress physical = (0x40 + bits) * kGiB;
                ASSERT_FALSE(this->table_.map(address, physical, size, attributes).is_error());

                for (uint64_t offset : {uint64_t{0}, bytes / 2 + 0x234, bytes - 8}) {
                    auto translation = this->query(address + offset);
                    EXPECT_EQ(translation.physical, physical + offset);
                    EXPECT_EQ(translation.size, size);
                    EXPECT_EQ(translation.attributes, attributes);
                }
                EXPECT_FALSE(this->mapped(address - 4 * kKiB));
                EXPECT_FALSE(this->mapped(address + bytes));
                this->audit(base != halves[0]);

                RecordingVisitor visitor;
                auto removed = this->table_.unmap(address, bytes, visitor);
                ASSERT_FALSE(removed.is_error());
                EXPECT_EQ(removed.value(), 1u);
                ASSERT_EQ(visitor.leaves.size(), 1u);
                EXPECT_EQ(visitor.leaves[0], (Unmapped{address, physical, size}));
                EXPECT_FALSE(this->mapped(address));
            }
        }
    }
}

TYPED_TEST(PageTableWalker, WritesTheEntryItReportsAndBuildsOnlyTheNeededPath) {
    using Format = typename TypeParam::Format;
    const MappingAttributes attributes = kUserData;
    ASSERT_FALSE(this->table_.map(0x12345000, 0x6789a000, PageSize::k4KiB, attributes).is_error());
    EXPECT_EQ(raw_entry<Format>(this->table_.root(), 0x12345000, 0),
              Format::leaf_entry(0x6789a000, 0, attributes));
    EXPECT_EQ(this->source_.live(), 1 + this->path_tables(PageSize::k4KiB));

    // A second page in the same last-level table needs no new table.
    ASSERT_FALSE(this->table_.map(0x12346000, 0x1000, PageSize::k4KiB, attributes).is_error());
    EXPECT_EQ(this->source_.live(), 1 + this->path_tables(PageSize::k4KiB));
    this->audit();
}

TYPED_TEST(PageTableWalker, QueryOfUnmappedOrNonCanonicalAddressesFails) {
    using Format = typename TypeParam::Format;
    EXPECT_FALSE(this->mapped(0));
    EXPECT_FALSE(this->mapped(Format::lower_half_end()));  // the first non-canonical address
    ASSERT_FALSE(this->table_.map(2 * kGiB, 2 * kGiB, PageSize::k1GiB, kUserData).is_error());
    EXPECT_FALSE(this->mapped(2 * kGiB - 4 * kKiB));
    // The same offset in the other half is another root entry (except on
    // aarch64, whose halves live in separate trees that index alike).
    if (!std::is_same_v<Format, hal::aarch64::PageTableFormat>) {
        EXPECT_FALSE(this->mapped(this->upper_half() + 2 * kGiB));
    }
}

// ---- Errors -------------------------------------------------------------------------

TYPED_TEST(PageTableWalker, RefusesToMapOverAnythingMapped) {
    auto& table = this->table_;
    ASSERT_FALSE(table.map(2 * kGiB + 4 * kKiB, 0x1000, PageSize::k4KiB, kUserData).is_error());
    ASSERT_FALSE(table.map(3 * kGiB + 2 * kMiB, 0x200000, PageSize::k2MiB, kUserData).is_error());
    const size_t live = this->source_.live();

    // The same page again, the 2 MiB and 1 GiB pages around it.
    EXPECT_EQ(table.map(2 * kGiB + 4 * kKiB, 0x5000, PageSize::k4KiB, kUserData).error(),
              os::Error::kAlreadyExists);
    EXPECT_EQ(table.map(2 * kGiB, 0x400000, PageSize::k2MiB, kUserData).error(),
              os::Error::kAlreadyExists);
    EXPECT_EQ(table.map(2 * kGiB, 0x40000000, PageSize::k1GiB, kUserData).error(),
              os::Error::kAlreadyExists);
    // A 4 KiB page inside the 2 MiB one; the 1 GiB page around it.
    EXPECT_EQ(table.map(3 * kGiB + 3 * kMiB, 0x5000, PageSize::k4KiB, kUserData).error(),
              os::Error::kAlreadyExists);
    EXPECT_EQ(table.map(3 * kGiB, 0x40000000, PageSize::k1GiB, kUserData).error(),
              os::Error::kAlreadyExists);

    EXPECT_EQ(this->source_.live(), live);
    EXPECT_EQ(this->query(2 * kGiB + 4 * kKiB).physical, 0x1000u);
    EXPECT_EQ(this->query(3 * kGiB + 2 * kMiB).size, PageSize::k2MiB);
    this->audit();
}

TYPED_TEST(PageTableWalker, RejectsMisalignedAndNonCanonicalArguments) {
    using Format = typename TypeParam::Format;
    auto& table = this->table_;
    const auto kInvalid = os::Error::kInvalidArgument;
    EXPECT_EQ(table.map(0x1800, 0x2000, PageSize::k4KiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(0x2000, 0x1800, PageSize::k4KiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(2 * kMiB + 4 * kKiB, 0, PageSize::k2MiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(2 * kMiB, 4 * kKiB, PageSize::k2MiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(kGiB, 2 * kMiB, PageSize::k1GiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(Format::lower_half_end(), 0, PageSize::k4KiB, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map(0x1000, Format::kPhysicalAddressLimit, PageSize::k4KiB, kUserData).error(),
              kInvalid);

    RecordingVisitor visitor;
    EXPECT_EQ(table.unmap(0x1800, 0x1000, visitor).error(), kInvalid);
    EXPECT_EQ(table.unmap(0x1000, 0x800, visitor).error(), kInvalid);
    EXPECT_EQ(table.unmap(0x1000, 0, visitor).error(), kInvalid);
    // Across the hole between the halves, and wrapping around the top.
    EXPECT_EQ(table.unmap(Format::lower_half_end() - 0x1000, 0x2000, visitor).error(), kInvalid);
    EXPECT_EQ(table.unmap(~uint64_t{0xfff}, 0x2000, visitor).error(), kInvalid);
    EXPECT_EQ(table.protect(0x1800, 0x1000, kUserData).error(), kInvalid);
    EXPECT_EQ(table.protect(0x1000, 0, kUserData).error(), kInvalid);
    EXPECT_EQ(table.map_range(0x1000, 0x1000, 0x1800, kUserData).error(), kInvalid);
    EXPECT_TRUE(visitor.leaves.empty());
    EXPECT_EQ(this->source_.live(), 1u);
}

TYPED_TEST(PageTableWalker, RangeReachingTheTopOfTheAddressSpaceIsFine) {
    const VirtualAddress top_page = ~uint64_t{0xfff};
    ASSERT_FALSE(this->table_.map(top_page, 0x1000, PageSize::k4KiB, kKernelText).is_error());
    EXPECT_EQ(this->query(top_page + 0xfff).physical, 0x1fffu);
    RecordingVisitor visitor;
    auto removed = this->table_.unmap(top_page - kGiB, kGiB + 0x1000, visitor);
    ASSERT_FALSE(removed.is_error());
    EXPECT_EQ(removed.value(), 1u);
}

// ---- Huge-page splits ---------------------------------------------------------------

TYPED_TEST(PageTableWalker, PartialUnmapSplitsA2MiBPageAndKeepsTheRest) {
    const VirtualAddress va = 6 * kGiB + 8 * kMiB;
    const PhysicalAddress pa = 0x1'4000'0000;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k2MiB, kUserData).is_error());

    RecordingVisitor visitor;
    auto removed = this->table_.unmap(va + 8 * kKiB, 12 * kKiB, visitor);
    ASSERT_FALSE(removed.is_error());
    EXPECT_EQ(removed.value(), 3u);
    const std::vector<Unmapped> expected = {{va + 0x2000, pa + 0x2000, PageSize::k4KiB},
                                            {va + 0x3000, pa + 0x3000, PageSize::k4KiB},
                                            {va + 0x4000, pa + 0x4000, PageSize::k4KiB}};
    EXPECT_EQ(visitor.leaves, expected);

    for (VirtualAddress page = va; page < va + 2 * kMiB; page += 4 * kKiB) {
        bool inside = page >= va + 8 * kKiB && page < va + 20 * kKiB;
        ASSERT_EQ(this->mapped(page), !inside) << std::hex << page;
        if (inside) continue;
        auto translation = this->query(page);
        EXPECT_EQ(translation.physical, pa + (page - va));
        EXPECT_EQ(translation.size, PageSize::k4KiB);
        EXPECT_EQ(translation.attributes, kUserData);
    }
    EXPECT_EQ(this->source_.live(), 1 + this->path_tables(PageSize::k4KiB));
    this->audit();
}

// Break-before-make: where the format demands it, the split leaf is invalid
// while the flusher runs, and the flusher is told the whole huge range;
// elsewhere the split happens in place and no flush is asked for.
TYPED_TEST(PageTableWalker, SplittingALiveHugeLeafBreaksBeforeMakingWhereRequired) {
    using Table = typename TestFixture::Table;
    struct Flusher final : SplitFlusher {
        explicit Flusher(Table& table) : table(table) {}
        void flush_split(VirtualAddress start, size_t length) override {
            flushes.push_back({start, length});
            mapped_during_flush = table.query(start, nullptr);
        }
        Table& table;
        std::vector<std::pair<VirtualAddress, size_t>> flushes;
        bool mapped_during_flush = true;
    } flusher(this->table_);
    this->table_.set_split_flusher(&flusher);

    const VirtualAddress va = 6 * kGiB + 8 * kMiB;
    const PhysicalAddress pa = 0x1'4000'0000;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k2MiB, kUserData).is_error());
    RecordingVisitor visitor;
    ASSERT_FALSE(this->table_.unmap(va + 8 * kKiB, 4 * kKiB, visitor).is_error());

    if (TestFixture::Format::kBreakBeforeMake) {
        const std::vector<std::pair<VirtualAddress, size_t>> expected = {{va, 2 * kMiB}};
        EXPECT_EQ(flusher.flushes, expected);
        EXPECT_FALSE(flusher.mapped_during_flush);
    } else {
        EXPECT_TRUE(flusher.flushes.empty());
    }
    EXPECT_EQ(this->query(va).physical, pa);  // made again: the rest still maps
    EXPECT_EQ(this->query(va + 12 * kKiB).physical, pa + 12 * kKiB);
    this->audit();
}

TYPED_TEST(PageTableWalker, RangeAcrossTwoHugePagesSplitsAtBothEdges) {
    const VirtualAddress va = 6 * kGiB;
    const PhysicalAddress pa = 0x1'4000'0000;
    for (uint64_t offset = 0; offset < 8 * kMiB; offset += 2 * kMiB) {
        ASSERT_FALSE(
            this->table_.map(va + offset, pa + offset, PageSize::k2MiB, kUserData).is_error());
    }

    // Read-only from the middle of the first to the middle of the second.
    EXPECT_EQ(count_of(this->table_.protect(va + kMiB, 2 * kMiB, kUserReadOnly)), 512u);
    EXPECT_EQ(this->query(va + kMiB - 4 * kKiB).attributes, kUserData);
    EXPECT_EQ(this->query(va + kMiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(va + 3 * kMiB - 4 * kKiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(va + 3 * kMiB).attributes, kUserData);

    // Unmapped likewise, across the third and fourth.
    const VirtualAddress start = va + 5 * kMiB;
    RecordingVisitor visitor;
    EXPECT_EQ(count_of(this->table_.unmap(start, 2 * kMiB, visitor)), 512u);
    EXPECT_EQ(visitor.leaves.front(), (Unmapped{start, pa + 5 * kMiB, PageSize::k4KiB}));
    EXPECT_EQ(visitor.leaves.back(),
              (Unmapped{start + 2 * kMiB - 4 * kKiB, pa + 7 * kMiB - 4 * kKiB, PageSize::k4KiB}));
    EXPECT_TRUE(this->mapped(start - 4 * kKiB));
    EXPECT_FALSE(this->mapped(start));
    EXPECT_FALSE(this->mapped(start + 2 * kMiB - 4 * kKiB));
    EXPECT_EQ(this->query(start + 2 * kMiB).physical, pa + 7 * kMiB);
    EXPECT_EQ(this->query(start + 2 * kMiB).attributes, kUserData);
    this->audit();
}

TYPED_TEST(PageTableWalker, PartialUnmapSplitsA1GiBPageDownToWhatTheEdgesNeed) {
    const VirtualAddress va = 4 * kGiB;
    const PhysicalAddress pa = 7 * kGiB;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k1GiB, kKernelText).is_error());

    RecordingVisitor visitor;
    const VirtualAddress hole = va + 300 * kMiB + 4 * kKiB;
    ASSERT_FALSE(this->table_.unmap(hole, 4 * kKiB, visitor).is_error());
    const std::vector<Unmapped> expected = {{hole, pa + (hole - va), PageSize::k4KiB}};
    EXPECT_EQ(visitor.leaves, expected);

    EXPECT_FALSE(this->mapped(hole));
    EXPECT_EQ(this->query(hole - 4 * kKiB).size, PageSize::k4KiB);
    EXPECT_EQ(this->query(hole + 4 * kKiB).physical, pa + (hole - va) + 4 * kKiB);
    EXPECT_EQ(this->query(va).size, PageSize::k2MiB);  // the rest stays as large as it can
    EXPECT_EQ(this->query(va + kGiB - 1).physical, pa + kGiB - 1);
    EXPECT_EQ(this->query(va + kGiB - 1).attributes, kKernelText);
    // The 1 GiB page became a table of 2 MiB pages, one of them a table of 4 KiB pages.
    EXPECT_EQ(this->source_.live(), 1 + this->path_tables(PageSize::k4KiB));
    this->audit();
}

TYPED_TEST(PageTableWalker, PartialProtectSplitsAndKeepsTheRestsAttributes) {
    const VirtualAddress va = 6 * kGiB;
    const PhysicalAddress pa = 0x1'0020'0000;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k2MiB, kUserData).is_error());

    EXPECT_EQ(count_of(this->table_.protect(va + 4 * kKiB, 8 * kKiB, kUserReadOnly)), 2u);
    EXPECT_EQ(this->query(va).attributes, kUserData);
    EXPECT_EQ(this->query(va + 4 * kKiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(va + 8 * kKiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(va + 12 * kKiB).attributes, kUserData);
    EXPECT_EQ(this->query(va + 2 * kMiB - 1).physical, pa + 2 * kMiB - 1);
    EXPECT_EQ(this->query(va + 2 * kMiB - 1).attributes, kUserData);

    // Again: nothing left to change, so nothing changes.
    EXPECT_EQ(count_of(this->table_.protect(va + 4 * kKiB, 8 * kKiB, kUserReadOnly)), 0u);
    this->audit();
}

TYPED_TEST(PageTableWalker, ProtectLeavesHugePagesWholeWhenItCan) {
    const VirtualAddress va = 6 * kGiB;
    ASSERT_FALSE(this->table_.map(va, 0, PageSize::k2MiB, kUserData).is_error());
    ASSERT_FALSE(this->table_.map(va + 2 * kMiB, 2 * kMiB, PageSize::k2MiB, kUserData).is_error());
    const size_t live = this->source_.live();

    // Same attributes over part of a huge page: no split, no change.
    EXPECT_EQ(count_of(this->table_.protect(va + 4 * kKiB, 4 * kKiB, kUserData)), 0u);
    // A whole huge page: rewritten in place.
    EXPECT_EQ(count_of(this->table_.protect(va + 2 * kMiB, 2 * kMiB, kUserReadOnly)), 1u);
    EXPECT_EQ(this->query(va + 2 * kMiB).size, PageSize::k2MiB);
    EXPECT_EQ(this->query(va + 2 * kMiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(va).size, PageSize::k2MiB);
    EXPECT_EQ(this->source_.live(), live);
    // Holes in the range are skipped.
    EXPECT_EQ(count_of(this->table_.protect(va - 2 * kMiB, 8 * kMiB, kUserReadOnly)), 1u);
}

// ---- Unmap: the visitor and freeing tables --------------------------------------------

TYPED_TEST(PageTableWalker, UnmapVisitorSeesExactlyTheRemovedLeaves) {
    auto& table = this->table_;
    // 4 KiB pages, a 2 MiB page and a 1 GiB page, with gaps between them.
    const VirtualAddress base = 8 * kGiB;
    ASSERT_FALSE(table.map(base - 8 * kKiB, 0x10000, PageSize::k4KiB, kUserData).is_error());
    ASSERT_FALSE(table.map(base + 4 * kKiB, 0x11000, PageSize::k4KiB, kUserData).is_error());
    ASSERT_FALSE(table.map(base + 4 * kMiB, 0x600000, PageSize::k2MiB, kUserData).is_error());
    ASSERT_FALSE(table.map(base + kGiB, 0x80000000, PageSize::k1GiB, kUserData).is_error());
    ASSERT_FALSE(table.map(base + 2 * kGiB, 0x40000000, PageSize::k1GiB, kUserData).is_error());

    RecordingVisitor visitor;
    auto removed = table.unmap(base - 4 * kKiB, 2 * kGiB + 4 * kKiB, visitor);
    ASSERT_FALSE(removed.is_error());
    const std::vector<Unmapped> expected = {
        {base + 4 * kKiB, 0x11000, PageSize::k4KiB},
        {base + 4 * kMiB, 0x600000, PageSize::k2MiB},
        {base + kGiB, 0x80000000, PageSize::k1GiB},
    };
    EXPECT_EQ(visitor.leaves, expected);
    EXPECT_EQ(removed.value(), expected.size());
    EXPECT_TRUE(this->mapped(base - 8 * kKiB));
    EXPECT_EQ(this->query(base + 2 * kGiB).size, PageSize::k1GiB);
    this->audit();
}

TYPED_TEST(PageTableWalker, UnmappingEverythingLeavesOnlyTheRoot) {
    auto& table = this->table_;
    // Spread over several root entries where the address space allows.
    const VirtualAddress spots[] = {0, 3 * kGiB + 4 * kKiB, 17 * kGiB + 6 * kMiB, 100 * kGiB,
                                    (uint64_t{1} << 37) + 8 * kKiB};
    auto huge_spot = [](VirtualAddress spot) { return os::align_down(spot, 2 * kMiB) + 4 * kMiB; };
    for (VirtualAddress spot : spots) {
        ASSERT_FALSE(table.map(spot, 0x3000, PageSize::k4KiB, kUserData).is_error());
        ASSERT_FALSE(
            table.map(huge_spot(spot), 0x200000, PageSize::k2MiB, kUserReadOnly).is_error());
    }
    ASSERT_FALSE(table.map(kGiB, kGiB, PageSize::k1GiB, kUserData).is_error());
    EXPECT_GT(this->source_.live(), 5u);

    // One page at a time for some, one big range for the rest.
    RecordingVisitor visitor;
    ASSERT_FALSE(table.unmap(spots[1], 4 * kKiB, visitor).is_error());
    ASSERT_FALSE(table.unmap(huge_spot(spots[1]), 2 * kMiB, visitor).is_error());
    this->audit();
    using Format = typename TypeParam::Format;
    ASSERT_FALSE(table.unmap(0, Format::lower_half_end(), visitor).is_error());
    EXPECT_EQ(visitor.leaves.size(), 2 * std::size(spots) + 1);
    EXPECT_EQ(this->source_.live(), 1u);
    this->audit();
}

TYPED_TEST(PageTableWalker, KernelHalfKeepsTheTablesRightBelowTheRoot) {
    const VirtualAddress va = this->upper_half() + 3 * kGiB + 4 * kKiB;
    ASSERT_FALSE(this->table_.map(va, 0x5000, PageSize::k4KiB, kKernelText).is_error());
    RecordingVisitor visitor;
    ASSERT_FALSE(this->table_.unmap(va, 4 * kKiB, visitor).is_error());
    // User roots copy the root's kernel-half entries: the table they point to stays.
    EXPECT_EQ(this->source_.live(), 2u);
    this->audit(/*kernel_tree=*/true);
    ASSERT_FALSE(this->table_.map(va, 0x6000, PageSize::k4KiB, kKernelText).is_error());
    EXPECT_EQ(this->source_.live(), 1 + this->path_tables(PageSize::k4KiB));
}

// ---- Out of memory ------------------------------------------------------------------

TYPED_TEST(PageTableWalker, OutOfMemoryInTheMiddleOfAMapChangesNothing) {
    const VirtualAddress va = 5 * kGiB + 6 * kMiB + 4 * kKiB;
    const size_t needed = this->path_tables(PageSize::k4KiB);
    for (size_t succeed = 0; succeed < needed; ++succeed) {
        this->source_.fail_after(succeed);
        EXPECT_EQ(this->table_.map(va, 0x1000, PageSize::k4KiB, kUserData).error(),
                  os::Error::kOutOfMemory);
        EXPECT_EQ(this->source_.live(), 1u);
        EXPECT_FALSE(this->mapped(va));
        this->audit();
    }
    this->source_.fail_after(needed);
    ASSERT_FALSE(this->table_.map(va, 0x1000, PageSize::k4KiB, kUserData).is_error());

    // With part of the path present, only the rest is needed.
    this->source_.fail_after(0);
    EXPECT_EQ(this->table_.map(va + 2 * kMiB, 0, PageSize::k4KiB, kUserData).error(),
              os::Error::kOutOfMemory);
    EXPECT_FALSE(this->mapped(va + 2 * kMiB));
    ASSERT_FALSE(this->table_.map(va + 4 * kKiB, 0, PageSize::k4KiB, kUserData).is_error());
    this->audit();
}

TYPED_TEST(PageTableWalker, OutOfMemoryWhileSplittingRemovesAndChangesNothing) {
    const VirtualAddress va = 2 * kGiB;
    const PhysicalAddress pa = 9 * kGiB;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k1GiB, kUserData).is_error());
    const VirtualAddress middle = va + 5 * kMiB;

    // Unmapping a page in the middle needs two splits (1 GiB -> 2 MiB -> 4 KiB).
    for (long succeed : {0, 1}) {
        this->source_.fail_after(succeed);
        RecordingVisitor visitor;
        EXPECT_EQ(this->table_.unmap(middle, 4 * kKiB, visitor).error(), os::Error::kOutOfMemory);
        EXPECT_TRUE(visitor.leaves.empty());
        EXPECT_EQ(this->table_.protect(middle, 4 * kKiB, kUserReadOnly).error(),
                  os::Error::kOutOfMemory);
        for (VirtualAddress probe :
             {va, middle - 4 * kKiB, middle, middle + 4 * kKiB, va + kGiB - 4 * kKiB}) {
            auto translation = this->query(probe);
            EXPECT_EQ(translation.physical, pa + (probe - va));
            EXPECT_EQ(translation.attributes, kUserData);
        }
        this->audit();
    }
    this->source_.fail_after(-1);
    auto changed = this->table_.protect(middle, 4 * kKiB, kUserReadOnly);
    ASSERT_FALSE(changed.is_error());
    EXPECT_EQ(changed.value(), 1u);
    EXPECT_EQ(this->query(middle).attributes, kUserReadOnly);
}

TYPED_TEST(PageTableWalker, SplitHugeLeavesAtPreparesAnEdgeSoEditsNeedNoMemory) {
    const VirtualAddress va = 2 * kGiB;
    const PhysicalAddress pa = 9 * kGiB;
    ASSERT_FALSE(this->table_.map(va, pa, PageSize::k1GiB, kUserData).is_error());
    const VirtualAddress edge = va + 5 * kMiB + 12 * kKiB;

    // Aligned to the leaf, unmapped, or misaligned: nothing to do or refused.
    const size_t live = this->source_.live();
    EXPECT_FALSE(this->table_.split_huge_leaves_at(va).is_error());
    EXPECT_FALSE(this->table_.split_huge_leaves_at(va + 3 * kGiB + 4 * kKiB).is_error());
    EXPECT_EQ(this->table_.split_huge_leaves_at(edge + 1).error(), os::Error::kInvalidArgument);
    EXPECT_EQ(this->source_.live(), live);

    // Out of memory halfway: the 1 GiB page may be split, no translation changed.
    this->source_.fail_after(1);
    EXPECT_EQ(this->table_.split_huge_leaves_at(edge).error(), os::Error::kOutOfMemory);
    EXPECT_EQ(this->query(edge).physical, pa + (edge - va));
    EXPECT_EQ(this->query(edge).attributes, kUserData);
    this->audit();

    this->source_.fail_after(-1);
    ASSERT_FALSE(this->table_.split_huge_leaves_at(edge).is_error());
    EXPECT_EQ(this->query(edge).size, PageSize::k4KiB);
    EXPECT_EQ(this->query(edge - 4 * kKiB).size, PageSize::k4KiB);
    EXPECT_EQ(this->query(edge).physical, pa + (edge - va));
    EXPECT_EQ(this->query(va).size, PageSize::k2MiB);
    // Now an unmap and a protect with that edge need no table page at all.
    this->source_.fail_after(0);
    RecordingVisitor visitor;
    EXPECT_EQ(count_of(this->table_.unmap(edge, 4 * kKiB, visitor)), 1u);
    EXPECT_EQ(count_of(this->table_.protect(va + 4 * kMiB, edge - (va + 4 * kMiB), kUserReadOnly)),
              259u);
    this->source_.fail_after(-1);
    EXPECT_FALSE(this->mapped(edge));
    EXPECT_EQ(this->query(edge - 4 * kKiB).attributes, kUserReadOnly);
    EXPECT_EQ(this->query(edge + 4 * kKiB).attributes, kUserData);
    this->audit();
}

// ---- map_range and destroy_user_half ------------------------------------------------

TYPED_TEST(PageTableWalker, MapRangeUsesTheLargestPagesAlignmentAllows) {
    // 3 small pages up to a GiB boundary, 1 GiB, 2 MiB, 2 small pages.
    const VirtualAddress va = 2 * kGiB - 12 * kKiB;
    const PhysicalAddress pa = 5 * kGiB - 12 * kKiB;
    const size_t length = 12 * kKiB + kGiB + 2 * kMiB + 8 * kKiB;
    ASSERT_FALSE(this->table_.map_range(va, pa, length, kUserData).is_error());

    RecordingVisitor visitor;
    auto removed = this->table_.unmap(va, length, visitor);
    ASSERT_FALSE(removed.is_error());
    std::vector<PageSize> sizes;
    for (const Unmapped& leaf : visitor.leaves) {
        EXPECT_EQ(leaf.physical - pa, leaf.address - va);
        sizes.push_back(leaf.size);
    }
    const std::vector<PageSize> expected = {PageSize::k4KiB, PageSize::k4KiB, PageSize::k4KiB,
                                            PageSize::k1GiB, PageSize::k2MiB, PageSize::k4KiB,
                                            PageSize::k4KiB};
    EXPECT_EQ(sizes, expected);
    EXPECT_EQ(this->source_.live(), 1u);

    // Capped at 2 MiB pages.
    ASSERT_FALSE(this->table_.map_range(2 * kGiB, 0, kGiB, kUserData, PageSize::k2MiB).is_error());
    EXPECT_EQ(this->query(2 * kGiB).size, PageSize::k2MiB);
}

TYPED_TEST(PageTableWalker, MapRangeFailingHalfwayMapsNothing) {
    const VirtualAddress va = 2 * kGiB;
    // Something in the way at the end of the range.
    ASSERT_FALSE(this->table_.map(va + 6 * kMiB, 0, PageSize::k4KiB, kUserData).is_error());
    const size_t live = this->source_.live();
    EXPECT_EQ(this->table_.map_range(va, 0, 8 * kMiB, kUserData).error(),
              os::Error::kAlreadyExists);
    EXPECT_FALSE(this->mapped(va));
    EXPECT_EQ(this->source_.live(), live);

    // Four 2 MiB pages fit into an existing table; the last 4 KiB page, in
    // the next GiB, needs new tables and gets none.
    this->source_.fail_after(0);
    EXPECT_EQ(
        this->table_.map_range(va + kGiB - 8 * kMiB, 0, 8 * kMiB + 4 * kKiB, kUserData).error(),
        os::Error::kOutOfMemory);
    EXPECT_FALSE(this->mapped(va + kGiB - 8 * kMiB));
    EXPECT_EQ(this->source_.live(), live);
    this->audit();
}

TYPED_TEST(PageTableWalker, DestroyUserHalfFreesEveryTable) {
    auto& table = this->table_;
    for (VirtualAddress spot : {VirtualAddress{0}, 7 * kGiB + 4 * kKiB, 200 * kGiB}) {
        ASSERT_FALSE(table.map(spot, 0x1000, PageSize::k4KiB, kUserData).is_error());
        const VirtualAddress huge = os::align_down(spot, 2 * kMiB) + 2 * kMiB;
        ASSERT_FALSE(table.map(huge, 0, PageSize::k2MiB, kUserData).is_error());
    }
    ASSERT_FALSE(table.map(kGiB, 0, PageSize::k1GiB, kUserData).is_error());
    table.destroy_user_half();
    EXPECT_EQ(this->source_.live(), 1u);
    EXPECT_FALSE(this->mapped(0));
    EXPECT_FALSE(this->mapped(kGiB));
    this->audit();
}

TYPED_TEST(PageTableWalker, DestroyUserHalfLeavesTheKernelHalf) {
    using Format = typename TypeParam::Format;
    if constexpr (std::is_same_v<Format, hal::aarch64::PageTableFormat>) {
        GTEST_SKIP() << "aarch64 keeps the kernel in a separate (TTBR1) tree";
    } else {
        auto& table = this->table_;
        const VirtualAddress kernel = this->upper_half() + 2 * kGiB;
        ASSERT_FALSE(table.map(kernel, 0x9000, PageSize::k4KiB, kKernelText).is_error());
        ASSERT_FALSE(table.map(0x400000, 0x1000, PageSize::k4KiB, kUserData).is_error());
        const size_t kernel_tables = this->path_tables(PageSize::k4KiB);
        table.destroy_user_half();
        EXPECT_EQ(this->source_.live(), 1 + kernel_tables);
        EXPECT_FALSE(this->mapped(0x400000));
        EXPECT_EQ(this->query(kernel).physical, 0x9000u);
    }
}

// ---- x86_64 only ----------------------------------------------------------------------

class X86_64Walker : public PageTableWalker<X86_64> {};

TEST_F(X86_64Walker, GigabytePagesRefusedWhereTheCpuLacksThem) {
    hal::x86_64::PageTableFormat::set_gigabyte_pages_supported(false);
    EXPECT_EQ(table_.map(kGiB, 0, PageSize::k1GiB, kUserData).error(), os::Error::kUnsupported);
    ASSERT_FALSE(table_.map_range(kGiB, 0, kGiB, kUserData).is_error());
    EXPECT_EQ(query(kGiB).size, PageSize::k2MiB);
    hal::x86_64::PageTableFormat::set_gigabyte_pages_supported(true);
}

}  // namespace
}  // namespace kernel::mm::testing
