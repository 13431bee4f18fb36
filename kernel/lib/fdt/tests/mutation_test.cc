// Random corruption of valid blobs: whatever from_blob() accepts, every read
// through the API must stay inside the blob. Each mutated blob is parsed from
// a GuardedCopy (a read past its end faults), and then walked completely:
// every node, name, path, property decoding, reg, translation, lookup, and
// read_platform(). The sanitized build of this test also catches reads
// before the blob and undefined behaviour.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <memory>
#include <random>
#include <string>

#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/platform.h"
#include "kernel/lib/fdt/tests/dtb_builder.h"

namespace os::fdt {
namespace {

using testing::Blob;
using testing::cells64;
using testing::DtbBuilder;
using testing::GuardedCopy;

// A few thousand in all: every accepted mutant is walked completely, which
// is quadratic in the node count (paths, translations).
constexpr int kHandBuiltMutations = 2000;
constexpr int kQemuMutations = 1000;

Blob sample_tree() {
    return DtbBuilder()
        .reserve(0x8000'0000, 0x1000)
        .begin_node("")
        .property_u32("#address-cells", 2)
        .property_u32("#size-cells", 2)
        .begin_node("aliases")
        .property_string("serial0", "/soc/uart@1000")
        .end_node()
        .begin_node("chosen")
        .property_string("bootargs", "console=ttyS0")
        .property_string("stdout-path", "serial0:115200")
        .property_u32("linux,initrd-start", 0x8100'0000)
        .property_u32("linux,initrd-end", 0x8110'0000)
        .end_node()
        .begin_node("memory@80000000")
        .property_string("device_type", "memory")
        .property_cells("reg", cells64({0x8000'0000, 0x1000'0000}))
        .end_node()
        .begin_node("reserved-memory")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .begin_node("fw@8f000000")
        .property_cells("reg", {0x8f00'0000, 0x10'0000})
        .end_node()
        .end_node()
        .begin_node("cpus")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 0)
        .begin_node("cpu@0")
        .property_string("device_type", "cpu")
        .property_u32("reg", 0)
        .end_node()
        .begin_node("cpu@1")
        .property_string("device_type", "cpu")
        .property_u32("reg", 1)
        .property_string("status", "disabled")
        .end_node()
        .end_node()
        .begin_node("psci")
        .property_strings("compatible", {"arm,psci-1.0", "arm,psci"})
        .property_string("method", "smc")
        .end_node()
        .begin_node("soc")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .property_cells("ranges", {0x0, 0x0, 0xf000'0000, 0x10'0000})
        .begin_node("uart@1000")
        .property_strings("compatible", {"acme,uart", "ns16550a"})
        .property_cells("reg", {0x1000, 0x100})
        .end_node()
        .end_node()
        .end_node()
        .build();
}

// Touches every byte the API hands out, so that a bad pointer or length
// shows up as a fault rather than going unnoticed.
class Walker {
  public:
    explicit Walker(const DeviceTree& tree) : tree_(tree) {}

    // Returns a sum of everything read, so that no read can be optimised away.
    uint64_t walk() {
        for (size_t i = 0; i <= tree_.reservation_count(); ++i) {
            MemoryReservation reservation = tree_.reservation(i);
            checksum_ += reservation.address ^ reservation.size;
        }
        tree_.for_each_node([&](const Node& node) { visit(node); });

        auto platform = std::make_unique<Platform>();
        if (!read_platform(tree_, 0x8000'0000, *platform).is_error()) {
            checksum_ += std::strlen(platform->bootargs) + platform->cpu_count;
        }
        for (const char* compatible : {"ns16550a", "arm,psci", "acme,uart", ""}) {
            checksum_ += find_compatible(tree_, compatible).base;
        }
        for (const char* path : {"/", "/soc/uart", "serial0", "/chosen", "/cpus/cpu@1"}) {
            checksum_ += tree_.find_node(path).is_error();
        }
        return checksum_;
    }

  private:
    void visit(const Node& node) {
        checksum_ += std::strlen(node.name()) + node.depth();
        char path[256];
        tree_.path_of(node, path, sizeof(path));
        checksum_ += std::strlen(path);
        // Looking the node up by its own path exercises find_node on odd names.
        auto found = tree_.find_node(path);
        checksum_ += found.is_error() ? 0 : found.value().offset();

        node.for_each_property([&](const Property& property) { visit(property); });
        CellFormat format = node.child_format();
        checksum_ += format.address_cells + format.size_cells + node.is_enabled();

        auto count = node.reg_count();
        if (!count.is_error()) {
            for (size_t i = 0; i <= count.value(); ++i) {
                auto reg = node.reg(i);
                if (reg.is_error())
                    continue;
                checksum_ += reg.value().size;
                auto translated = tree_.translate_address(node, reg.value().address);
                checksum_ += translated.is_error() ? 0 : translated.value();
            }
        }
        node.for_each_child([&](const Node& child) { checksum_ += child.offset(); });
        checksum_ += node.child("cpu").is_error() + node.is_compatible("ns16550a");
    }

    void visit(const Property& property) {
        checksum_ += std::strlen(property.name());
        for (uint8_t byte : property.value())
            checksum_ += byte;
        auto text = property.as_string();
        if (!text.is_error())
            checksum_ += std::strlen(text.value());
        for (const char* string : property.strings())
            checksum_ += std::strlen(string);
        auto u32 = property.as_u32();
        auto u64 = property.as_u64();
        checksum_ += (u32.is_error() ? 0 : u32.value()) + (u64.is_error() ? 0 : u64.value());
        CellReader cells = property.cells();
        for (uint32_t width = 1; !cells.at_end(); width = width % 3 + 1) {
            auto value = cells.read(width);
            if (value.is_error() && cells.read(1).is_error())
                break;
            checksum_ += value.is_error() ? 0 : value.value();
        }
    }

    const DeviceTree& tree_;
    uint64_t checksum_ = 0;
};

// Flips bits or plants values that are likely to hit boundary conditions:
// zero, all ones, token values, offsets just past the end.
void mutate(Blob& blob, std::mt19937& random) {
    std::uniform_int_distribution<size_t> position(0, blob.size() - 1);
    std::uniform_int_distribution<int> kind(0, 3);
    int mutations = std::uniform_int_distribution<int>(1, 4)(random);
    for (int i = 0; i < mutations; ++i) {
        size_t at = position(random);
        switch (kind(random)) {
            case 0:
                blob[at] ^= 1u << std::uniform_int_distribution<int>(0, 7)(random);
                break;
            case 1:
                blob[at] = static_cast<uint8_t>(random());
                break;
            case 2: {
                // A whole aligned word, where header fields and tokens live.
                static const uint32_t kInteresting[] = {0,  1,  2,  3,   4,          9,
                                                        16, 17, 40, 255, 0x7fffffff, 0xffffffff};
                size_t word = at & ~size_t{3};
                if (word + 4 > blob.size())
                    break;
                uint32_t value = kInteresting[random() % std::size(kInteresting)];
                if (random() % 2 != 0)
                    value = static_cast<uint32_t>(blob.size() + random() % 8);
                testing::put_be32(blob, word, value);
                break;
            }
            case 3:
                blob[at] = 0;
                break;
        }
    }
}

// Mutates the first `mutable_prefix` bytes of `original` `rounds` times;
// returns how many mutants from_blob() accepted.
int mutate_and_walk(const Blob& original, size_t mutable_prefix, int rounds, uint32_t seed) {
    std::mt19937 random(seed);
    int accepted = 0;
    volatile uint64_t sink = 0;
    Blob prefix(original.begin(), original.begin() + mutable_prefix);
    for (int round = 0; round < rounds; ++round) {
        Blob mutant = prefix;
        mutate(mutant, random);
        mutant.insert(mutant.end(), original.begin() + mutable_prefix, original.end());
        // Sometimes also cut the blob short.
        if (random() % 8 == 0)
            mutant.resize(random() % mutant.size());
        GuardedCopy copy(mutant);
        auto tree = DeviceTree::from_blob(copy.data(), copy.size());
        if (tree.is_error())
            continue;
        ++accepted;
        sink = sink + Walker(tree.value()).walk();
    }
    return accepted;
}

TEST(MutationTest, HandBuiltTree) {
    Blob blob = sample_tree();
    int accepted = mutate_and_walk(blob, blob.size(), kHandBuiltMutations, 1);
    // Enough mutants get through validation for the walk to mean something.
    EXPECT_GT(accepted, kHandBuiltMutations / 10);
}

// The real trees are mostly padding at the end (QEMU writes 1 MiB); mutate
// the part that holds data.
size_t data_size(const Blob& blob) {
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    EXPECT_FALSE(tree.is_error());
    uint32_t strings_end = testing::get_be32(blob, testing::kStringsOffsetOffset) +
                           testing::get_be32(blob, testing::kStringsSizeOffset);
    return std::min<size_t>(strings_end, blob.size());
}

TEST(MutationTest, QemuRiscv64Tree) {
    Blob blob = testing::read_file("kernel/lib/fdt/qemu_virt_riscv64.dtb");
    // Drop the file's padding past totalsize: walks then end at the guard page.
    blob.resize(testing::get_be32(blob, testing::kTotalSizeOffset));
    int accepted = mutate_and_walk(blob, data_size(blob), kQemuMutations, 2);
    EXPECT_GT(accepted, kQemuMutations / 10);
}

TEST(MutationTest, QemuAarch64Tree) {
    Blob blob = testing::read_file("kernel/lib/fdt/qemu_virt_aarch64.dtb");
    // totalsize is the whole 1 MiB here; keep the data and a little padding,
    // and make the header agree.
    size_t size = data_size(blob) + 64;
    blob.resize(size);
    testing::put_be32(blob, testing::kTotalSizeOffset, size);
    int accepted = mutate_and_walk(blob, data_size(blob), kQemuMutations, 3);
    EXPECT_GT(accepted, kQemuMutations / 10);
}

}  // namespace
}  // namespace os::fdt
