// PLACEHOLDER: every call answers kUnsupported until its owner replaces this file.
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {

int64_t memory_map(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t memory_create_device(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t memory_take(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t irq_register(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t irq_ack(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

int64_t platform_info(const Arguments&) {
    return error_result(os::Error::kUnsupported);
}

}  // namespace kernel::syscall
