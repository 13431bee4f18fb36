// io_port_create and io_port_enable: I/O port capabilities for user-space
// drivers (kernel/io_ports). Architectures without ports (hal/io_ports.h's
// supported()) answer kUnsupported before looking at anything else.
//
// Slots are looked up first (kNoCapability, kWrongType, kMissingRights in
// that order, kernel/cap); then the other arguments are checked.
#include "cairn/capability.h"
#include "hal/io_ports.h"
#include "kernel/cap/capability_space.h"
#include "kernel/io_ports/io_ports.h"
#include "kernel/object/quota.h"
#include "kernel/process/process.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

using cairn::ObjectType;

}  // namespace

// (platform (WRITE), first_port, count, quota (WRITE)) -> slot.
int64_t io_port_create(const Arguments& arguments) {
    if (!hal::io_ports::supported()) return error_result(os::Error::kUnsupported);
    auto platform = look_up(arguments.values[0], ObjectType::kPlatform, cairn::kRightWrite);
    if (platform.is_error()) return error_result(platform.error());
    auto quota = look_up(arguments.values[3], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    auto created = io_ports::IoPorts::create(quota.value().as<object::Quota>(), arguments.values[1],
                                             arguments.values[2]);
    if (created.is_error()) return error_result(created.error());
    return insert_new(created.value(), cairn::kAllRights);
}

// (I/O ports (WRITE)) -> 0.
int64_t io_port_enable(const Arguments& arguments) {
    if (!hal::io_ports::supported()) return error_result(os::Error::kUnsupported);
    auto ports = look_up(arguments.values[0], ObjectType::kIoPorts, cairn::kRightWrite);
    if (ports.is_error()) return error_result(ports.error());
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    return result_of(ports.value().as<io_ports::IoPorts>().enable(process->port_access()));
}

}  // namespace kernel::syscall
