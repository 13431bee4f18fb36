// Random map/unmap/protect sequences over every format, checked against a
// plain model of what should be mapped (va -> pa, attributes), with
// allocation failures injected now and then: every result, every unmapped
// leaf, and periodically the whole tree must agree with the model.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "kernel/mm/vm/tests/page_table_test_support.h"

namespace kernel::mm::testing {
namespace {

constexpr PhysicalAddress kRamBase = 0x8000'0000;
constexpr size_t kRamSize = 32 * kMiB;
// Four 1 GiB slots, below Sv39's 256 GiB lower half.
constexpr VirtualAddress kWindowStart = kGiB;
constexpr VirtualAddress kWindowEnd = 5 * kGiB;
constexpr int kOperations = 2000;
constexpr int kFullCheckEvery = 64;

// What should be mapped: disjoint extents, each linear from va to pa.
class Model {
public:
    struct Extent {
        uint64_t length;
        PhysicalAddress physical;
        MappingAttributes attributes;
    };
    using Extents = std::map<VirtualAddress, Extent>;

    void map(VirtualAddress address, uint64_t length, PhysicalAddress physical,
             MappingAttributes attributes) {
        extents_[address] = {length, physical, attributes};
    }
    void unmap(VirtualAddress address, uint64_t length) {
        cut(address);
        cut(address + length);
        extents_.erase(extents_.lower_bound(address), extents_.lower_bound(address + length));
    }
    void protect(VirtualAddress address, uint64_t length, MappingAttributes attributes) {
        cut(address);
        cut(address + length);
        for (auto it = extents_.lower_bound(address); it != extents_.lower_bound(address + length);
             ++it) {
            it->second.attributes = attributes;
        }
    }

    // The extent containing `address`, or end().
    Extents::const_iterator find(VirtualAddress address) const {
        auto it = extents_.upper_bound(address);
        if (it == extents_.begin()) return extents_.end();
        --it;
        return address < it->first + it->second.length ? it : extents_.end();
    }
    Extents::const_iterator end() const { return extents_.end(); }
    // The first extent at or after `address`, or end().
    Extents::const_iterator next(VirtualAddress address) const {
        return extents_.lower_bound(address);
    }

    // Bytes mapped in [address, address + length), and whether any of them
    // has attributes other than `attributes` (nullptr: count only).
    uint64_t mapped_bytes(VirtualAddress address, uint64_t length,
                          const MappingAttributes* attributes = nullptr,
                          bool* differs = nullptr) const {
        uint64_t bytes = 0;
        const VirtualAddress end = address + length;
        auto it = find(address);
        if (it == extents_.end()) it = extents_.lower_bound(address);
        for (; it != extents_.end() && it->first < end; ++it) {
            const auto& [start, extent] = *it;
            bytes += std::min(start + extent.length, end) - std::max(start, address);
            if (attributes && !(extent.attributes == *attributes)) *differs = true;
        }
        return bytes;
    }
    uint64_t total_bytes() const { return mapped_bytes(0, ~uint64_t{0}); }

private:
    // Splits the extent straddling `address`, if any.
    void cut(VirtualAddress address) {
        auto it = find(address);
        if (it == end() || it->first == address) return;
        Extent lower = it->second;
        uint64_t offset = address - it->first;
        extents_[address] = {lower.length - offset, lower.physical + offset, lower.attributes};
        extents_[it->first].length = offset;
    }

    Extents extents_;
};

template <typename Case>
class PageTableRandom : public ::testing::Test {
protected:
    using Format = typename Case::Format;
    using Table = PageTableOf<Format>;

    PageTableRandom() : ram_(kRamBase, kRamSize), source_(ram_), table_(make_table()) {}

    Table make_table() {
        Case::select();
        return Table::create(source_).release_value();
    }

    uint64_t pick(uint64_t bound) {
        return std::uniform_int_distribution<uint64_t>(0, bound - 1)(random_);
    }

