// memory_map, memory_create_device, memory_take (memory capabilities,
// kernel/memory_cap), irq_register, irq_ack (kernel/interrupt/user_irq.h)
// and platform_info.
//
// Every slot is looked up first (kNoCapability, kWrongType, kMissingRights
// in that order, kernel/cap); then the other arguments are checked.
#include "cairn/capability.h"
#include "cairn/syscalls.h"
#include "hal/mm.h"
#include "hal/platform.h"
#include "kernel/cap/capability_space.h"
#include "kernel/interrupt/user_irq.h"
#include "kernel/ipc/notification.h"
#include "kernel/memory_cap/checks.h"
#include "kernel/memory_cap/memory_cap.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/object/quota.h"
#include "kernel/process/objects.h"
#include "kernel/process/process.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

using cairn::ObjectType;

constexpr uint64_t kPage = hal::mm::kPageSize;
constexpr uint64_t kAllPermissions = cairn::kMapRead | cairn::kMapWrite | cairn::kMapExecute;
constexpr uint64_t kMemoryMapFlags = cairn::kMapFixed | cairn::kMapAddressSpaceCapability;

// A length rounded up to whole pages; 0 when it is 0 or would overflow.
uint64_t page_length(uint64_t length) {
    if (length == 0 || length > ~uint64_t{0} - (kPage - 1)) return 0;
    return (length + kPage - 1) & ~(kPage - 1);
}

}  // namespace

// (const MemoryMapArguments*) -> address.
int64_t memory_map(const Arguments& arguments) {
    cairn::MemoryMapArguments request;
    if (auto copied = copy_in(&request, arguments.values[0], sizeof(request)); copied.is_error()) {
        return error_result(copied.error());
    }
    auto capability = look_up(request.memory, ObjectType::kMemory, 0);
    if (capability.is_error()) return error_result(capability.error());
    bool by_capability = (request.flags & cairn::kMapAddressSpaceCapability) != 0;
    cap::Capability target;  // the address-space capability, if named
    if (by_capability) {
        auto looked = look_up(request.address_space, ObjectType::kAddressSpace, cairn::kRightWrite);
        if (looked.is_error()) return error_result(looked.error());
        target = os::move(looked.value());
    }
    uint64_t length = page_length(request.length);
    if (length == 0 || (request.permissions & ~kAllPermissions) != 0 ||
        (request.flags & ~kMemoryMapFlags) != 0 || request.address % kPage != 0 ||
        request.offset % kPage != 0) {
        return error_result(os::Error::kInvalidArgument);
    }
    bool fixed = (request.flags & cairn::kMapFixed) != 0;
    if (fixed && request.address == 0) return error_result(os::Error::kInvalidArgument);
    if (request.address != 0 && !is_user_range(request.address, length)) {
        return error_result(os::Error::kBadAddress);
    }
    memory_cap::MapArguments map;
    map.address = request.address;
    map.fixed = fixed;
    map.offset = request.offset;
    map.length = length;
    map.permissions = request.permissions;
    auto& memory = capability.value().as<memory_cap::Memory>();
    cairn::Rights rights = capability.value().rights;
    auto map_into = [&](mm::AddressSpace& space) {
        auto mapped = memory_cap::map_memory(memory, rights, space, map);
        return mapped.is_error() ? error_result(mapped.error())
                                 : static_cast<int64_t>(mapped.value());
    };
    if (!by_capability) return with_space(request.address_space, map_into);
    // Another process's space (or the caller's): held against its
    // destruction for the call; kNotFound once it or its process is gone.
    auto& named = target.as<process::AddressSpaceObject>();
    auto space = named.acquire();
    if (space.is_error()) return error_result(space.error());
    int64_t result = map_into(*space.value());
    named.release_space();
    return result;
}

// (platform (WRITE), physical_base, size, quota (WRITE)) -> slot.
int64_t memory_create_device(const Arguments& arguments) {
    auto platform = look_up(arguments.values[0], ObjectType::kPlatform, cairn::kRightWrite);
    if (platform.is_error()) return error_result(platform.error());
    auto quota = look_up(arguments.values[3], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    auto memory = memory_cap::create_device_memory(quota.value().as<object::Quota>(),
                                                   arguments.values[1], arguments.values[2]);
    if (memory.is_error()) return error_result(memory.error());
    return insert_new(memory.value(), cairn::kAllRights);
}

// (quota (WRITE), address, length) -> slot.
int64_t memory_take(const Arguments& arguments) {
    auto quota = look_up(arguments.values[0], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    uint64_t address = arguments.values[1];
    uint64_t length = page_length(arguments.values[2]);
    if (length == 0 || address % kPage != 0) return error_result(os::Error::kInvalidArgument);
    if (!is_user_range(address, length)) return error_result(os::Error::kBadAddress);
    auto* budget = &quota.value().as<object::Quota>();
    return with_space(0, [&](mm::AddressSpace& space) {
        auto memory = memory_cap::take_memory(budget, space, address, length);
        if (memory.is_error()) return error_result(memory.error());
        return insert_new(memory.value(), cairn::kAllRights);
    });
}

// (platform (WRITE), line, notification (WRITE), bits, quota (WRITE)) -> slot.
int64_t irq_register(const Arguments& arguments) {
    auto platform = look_up(arguments.values[0], ObjectType::kPlatform, cairn::kRightWrite);
    if (platform.is_error()) return error_result(platform.error());
    auto notification = look_up(arguments.values[2], ObjectType::kNotification, cairn::kRightWrite);
    if (notification.is_error()) return error_result(notification.error());
    auto quota = look_up(arguments.values[4], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    uint64_t line = arguments.values[1];
    uint64_t bits = arguments.values[3];
    if (line > ~hal::irq::Line{0} || !interrupt::valid_irq_bits(bits)) {
        return error_result(os::Error::kInvalidArgument);
    }
    auto handler = interrupt::IrqHandler::create(
        quota.value().as<object::Quota>(), static_cast<hal::irq::Line>(line),
        notification.value().as<ipc::Notification>(), bits);
    if (handler.is_error()) return error_result(handler.error());
    return insert_new(handler.value(), cairn::kAllRights);
}

// (irq handler (WRITE)) -> 0.
int64_t irq_ack(const Arguments& arguments) {
    auto handler = look_up(arguments.values[0], ObjectType::kIrqHandler, cairn::kRightWrite);
    if (handler.is_error()) return error_result(handler.error());
    return result_of(handler.value().as<interrupt::IrqHandler>().acknowledge());
}

// (PlatformInfo*) -> 0.
int64_t platform_info(const Arguments& arguments) {
    hal::platform::SerialPort serial = hal::platform::console_serial_port();
    cairn::PlatformInfo info{};
    info.serial_physical_base = serial.physical_base;
    info.serial_irq_line = serial.receive_line;
    info.serial_kind = static_cast<uint64_t>(serial.kind);
    return result_of(write_user(arguments.values[0], info));
}

}  // namespace kernel::syscall
