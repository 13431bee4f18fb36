// Shared pieces of the page-table tests: the formats under test, a table
// source that counts pages and fails on demand, an unmap visitor that
// records, and an auditor that checks a whole tree's invariants.
#pragma once

#include <gtest/gtest.h>
#include <stdint.h>
#include <string.h>

#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "hal/aarch64/mmu/page_table_format.h"
#include "hal/host/host_hal.h"
#include "hal/riscv64/mmu/page_table_format.h"
#include "hal/x86_64/mmu/page_table_format.h"
#include "kernel/mm/vm/page_table.h"

namespace kernel::mm::testing {

// One format as a test parameter; riscv64 twice, once per scheme.
template <typename FormatType, unsigned kLevels>
struct FormatCase {
    using Format = FormatType;
    // Puts the format's global switches in the state this case tests.
    static void select() {
        if constexpr (requires { Format::set_levels(kLevels); }) Format::set_levels(kLevels);
        if constexpr (requires { Format::set_gigabyte_pages_supported(true); }) {
            Format::set_gigabyte_pages_supported(true);
        }
        if constexpr (requires { Format::set_svpbmt_supported(false); }) {
            Format::set_svpbmt_supported(false);
        }
    }
};
using X86_64 = FormatCase<hal::x86_64::PageTableFormat, 4>;
using Aarch64 = FormatCase<hal::aarch64::PageTableFormat, 4>;
using RiscvSv48 = FormatCase<hal::riscv64::PageTableFormat, 4>;
using RiscvSv39 = FormatCase<hal::riscv64::PageTableFormat, 3>;
using AllFormats = ::testing::Types<X86_64, Aarch64, RiscvSv48, RiscvSv39>;

struct FormatName {
    template <typename Case>
    static std::string GetName(int) {
        if (std::is_same_v<Case, X86_64>) return "x86_64";
        if (std::is_same_v<Case, Aarch64>) return "aarch64";
        if (std::is_same_v<Case, RiscvSv48>) return "riscv64_sv48";
        return "riscv64_sv39";
    }
};

inline constexpr uint64_t kKiB = 1024;
inline constexpr uint64_t kMiB = 1024 * kKiB;
inline constexpr uint64_t kGiB = 1024 * kMiB;

// Every combination of the five attributes, numbered 0-31.
inline MappingAttributes attributes_from_bits(unsigned bits) {
    MappingAttributes attributes;
    attributes.writable = bits & 1;
    attributes.executable = bits & 2;
    attributes.user = bits & 4;
    attributes.global = bits & 8;
    attributes.cache = (bits & 16) ? CachePolicy::kDevice : CachePolicy::kNormal;
    return attributes;
}

// Zeroed table pages carved from simulated RAM; counts what is live and
// fails allocations on request.
class FakeTableSource final : public TablePageSource {
public:
    explicit FakeTableSource(const hal::host::SimulatedPhysicalMemory& ram)
        : ram_(ram), next_(ram.base()) {}

    os::ErrorOr<PhysicalAddress> allocate_table() override {
        if (successes_left_ == 0) return os::Error::kOutOfMemory;
        if (successes_left_ > 0) --successes_left_;
        PhysicalAddress page;
        if (!free_.empty()) {
            page = free_.back();
            free_.pop_back();
        } else {
            if (next_ == ram_.base() + ram_.size()) return os::Error::kOutOfMemory;
            page = next_;
            next_ += hal::mm::kPageSize;
        }
        memset(hal::mm::physical_to_virtual(page), 0, hal::mm::kPageSize);
        live_.insert(page);
        return page;
    }

    void free_table(PhysicalAddress page) override {
        EXPECT_EQ(live_.erase(page), 1u) << "freed a table that is not live: " << page;
        // Garbage, so that a walk through a freed table goes astray visibly.
        memset(hal::mm::physical_to_virtual(page), 0xa5, hal::mm::kPageSize);
        free_.push_back(page);
    }

