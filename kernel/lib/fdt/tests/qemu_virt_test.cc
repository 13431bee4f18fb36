// The reader on real device trees: the ones QEMU's virt boards generate
// (see the genrules in the BUILD file for the exact machine configuration).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/platform.h"
#include "kernel/lib/fdt/tests/dtb_builder.h"
#include "kernel/lib/fdt/tests/memory_range_printer.h"

namespace os::fdt {
namespace {

using testing::Blob;
using testing::read_file;

constexpr uint64_t kMiB = 1024 * 1024;
constexpr uint64_t kInitrdSize = 10000;  // the dummy initrd given to QEMU

class QemuVirtTest : public ::testing::Test {
  protected:
    void load(const std::string& arch) {
        blob_ = read_file("kernel/lib/fdt/qemu_virt_" + arch + ".dtb");
        auto tree = DeviceTree::from_blob(blob_.data(), blob_.size());
        ASSERT_FALSE(tree.is_error()) << to_string(tree.error());
        tree_ = tree.release_value();
    }

    ErrorOr<void> read_platform_at(uint64_t blob_address) {
        return read_platform(tree_, blob_address, *platform_);
    }

    std::vector<MemoryRange> memory_ranges() const {
        return std::vector<MemoryRange>(platform_->memory.begin(), platform_->memory.end());
    }

    std::string stdout_path() {
        auto chosen = tree_.find_node("/chosen");
        if (chosen.is_error())
            return "";
        auto path = chosen.value().property("stdout-path");
        return path.is_error() ? "" : path.value().as_string().value();
    }

