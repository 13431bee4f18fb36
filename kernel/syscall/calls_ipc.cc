// PLACEHOLDER: every call answers kUnsupported until its owner replaces this file.
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {

int64_t ipc_send(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_receive(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_call(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_reply(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_reply_receive(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_notify(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_wait_notification(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_bind_notification(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t ipc_save_reply(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

}  // namespace kernel::syscall