    // A page-aligned address in the window, mostly in a few hot 2 MiB areas
    // so that operations collide and huge pages get cut.
    VirtualAddress pick_address(uint64_t alignment) {
        VirtualAddress address;
        if (pick(10) < 8) {
            address = kWindowStart + pick(16) * (kWindowEnd - kWindowStart) / 16 +
                      pick(4) * 2 * kMiB + pick(512) * 4 * kKiB;
        } else {
            address = kWindowStart + pick((kWindowEnd - kWindowStart) / (4 * kKiB)) * 4 * kKiB;
        }
        return os::align_down(address, alignment);
    }

    // Half the time somewhere in or next to something mapped, so that
    // unmap() and protect() mostly have something to cut.
    VirtualAddress pick_start() {
        VirtualAddress address = pick_address(4 * kKiB);
        auto extent = model_.next(address);
        if (pick(2) == 0 || extent == model_.end()) return address;
        const uint64_t pages = extent->second.length / (4 * kKiB);
        address = extent->first + (pick(pages + 2) - 1) * 4 * kKiB;
        return std::clamp(address, kWindowStart, kWindowEnd - 4 * kKiB);
    }

    uint64_t pick_length(VirtualAddress start) {
        uint64_t pages;
        switch (pick(3)) {
            case 0:
                pages = 1 + pick(8);
                break;
            case 1:
                pages = 1 + pick(1024);
                break;
            default:
                pages = 1 + pick(3 * kGiB / (4 * kKiB));
                break;
        }
        return std::min(pages * 4 * kKiB, kWindowEnd - start);
    }

    void maybe_inject_failure() {
        if (pick(8) == 0) source_.fail_after(static_cast<long>(pick(3)));
    }

    void random_map() {
        const PageSize size = pick(10) < 6  ? PageSize::k4KiB
                              : pick(3) < 2 ? PageSize::k2MiB
                                            : PageSize::k1GiB;
        const uint64_t bytes = page_size_bytes(size);
        const VirtualAddress address = pick_address(bytes);
        const PhysicalAddress physical = pick((uint64_t{1} << 40) / bytes) * bytes;
        const MappingAttributes attributes = attributes_from_bits(pick(32));
        const bool occupied = model_.mapped_bytes(address, bytes) != 0;

        auto result = table_.map(address, physical, size, attributes);
        ++statistics_[result.is_error() ? os::to_string(result.error()) : "map"];
        if (occupied) {
            ASSERT_TRUE(result.is_error());
            EXPECT_EQ(result.error(), os::Error::kAlreadyExists);
        } else if (result.is_error()) {
            EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
        } else {
            model_.map(address, bytes, physical, attributes);
        }
        check_around(address, bytes);
    }

    void random_unmap() {
        const VirtualAddress address = pick_start();
        const uint64_t length = pick_length(address);
        RecordingVisitor visitor;
        auto result = table_.unmap(address, length, visitor);
        ++statistics_[result.is_error() ? "unmap failed" : result.value() ? "unmap" : "unmap none"];
        if (result.is_error()) {
            EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
            EXPECT_TRUE(visitor.leaves.empty());
        } else {
            // Exactly the model's pages in the range, each leaf as the model has it.
            uint64_t bytes = 0;
            for (const Unmapped& leaf : visitor.leaves) {
                const uint64_t leaf_bytes = page_size_bytes(leaf.size);
                EXPECT_GE(leaf.address, address);
                EXPECT_LE(leaf.address + leaf_bytes, address + length);
                expect_model_maps(leaf.address, leaf_bytes, leaf.physical, nullptr);
                bytes += leaf_bytes;
            }
            EXPECT_EQ(bytes, model_.mapped_bytes(address, length));
            EXPECT_EQ(result.value(), visitor.leaves.size());
            model_.unmap(address, length);
        }
        check_around(address, length);
    }

