#include "kernel/mm/vm/region.h"

namespace kernel::mm {

const char* to_string(RegionType type) {
    switch (type) {
        case RegionType::kAnonymous:
            return "anonymous";
        case RegionType::kShared:
            return "shared";
        case RegionType::kDevice:
            return "device";
        case RegionType::kReserved:
            return "reserved";
        case RegionType::kFileBacked:
            return "file-backed";
    }
    return "?";
}

bool Permissions::allows(hal::mm::Access access) const {
    switch (access) {
        case hal::mm::Access::kRead:
            return read;
        case hal::mm::Access::kWrite:
            return write;
        case hal::mm::Access::kExecute:
            return execute;
    }
    return false;
}

const char* Permissions::to_string() const {
    // Indexed by the three bits r, w, x.
    static const char* const kNames[] = {"---", "--x", "-w-", "-wx", "r--", "r-x", "rw-", "rwx"};
    return kNames[(read ? 4 : 0) | (write ? 2 : 0) | (execute ? 1 : 0)];
}

os::ErrorOr<void> check_permissions(Permissions permissions) {
    if (permissions.write && permissions.execute) return os::Error::kPermissionDenied;
    if ((permissions.write || permissions.execute) && !permissions.read) {
        return os::Error::kInvalidArgument;
    }
    return {};
}

}  // namespace kernel::mm
