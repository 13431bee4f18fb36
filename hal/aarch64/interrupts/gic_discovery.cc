#include "hal/aarch64/interrupts/gic_discovery.h"

#include "kernel/lib/fdt/platform.h"
#include "kernel/lib/string.h"

namespace hal::aarch64 {
namespace {

using os::fdt::DeviceTree;
using os::fdt::IterationDecision;
using os::fdt::Node;

constexpr const char* kGicV2Compatibles[] = {"arm,cortex-a15-gic", "arm,gic-400",
                                             "arm,cortex-a9-gic", "arm,cortex-a7-gic"};
constexpr uint64_t kAffinityMask = 0xff00ffffff;
// `interrupts` of a GIC interrupt: type (0 SPI, 1 PPI), number, flags.
constexpr uint32_t kGicInterruptCells = 3;
constexpr uint32_t kSpiType = 0;
constexpr uint32_t kPpiType = 1;
constexpr uint32_t kFirstPpi = 16;
constexpr uint32_t kFirstSpi = 32;
constexpr uint32_t kVirtualTimerEntry = 2;

os::ErrorOr<GicFrame> frame_of(const DeviceTree& tree, const Node& node, size_t index) {
    auto entry = node.reg(index);
    if (entry.is_error() || entry.value().size == 0) return os::Error::kMalformed;
    auto base = tree.translate_address(node, entry.value().address);
    if (base.is_error()) return os::Error::kMalformed;
    return GicFrame{base.value(), entry.value().size};
}

os::ErrorOr<GicDescription> describe(const DeviceTree& tree, const Node& node, GicVersion version) {
    GicDescription gic;
    gic.version = version;
    gic.distributor = TRY(frame_of(tree, node, 0));
    gic.second = TRY(frame_of(tree, node, 1));
    return gic;
}

// An enabled child of /cpus with device_type "cpu" (older trees: named "cpu").
bool is_cpu_node(const Node& node) {
    if (!node.is_enabled()) return false;
    auto type = node.property("device_type");
    if (type.is_error()) return node.is_named("cpu");
    auto text = type.value().as_string();
    return !text.is_error() && os::string_equal(text.value(), "cpu");
}

}  // namespace

os::ErrorOr<GicDescription> find_gic(const DeviceTree& tree) {
    if (auto node = tree.find_compatible_node("arm,gic-v3"); !node.is_error())
        return describe(tree, node.value(), GicVersion::kV3);
    for (const char* compatible : kGicV2Compatibles) {
        if (auto node = tree.find_compatible_node(compatible); !node.is_error())
            return describe(tree, node.value(), GicVersion::kV2);
    }
    return os::Error::kNotFound;
}

os::ErrorOr<uint32_t> read_gic_intid(os::fdt::CellReader& cells) {
    auto type = cells.read(1);
    auto number = cells.read(1);
    if (type.is_error() || number.is_error()) return os::Error::kMalformed;
    (void)cells.read(1);  // the trigger flags
    if (type.value() == kSpiType && number.value() < (1u << 20))
        return kFirstSpi + static_cast<uint32_t>(number.value());
    if (type.value() == kPpiType && number.value() < 16)
        return kFirstPpi + static_cast<uint32_t>(number.value());
    return os::Error::kMalformed;
}

uint32_t find_virtual_timer_intid(const DeviceTree& tree) {
    auto interrupts = os::fdt::find_compatible_interrupts(tree, "arm,armv8-timer");
    if (interrupts.is_error()) return kVirtualTimerDefault;
    os::fdt::CellReader& cells = interrupts.value();
    if (cells.remaining() < kGicInterruptCells * (kVirtualTimerEntry + 1))
        return kVirtualTimerDefault;
    for (uint32_t i = 0; i < kGicInterruptCells * kVirtualTimerEntry; ++i)
        (void)cells.read(1);
    auto intid = read_gic_intid(cells);
    if (intid.is_error() || intid.value() >= kFirstSpi) return kVirtualTimerDefault;  // a PPI
    return intid.value();
}

os::ErrorOr<void> read_cpu_affinities(const DeviceTree& tree, uint64_t boot_affinity,
                                      CpuAffinities& cpus) {
    cpus = CpuAffinities{};
    boot_affinity &= kAffinityMask;
    cpus.affinity[0] = boot_affinity;
    cpus.count = 1;
    bool found_boot = false;
    os::ErrorOr<void> result;
    auto cpu_list = tree.find_node("/cpus");
    if (cpu_list.is_error()) return os::Error::kNotFound;
    cpu_list.value().for_each_child([&](const Node& node) {
        if (!is_cpu_node(node)) return IterationDecision::kContinue;
        auto reg = node.reg(0);
        if (reg.is_error()) {
            result = os::Error::kMalformed;
            return IterationDecision::kBreak;
        }
        uint64_t affinity = reg.value().address & kAffinityMask;
        if (affinity == boot_affinity && !found_boot) {
            found_boot = true;
            return IterationDecision::kContinue;
        }
        if (cpus.count == CpuAffinities::kMaxCpus) {
            result = os::Error::kNoSpace;
            return IterationDecision::kBreak;
        }
        cpus.affinity[cpus.count++] = affinity;
        return IterationDecision::kContinue;
    });
    if (result.is_error()) return result.error();
    if (!found_boot) return os::Error::kNotFound;
    return {};
}

uint64_t sgi1r_for(uint64_t affinity, uint32_t intid) {
    uint64_t aff0 = affinity & 0xff;
    uint64_t aff1 = (affinity >> 8) & 0xff;
    uint64_t aff2 = (affinity >> 16) & 0xff;
    uint64_t aff3 = (affinity >> 32) & 0xff;
    return aff3 << 48 | (aff0 / 16) << 44 | aff2 << 32 | uint64_t{intid & 0xf} << 24 | aff1 << 16 |
           uint64_t{1} << (aff0 % 16);
}

uint32_t packed_affinity(uint64_t affinity) {
    return static_cast<uint32_t>(((affinity >> 32) & 0xff) << 24 | (affinity & 0xffffff));
}

}  // namespace hal::aarch64