    void random_protect() {
        const VirtualAddress address = pick_start();
        const uint64_t length = pick_length(address);
        const MappingAttributes attributes = attributes_from_bits(pick(32));
        bool differs = false;
        model_.mapped_bytes(address, length, &attributes, &differs);
        auto result = table_.protect(address, length, attributes);
        ++statistics_[result.is_error() ? "protect failed"
                      : result.value()  ? "protect"
                                        : "protect none"];
        if (result.is_error()) {
            EXPECT_EQ(result.error(), os::Error::kOutOfMemory);
        } else {
            EXPECT_EQ(result.value() != 0, differs);
            model_.protect(address, length, attributes);
        }
        check_around(address, length);
    }

    // The model maps [address, address + length) linearly to `physical`
    // (with `attributes`, unless nullptr).
    void expect_model_maps(VirtualAddress address, uint64_t length, PhysicalAddress physical,
                           const MappingAttributes* attributes) {
        for (uint64_t done = 0; done < length;) {
            auto extent = model_.find(address + done);
            ASSERT_NE(extent, model_.end())
                << "mapped but not in the model: " << std::hex << address + done;
            const uint64_t offset = address + done - extent->first;
            EXPECT_EQ(extent->second.physical + offset, physical + done) << std::hex << address;
            if (attributes)
                EXPECT_EQ(extent->second.attributes, *attributes) << std::hex << address;
            done += std::min(extent->second.length - offset, length - done);
        }
    }

    void expect_query_matches_model(VirtualAddress address) {
        typename Table::Translation translation;
        const bool mapped = table_.query(address, &translation);
        auto extent = model_.find(address);
        ASSERT_EQ(mapped, extent != model_.end()) << std::hex << address;
        if (!mapped) return;
        EXPECT_EQ(translation.physical, extent->second.physical + (address - extent->first));
        EXPECT_EQ(translation.attributes, extent->second.attributes) << std::hex << address;
    }

    // The edges of the range just worked on, and a few random pages.
    void check_around(VirtualAddress address, uint64_t length) {
        for (VirtualAddress probe :
             {address - 4 * kKiB, address, address + length - 4 * kKiB, address + length}) {
            expect_query_matches_model(probe);
        }
        for (int i = 0; i < 4; ++i)
            expect_query_matches_model(pick_address(4 * kKiB) + 0x123);
    }

    // Every leaf in the tree agrees with the model, and they cover all of it.
    void check_everything() {
        TreeAudit<Format> audit(table_.root(), source_);
        uint64_t bytes = 0;
        for (const Leaf& leaf : audit.leaves()) {
            expect_model_maps(leaf.address, page_size_bytes(leaf.size), leaf.physical,
                              &leaf.attributes);
            bytes += page_size_bytes(leaf.size);
        }
        EXPECT_EQ(bytes, model_.total_bytes());
    }

    void run(uint64_t seed) {
        random_.seed(seed);
        for (int step = 0; step < kOperations && !HasFailure(); ++step) {
            maybe_inject_failure();
            switch (pick(4)) {
                case 0:
                case 1:
                    random_map();
                    break;
                case 2:
                    random_unmap();
                    break;
                default:
                    random_protect();
                    break;
            }
            source_.fail_after(-1);
            if (step % kFullCheckEvery == 0) check_everything();
        }
        check_everything();

        RecordingVisitor visitor;
        ASSERT_FALSE(table_.unmap(kWindowStart, kWindowEnd - kWindowStart, visitor).is_error());
        EXPECT_EQ(source_.live(), 1u);
        // The run reached every outcome (so it tested them all).
        for (const char* outcome :
             {"map", "already exists", "out of memory", "unmap", "unmap failed", "unmap none",
              "protect", "protect failed", "protect none"}) {
            EXPECT_GT(statistics_[outcome], 0) << outcome;
        }
    }

    hal::host::SimulatedPhysicalMemory ram_;
    FakeTableSource source_;
    Table table_;
    Model model_;
    std::mt19937_64 random_;
    std::map<std::string, int> statistics_;  // how often each outcome happened
};
TYPED_TEST_SUITE(PageTableRandom, AllFormats, FormatName);

TYPED_TEST(PageTableRandom, Seed1) {
    this->run(1);
}
TYPED_TEST(PageTableRandom, Seed2) {
    this->run(0x5eed);
}

}  // namespace
}  // namespace kernel::mm::testing
