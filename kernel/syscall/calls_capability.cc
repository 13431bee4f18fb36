// PLACEHOLDER: every call answers kUnsupported until its owner replaces this file.
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {

int64_t process_spawn_with_caps(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_create(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_copy(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_derive(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_grant(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_revoke(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_delete(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t cap_info(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

}  // namespace kernel::syscall