    Blob blob_;
    DeviceTree tree_;
    std::unique_ptr<Platform> platform_ = std::make_unique<Platform>();
};

// -machine virt -cpu cortex-a72 -m 1536 -smp 3
class QemuVirtAarch64Test : public QemuVirtTest {
  protected:
    void SetUp() override { load("aarch64"); }
};

TEST_F(QemuVirtAarch64Test, ReadsThePlatform) {
    // QEMU loads the blob at the start of RAM for a -kernel boot.
    constexpr uint64_t kRamBase = 0x4000'0000;
    ASSERT_FALSE(read_platform_at(kRamBase).is_error());
    EXPECT_EQ(platform_->installed_memory, 1536 * kMiB);
    EXPECT_EQ(platform_->cpu_count, 3u);
    EXPECT_EQ(platform_->psci, PsciConduit::kHvc);
    EXPECT_STREQ(platform_->bootargs, "console=serial0 init=/bin/init");
    EXPECT_EQ(platform_->initrd_start, 0x4800'0000u);
    EXPECT_EQ(platform_->initrd_end, 0x4800'0000u + kInitrdSize);

    // No reservations in the header or in /reserved-memory: the map holds
    // RAM, the blob (totalsize: QEMU pads it to 1 MiB) and the initrd.
    EXPECT_EQ(tree_.reservation_count(), 0u);
    EXPECT_TRUE(tree_.find_node("/reserved-memory").is_error());
    EXPECT_EQ(tree_.total_size(), 1 * kMiB);
    std::vector<MemoryRange> expected = {
        {kRamBase, 1 * kMiB, MemoryKind::kFirmwareData},
        {kRamBase + kMiB, 0x4800'0000 - kRamBase - kMiB, MemoryKind::kUsable},
        {0x4800'0000, kInitrdSize, MemoryKind::kBootArchive},
        {0x4800'0000 + kInitrdSize, kRamBase + 1536 * kMiB - 0x4800'0000 - kInitrdSize,
         MemoryKind::kUsable},
    };
    EXPECT_EQ(memory_ranges(), expected);
}

TEST_F(QemuVirtAarch64Test, FindsDevices) {
    DeviceRegion uart = find_compatible(tree_, "arm,pl011");
    EXPECT_TRUE(uart.present);
    EXPECT_EQ(uart.base, 0x900'0000u);
    EXPECT_EQ(uart.size, 0x1000u);

    DeviceRegion gic = find_compatible(tree_, "arm,cortex-a15-gic");
    EXPECT_TRUE(gic.present);
    EXPECT_EQ(gic.base, 0x800'0000u);
    EXPECT_EQ(gic.size, 0x1'0000u);
    Node gic_node = tree_.find_compatible_node("arm,cortex-a15-gic").value();
    ASSERT_EQ(gic_node.reg_count().value(), 2u);
    EXPECT_EQ(gic_node.reg(1).value().address, 0x801'0000u);  // the CPU interface

    // Above 4 GiB: needs both address cells.
    DeviceRegion pcie = find_compatible(tree_, "pci-host-ecam-generic");
    EXPECT_TRUE(pcie.present);
    EXPECT_EQ(pcie.base, 0x40'1000'0000u);
    EXPECT_EQ(pcie.size, 0x1000'0000u);

    EXPECT_FALSE(find_compatible(tree_, "arm,armv8-timer").present);  // no reg
    EXPECT_TRUE(tree_.find_compatible_node("arm,armv8-timer").value().has_property("interrupts"));
}

TEST_F(QemuVirtAarch64Test, FollowsStdoutPathToTheUart) {
    EXPECT_EQ(stdout_path(), "/pl011@9000000");
    auto uart = tree_.find_node(stdout_path().c_str());
    ASSERT_FALSE(uart.is_error());
    EXPECT_TRUE(uart.value().is_compatible("arm,pl011"));
}

TEST_F(QemuVirtAarch64Test, WalksTheWholeTree) {
    int nodes = 0;
    int virtio_devices = 0;
    uint32_t max_depth = 0;
    tree_.for_each_node([&](const Node& node) {
        ++nodes;
        if (node.is_compatible("virtio,mmio"))
            ++virtio_devices;
        if (node.depth() > max_depth)
            max_depth = node.depth();
    });
    EXPECT_EQ(virtio_devices, 32);
    EXPECT_EQ(max_depth, 5u);  // /cpus/cpu-map/socket0/cluster0/core0
    EXPECT_GT(nodes, 50);

    Node cpu = tree_.find_node("/cpus/cpu@2").value();
    EXPECT_STREQ(cpu.property("enable-method").value().as_string().value(), "psci");
    EXPECT_EQ(cpu.reg(0).value().address, 2u);
    Node clock = tree_.find_node("/apb-pclk").value();
    EXPECT_EQ(clock.property("clock-frequency").value().as_u32().value(), 24'000'000u);
}

// -machine virt -m 768 -smp 5
class QemuVirtRiscv64Test : public QemuVirtTest {
  protected:
    void SetUp() override { load("riscv64"); }
};

TEST_F(QemuVirtRiscv64Test, ReadsThePlatform) {
    // Where a boot loader might have put it: the top 2 MiB of RAM.
    constexpr uint64_t kRamBase = 0x8000'0000;
    constexpr uint64_t kRamEnd = kRamBase + 768 * kMiB;
    constexpr uint64_t kBlobAddress = kRamEnd - 2 * kMiB;
    ASSERT_FALSE(read_platform_at(kBlobAddress).is_error());
    EXPECT_EQ(platform_->installed_memory, 768 * kMiB);
    EXPECT_EQ(platform_->cpu_count, 5u);  // cpu-map and the cpus' interrupt controllers excluded
    EXPECT_EQ(platform_->psci, PsciConduit::kNone);
    EXPECT_STREQ(platform_->bootargs, "console=serial0 init=/bin/init");
    EXPECT_EQ(platform_->initrd_start, 0x8820'0000u);
    EXPECT_EQ(platform_->initrd_end, 0x8820'0000u + kInitrdSize);

    EXPECT_EQ(tree_.reservation_count(), 0u);
    EXPECT_TRUE(tree_.find_node("/reserved-memory").is_error());
    const uint64_t blob_size = tree_.total_size();
    EXPECT_LT(blob_size, 16 * 1024u);  // unlike the file QEMU writes, which is 1 MiB
    std::vector<MemoryRange> expected = {
        {kRamBase, 0x8820'0000 - kRamBase, MemoryKind::kUsable},
        {0x8820'0000, kInitrdSize, MemoryKind::kBootArchive},
        {0x8820'0000 + kInitrdSize, kBlobAddress - 0x8820'0000 - kInitrdSize, MemoryKind::kUsable},
        {kBlobAddress, blob_size, MemoryKind::kFirmwareData},
        {kBlobAddress + blob_size, kRamEnd - kBlobAddress - blob_size, MemoryKind::kUsable},
    };
    EXPECT_EQ(memory_ranges(), expected);
}

TEST_F(QemuVirtRiscv64Test, FindsDevicesUnderSoc) {
    // /soc has an empty ranges: its addresses are the CPU's.
    DeviceRegion uart = find_compatible(tree_, "ns16550a");
    EXPECT_TRUE(uart.present);
    EXPECT_EQ(uart.base, 0x1000'0000u);
    EXPECT_EQ(uart.size, 0x100u);

    DeviceRegion clint = find_compatible(tree_, "riscv,clint0");
    EXPECT_TRUE(clint.present);
    EXPECT_EQ(clint.base, 0x200'0000u);
    EXPECT_EQ(clint.size, 0x1'0000u);

    DeviceRegion plic = find_compatible(tree_, "riscv,plic0");
    EXPECT_TRUE(plic.present);
    EXPECT_EQ(plic.base, 0xc00'0000u);
    EXPECT_EQ(plic.size, 0x60'0000u);

    // The CPUs are not memory-mapped: /cpus has no ranges.
    EXPECT_FALSE(find_compatible(tree_, "riscv").present);
}

TEST_F(QemuVirtRiscv64Test, FollowsStdoutPathToTheUart) {
    EXPECT_EQ(stdout_path(), "/soc/serial@10000000");
    auto uart = tree_.find_node(stdout_path().c_str());
    ASSERT_FALSE(uart.is_error());
    EXPECT_TRUE(uart.value().is_compatible("ns16550a"));
    char path[64];
    tree_.path_of(uart.value(), path, sizeof(path));
    EXPECT_STREQ(path, "/soc/serial@10000000");
}

TEST_F(QemuVirtRiscv64Test, ReadsCpuProperties) {
    Node cpus = tree_.find_node("/cpus").value();
    EXPECT_EQ(cpus.property("timebase-frequency").value().as_u32().value(), 10'000'000u);
    int harts = 0;
    cpus.for_each_child([&](const Node& cpu) {
        if (!cpu.is_named("cpu"))
            return;
        EXPECT_EQ(cpu.reg(0).value().address, static_cast<uint64_t>(harts));
        EXPECT_STREQ(cpu.property("mmu-type").value().as_string().value(), "riscv,sv48");
        EXPECT_TRUE(cpu.child("interrupt-controller").value().is_compatible("riscv,cpu-intc"));
        ++harts;
    });
    EXPECT_EQ(harts, 5);
    EXPECT_EQ(tree_.boot_cpu_id(), 0u);
}

}  // namespace
}  // namespace os::fdt
