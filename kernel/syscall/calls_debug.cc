// debug_print, debug_break, null.
#include "cairn/syscalls.h"
#include "hal/console.h"
#include "hal/thread_context.h"
#include "kernel/debug/print.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sync/spin_lock.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/syscall.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

// Small prints (the common printf line) use the stack; larger ones a heap
// buffer, to keep kernel stacks small.
constexpr size_t kStackBuffer = 256;

}  // namespace

// (const char* text, size_t length) -> length. Length <= kMaxDebugPrint.
int64_t debug_print(const Arguments& arguments) {
    uint64_t text = arguments.values[0];
    uint64_t length = arguments.values[1];
    if (length > cairn::kMaxDebugPrint) return error_result(os::Error::kInvalidArgument);
    if (!is_user_range(text, length)) return error_result(os::Error::kBadAddress);
    if (length == 0) return 0;
    char small[kStackBuffer];
    char* buffer = small;
    if (length > kStackBuffer) {
        buffer = static_cast<char*>(kmalloc(length));
        if (buffer == nullptr) return error_result(os::Error::kOutOfMemory);
    }
    // Copied first, printed after: the lock is never held across a copy
    // from user memory (which can fault and sleep).
    auto copied = copy_in(buffer, text, length);
    if (!copied.is_error()) {
        ConsoleGuard guard;
        hal::console_write(buffer, length);
    }
    if (buffer != small) kfree(buffer);
    if (copied.is_error()) return error_result(copied.error());
    return static_cast<int64_t>(length);
}

// () -> 0.
int64_t debug_break(const Arguments&) {
    sched::Thread& thread = sched::current();
    {
        ConsoleGuard guard;
        print("debug_break: thread %llu (%s)\n",
              static_cast<unsigned long long>(sched::id_of(thread)), thread.name);
        hal::context::print_user_registers();
    }
    return 0;
}

// () -> 0: the bare round trip.
int64_t null_call(const Arguments&) {
    return 0;
}

}  // namespace kernel::syscall