    // The next `count` allocations succeed, all after them fail; -1: none fail.
    void fail_after(long count) { successes_left_ = count; }
    size_t live() const { return live_.size(); }
    const std::set<PhysicalAddress>& live_tables() const { return live_; }

private:
    const hal::host::SimulatedPhysicalMemory& ram_;
    PhysicalAddress next_;
    long successes_left_ = -1;
    std::vector<PhysicalAddress> free_;
    std::set<PhysicalAddress> live_;
};

// The count a successful unmap()/protect() returns; ~0 (and a failure) on error.
inline size_t count_of(os::ErrorOr<size_t> result) {
    EXPECT_FALSE(result.is_error()) << os::to_string(result.error());
    return result.is_error() ? ~size_t{0} : result.value();
}

struct Unmapped {
    VirtualAddress address;
    PhysicalAddress physical;
    PageSize size;
    bool operator==(const Unmapped&) const = default;
};

class RecordingVisitor final : public UnmapVisitor {
public:
    void on_unmapped(VirtualAddress address, PhysicalAddress physical, PageSize size) override {
        leaves.push_back({address, physical, size});
    }
    std::vector<Unmapped> leaves;
};

struct Leaf {
    VirtualAddress address;
    PhysicalAddress physical;
    PageSize size;
    MappingAttributes attributes;
};

// Walks a tree entry by entry, independently of PageTableOf, and checks the
// walker's invariants: every table is live in `source` and linked once, no
// table but the root is empty (except the kernel-half ones right below the
// root), and no live table is unreachable. `kernel_tree`: the root
// translates the upper half (on aarch64 a TTBR1 root uses all 512 entries
// for it).
template <typename Format>
class TreeAudit {
public:
    TreeAudit(PhysicalAddress root, const FakeTableSource& source, bool kernel_tree = false)
        : source_(source), kernel_tree_(kernel_tree) {
        visit(root, Format::levels() - 1, 0);
        EXPECT_EQ(tables_.size(), source.live()) << "live tables are unreachable (leak)";
    }
    const std::vector<Leaf>& leaves() const { return leaves_; }
    size_t tables() const { return tables_.size(); }

private:
    static unsigned shift(unsigned level) { return 12 + 9 * level; }

    VirtualAddress sign_extend(VirtualAddress address) const {
        if (address >= Format::lower_half_end() || kernel_tree_) {
            address |= ~(Format::lower_half_end() - 1);
        }
        return address;
    }

    void visit(PhysicalAddress table, unsigned level, VirtualAddress base) {
        EXPECT_TRUE(source_.live_tables().count(table)) << "a link to a dead table " << table;
        EXPECT_TRUE(tables_.insert(table).second) << "a table linked twice " << table;
        const bool is_root = level == Format::levels() - 1;
        const auto* entries = static_cast<const uint64_t*>(hal::mm::physical_to_virtual(table));
        for (uint64_t i = 0; i < 512; ++i) {
            uint64_t entry = entries[i];
            VirtualAddress address = base | (i << shift(level));
            if (is_root) address = sign_extend(address);
            if (Format::is_leaf(entry, level)) {
                EXPECT_LE(level, Format::kHighestLeafLevel);
                leaves_.push_back({address, Format::leaf_address(entry, level),
                                   static_cast<PageSize>(level),
                                   Format::leaf_attributes(entry, level)});
            } else if (Format::is_table(entry, level)) {
                PhysicalAddress child = Format::table_address(entry);
                const auto* child_entries =
                    static_cast<const uint64_t*>(hal::mm::physical_to_virtual(child));
                bool shared_kernel = is_root && address >= Format::lower_half_end();
                bool empty = true;
                for (int j = 0; j < 512; ++j)
                    empty = empty && child_entries[j] == 0;
                EXPECT_TRUE(!empty || shared_kernel) << "an empty table under " << address;
                visit(child, level - 1, address);
            } else {
                EXPECT_EQ(entry, 0u) << "a non-zero empty entry at " << address;
            }
        }
    }

    const FakeTableSource& source_;
    bool kernel_tree_;
    std::set<PhysicalAddress> tables_;
    std::vector<Leaf> leaves_;
};

// The raw entry a walk for `address` ends at `level` (0 if the path ends
// earlier), for checking encodings the walker wrote.
template <typename Format>
uint64_t raw_entry(PhysicalAddress root, VirtualAddress address, unsigned level) {
    PhysicalAddress table = root;
    for (unsigned at = Format::levels() - 1;; --at) {
        const auto* entries = static_cast<const uint64_t*>(hal::mm::physical_to_virtual(table));
        uint64_t entry = entries[(address >> (12 + 9 * at)) & 511];
        if (at == level) return entry;
        if (!Format::is_table(entry, at)) return 0;
        table = Format::table_address(entry);
    }
}

}  // namespace kernel::mm::testing
