// as_create, as_map, as_unmap, as_protect, as_destroy on the caller's
// process's address-space handles (0: its own).
#include "cairn/syscalls.h"
#include "hal/mm.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/process/process.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

constexpr uint64_t kPage = hal::mm::kPageSize;
constexpr uint64_t kAllPermissions = cairn::kMapRead | cairn::kMapWrite | cairn::kMapExecute;
constexpr uint64_t kAllFlags = cairn::kMapFixed | cairn::kMapHugePages;

mm::Permissions permissions_of(uint64_t bits) {
    mm::Permissions permissions;
    permissions.read = (bits & cairn::kMapRead) != 0;
    permissions.write = (bits & cairn::kMapWrite) != 0;
    permissions.execute = (bits & cairn::kMapExecute) != 0;
    return permissions;
}

// A length rounded up to whole pages; 0 when it is 0 or would overflow.
uint64_t page_length(uint64_t length) {
    if (length == 0 || length > ~uint64_t{0} - (kPage - 1)) return 0;
    return (length + kPage - 1) & ~(kPage - 1);
}

// Checks of an (address, length) pair for unmap and protect: page-aligned
// address, non-empty, the rounded range inside the user half.
os::Error check_range(uint64_t address, uint64_t length, uint64_t* rounded) {
    if (address % kPage != 0) return os::Error::kInvalidArgument;
    *rounded = page_length(length);
    if (*rounded == 0) return os::Error::kInvalidArgument;
    if (!is_user_range(address, *rounded)) return os::Error::kBadAddress;
    return os::Error{};
}

}  // namespace

// () -> handle. Charged to the process's memory quota (Process::create_address_space).
int64_t as_create(const Arguments&) {
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    auto handle = process->create_address_space();
    if (handle.is_error()) return error_result(handle.error());
    return static_cast<int64_t>(handle.value());
}

// (handle, address (0: any), length, permissions, flags) -> address.
int64_t as_map(const Arguments& arguments) {
    uint64_t address = arguments.values[1];
    uint64_t length = page_length(arguments.values[2]);
    uint64_t permissions = arguments.values[3];
    uint64_t flags = arguments.values[4];
    if (length == 0 || (permissions & ~kAllPermissions) != 0 || (flags & ~kAllFlags) != 0 ||
        address % kPage != 0) {
        return error_result(os::Error::kInvalidArgument);
    }
    bool fixed = (flags & cairn::kMapFixed) != 0;
    if (fixed && address == 0) return error_result(os::Error::kInvalidArgument);
    if (address != 0 && !is_user_range(address, length)) {
        return error_result(os::Error::kBadAddress);
    }
    if (length >= hal::mm::user_space_end()) return error_result(os::Error::kNoSpace);
    mm::MapRequest request;
    request.type = mm::RegionType::kAnonymous;
    request.permissions = permissions_of(permissions);
    request.length = length;
    request.address = address;
    request.fixed = fixed;
    request.huge_pages = (flags & cairn::kMapHugePages) != 0;
    return with_space(arguments.values[0], [&](mm::AddressSpace& space) {
        auto mapped = space.map(request);
        return mapped.is_error() ? error_result(mapped.error())
                                 : static_cast<int64_t>(mapped.value());
    });
}

// (handle, address, length) -> 0.
int64_t as_unmap(const Arguments& arguments) {
    uint64_t address = arguments.values[1];
    uint64_t length = 0;
    if (os::Error error = check_range(address, arguments.values[2], &length);
        error != os::Error{}) {
        return error_result(error);
    }
    return with_space(arguments.values[0], [&](mm::AddressSpace& space) {
        return result_of(space.unmap(address, length));
    });
}

// (handle, address, length, permissions) -> 0.
int64_t as_protect(const Arguments& arguments) {
    uint64_t address = arguments.values[1];
    uint64_t permissions = arguments.values[3];
    uint64_t length = 0;
    if ((permissions & ~kAllPermissions) != 0) return error_result(os::Error::kInvalidArgument);
    if (os::Error error = check_range(address, arguments.values[2], &length);
        error != os::Error{}) {
        return error_result(error);
    }
    return with_space(arguments.values[0], [&](mm::AddressSpace& space) {
        return result_of(space.protect(address, length, permissions_of(permissions)));
    });
}

// (handle) -> 0.
int64_t as_destroy(const Arguments& arguments) {
    process::Process* process = process::current();
    if (process == nullptr) return error_result(os::Error::kNotFound);
    return result_of(process->destroy_address_space(arguments.values[0]));
}

}  // namespace kernel::syscall
