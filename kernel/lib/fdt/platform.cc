#include "kernel/lib/fdt/platform.h"

#include "kernel/lib/string.h"

namespace os::fdt {
namespace {

// Memory nodes sit under the root. The specification requires
// device_type = "memory"; older trees sometimes only have the name.
bool is_memory_node(const Node& node) {
    if (node.depth() != 1)
        return false;
    auto device_type = node.property("device_type");
    if (!device_type.is_error()) {
        auto text = device_type.value().as_string();
        return !text.is_error() && string_equal(text.value(), "memory");
    }
    return node.is_named("memory");
}

// Adds every reg entry of every enabled memory node as usable RAM.
ErrorOr<void> add_memory(const DeviceTree& tree, Platform& platform) {
    ErrorOr<void> result;
    bool found = false;
    tree.for_each_node([&](const Node& node) {
        if (!is_memory_node(node) || !node.is_enabled())
            return IterationDecision::kContinue;
        auto count = node.reg_count();
        if (count.is_error()) {
            result = Error::kMalformed;
            return IterationDecision::kBreak;
        }
        for (size_t i = 0; i < count.value(); ++i) {
            auto entry = node.reg(i);
            if (entry.is_error()) {
                result = Error::kMalformed;
                return IterationDecision::kBreak;
            }
            if (entry.value().size == 0)
                continue;
            auto added = platform.memory.add(
                MemoryRange{entry.value().address, entry.value().size, MemoryKind::kUsable});
            if (added.is_error()) {
                // add() only refuses a range that wraps around, or a full map.
                result = added.error() == Error::kNoSpace ? Error::kNoSpace : Error::kMalformed;
                return IterationDecision::kBreak;
            }
            platform.installed_memory += entry.value().size;
            found = true;
        }
        return IterationDecision::kContinue;
    });
    if (result.is_error())
        return result.error();
    if (!found)
        return Error::kNotFound;
    return {};
}

bool is_cpu_node(const Node& node) {
    auto device_type = node.property("device_type");
    if (!device_type.is_error()) {
        auto text = device_type.value().as_string();
        return !text.is_error() && string_equal(text.value(), "cpu");
    }
    return node.is_named("cpu");
}

// Enabled /cpus/cpu@N nodes. /cpus also holds cpu-map, which describes
// topology rather than processors.
uint32_t count_cpus(const DeviceTree& tree) {
    auto cpus = tree.find_node("/cpus");
    if (cpus.is_error())
        return 0;
    uint32_t count = 0;
    cpus.value().for_each_child([&](const Node& node) {
        if (is_cpu_node(node) && node.is_enabled())
            ++count;
    });
    return count;
}

// /chosen: what the boot loader passes on, all of it optional.
ErrorOr<void> read_chosen(const DeviceTree& tree, Platform& platform) {
    platform.bootargs = "";
    platform.initrd_start = 0;
    platform.initrd_end = 0;
    auto chosen = tree.find_node("/chosen");
    if (chosen.is_error())
        return {};

    auto bootargs = chosen.value().property("bootargs");
    if (!bootargs.is_error())
        platform.bootargs = TRY(bootargs.value().as_string());

    // Either a 32- or a 64-bit number, depending on the boot loader.
    auto start = chosen.value().property("linux,initrd-start");
    auto end = chosen.value().property("linux,initrd-end");
    if (start.is_error() && end.is_error())
        return {};
    if (start.is_error() || end.is_error())
        return Error::kMalformed;
    platform.initrd_start = TRY(start.value().as_u64());
    platform.initrd_end = TRY(end.value().as_u64());
    if (platform.initrd_end < platform.initrd_start)
        return Error::kMalformed;
    return {};
}

// Newest first: a node may list several versions.
constexpr const char* kPsciCompatibles[] = {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"};

PsciConduit read_psci(const DeviceTree& tree) {
    for (const char* compatible : kPsciCompatibles) {
        auto psci = tree.find_compatible_node(compatible);
        if (psci.is_error())
            continue;
        auto method = psci.value().property("method");
        if (method.is_error())
            return PsciConduit::kNone;
        auto text = method.value().as_string();
        if (text.is_error())
            return PsciConduit::kNone;
        if (string_equal(text.value(), "hvc"))
            return PsciConduit::kHvc;
        if (string_equal(text.value(), "smc"))
            return PsciConduit::kSmc;
        return PsciConduit::kNone;
    }
    return PsciConduit::kNone;
}

ErrorOr<void> reserve(Platform& platform, uint64_t base, uint64_t size, MemoryKind kind) {
    if (size == 0)
        return {};
    auto reserved = platform.memory.reserve(base, size, kind);
    if (reserved.is_error()) {
        // reserve() only refuses a range that wraps around, or a full map.
        return reserved.error() == Error::kNoSpace ? Error::kNoSpace : Error::kMalformed;
    }
    return {};
}

// Memory the firmware keeps: the header's memory reservation block and the
// enabled children of /reserved-memory that have a fixed place (a reg).
// Children with only a size ask the OS to allocate for them; nothing to
// reserve yet.
ErrorOr<void> reserve_firmware_memory(const DeviceTree& tree, Platform& platform) {
    for (size_t i = 0; i < tree.reservation_count(); ++i) {
        MemoryReservation reservation = tree.reservation(i);
        TRY(reserve(platform, reservation.address, reservation.size, MemoryKind::kReserved));
    }

    auto reserved_memory = tree.find_node("/reserved-memory");
    if (reserved_memory.is_error())
        return {};
    ErrorOr<void> result;
    reserved_memory.value().for_each_child([&](const Node& region) {
        if (!region.is_enabled() || !region.has_property("reg")) {
            return IterationDecision::kContinue;
        }
        auto count = region.reg_count();
        if (count.is_error()) {
            result = Error::kMalformed;
            return IterationDecision::kBreak;
        }
        for (size_t i = 0; i < count.value(); ++i) {
            auto entry = region.reg(i);
            if (entry.is_error()) {
                result = Error::kMalformed;
                return IterationDecision::kBreak;
            }
            result =
                reserve(platform, entry.value().address, entry.value().size, MemoryKind::kReserved);
            if (result.is_error())
                return IterationDecision::kBreak;
        }
        return IterationDecision::kContinue;
    });
    return result;
}

}  // namespace

ErrorOr<void> read_platform(const DeviceTree& tree, uint64_t blob_physical_address,
                            Platform& platform) {
    platform.installed_memory = 0;
    TRY(add_memory(tree, platform));
    TRY(read_chosen(tree, platform));
    platform.cpu_count = count_cpus(tree);
    platform.psci = read_psci(tree);

    TRY(reserve_firmware_memory(tree, platform));
    TRY(reserve(platform, blob_physical_address, tree.total_size(), MemoryKind::kFirmwareData));
    TRY(reserve(platform, platform.initrd_start, platform.initrd_end - platform.initrd_start,
                MemoryKind::kBootArchive));
    return {};
}

DeviceRegion find_compatible(const DeviceTree& tree, const char* compatible) {
    auto node = tree.find_compatible_node(compatible);
    if (node.is_error())
        return {};
    auto reg = node.value().reg(0);
    if (reg.is_error())
        return {};
    auto base = tree.translate_address(node.value(), reg.value().address);
    if (base.is_error())
        return {};
    return DeviceRegion{base.value(), reg.value().size, true};
}

ErrorOr<CellReader> find_compatible_interrupts(const DeviceTree& tree, const char* compatible) {
    auto node = tree.find_compatible_node(compatible);
    if (node.is_error())
        return node.error();
    auto interrupts = node.value().property("interrupts");
    if (interrupts.is_error())
        return interrupts.error();
    return interrupts.value().cells();
}

}  // namespace os::fdt
