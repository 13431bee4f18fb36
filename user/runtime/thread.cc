// cairn::Thread: one anonymous mapping per thread holds, from low to high,
//   [guard page][stack ............][start record][TLS area][IPC buffer page]
// The stack grows down from the start record; the guard page is made
// inaccessible (when the kernel allows it) so an overflow faults instead of
// running into another region. Everything is freed when the thread is joined.
#include "cairn/thread.h"

#include "cairn/runtime.h"
#include "user/runtime/internal.h"

extern "C" void __cairn_thread_entry();

namespace cairn {
namespace {

struct ThreadStart {
    Thread::Function function;
    void* argument;
    uintptr_t ipc_buffer;  // the page the thread registers first (ipc_buffer.cc)
};

constexpr size_t kStartRecordSize = runtime::align_up(sizeof(ThreadStart), 16);

}  // namespace

Thread::~Thread() {
    if (joinable()) (void)join();
}

Thread::Thread(Thread&& other)
    : id_(other.id_), mapping_(other.mapping_), mapping_length_(other.mapping_length_) {
    other.id_ = 0;
    other.mapping_ = 0;
    other.mapping_length_ = 0;
}

Thread& Thread::operator=(Thread&& other) {
    if (this != &other) {
        if (joinable()) (void)join();
        id_ = other.id_;
        mapping_ = other.mapping_;
        mapping_length_ = other.mapping_length_;
        other.id_ = 0;
        other.mapping_ = 0;
        other.mapping_length_ = 0;
    }
    return *this;
}

Result Thread::start(Function function, void* argument, const Options& options) {
    if (joinable()) return {static_cast<int64_t>(Status::kInvalidArgument)};
    const size_t page = page_size();
    const runtime::TlsLayout& layout = runtime::tls_layout();
    const size_t stack = runtime::align_up(options.stack_size, page);
    const size_t tls_space = layout.size + layout.alignment;  // with alignment slack
    const size_t ipc_buffer_offset =
        runtime::align_up(page + stack + kStartRecordSize + tls_space, page);
    const size_t length = ipc_buffer_offset + page;

    const Result mapped = sys::as_map(0, 0, length, kMapRead | kMapWrite);
    if (!mapped) return mapped;
    const uintptr_t base = mapped.value();
    (void)sys::as_protect(0, base, page, 0);  // the guard; best effort

    const uintptr_t stack_top = base + page + stack;
    auto* record = reinterpret_cast<ThreadStart*>(stack_top);
    record->function = function;
    record->argument = argument;
    record->ipc_buffer = base + ipc_buffer_offset;
    void* tls =
        reinterpret_cast<void*>(runtime::align_up(stack_top + kStartRecordSize, layout.alignment));
    const uintptr_t thread_pointer =
        runtime::initialize_tls_area(tls, layout, runtime::tls_image());

    const ThreadCreateArguments arguments = {
        .address_space = 0,
        .entry = reinterpret_cast<uintptr_t>(&__cairn_thread_entry),
        .stack_top = stack_top,
        .argument = reinterpret_cast<uintptr_t>(record),
        .thread_pointer = thread_pointer,
        .priority = options.priority,
        .cpu_mask = options.cpu_mask,
    };
    const Result created = sys::thread_create(arguments);
    if (!created) {
        (void)sys::as_unmap(0, base, length);
        return created;
    }
    id_ = created.value();
    mapping_ = base;
    mapping_length_ = length;
    return created;
}

Result Thread::join(uint64_t timeout_ns) {
    if (!joinable()) return {static_cast<int64_t>(Status::kInvalidArgument)};
    const Result status = sys::thread_join(id_, timeout_ns);
    // Only a thread known to have ended gives its stack back; after any
    // other error it may still be running on it.
    if (status) release_memory();
    return status;
}

void Thread::release_memory() {
    (void)sys::as_unmap(0, mapping_, mapping_length_);
    id_ = 0;
    mapping_ = 0;
    mapping_length_ = 0;
}

}  // namespace cairn

// Called by crt0's __cairn_thread_entry on the new thread's stack, with its
// thread pointer already set by the kernel.
extern "C" [[noreturn]] void __cairn_thread_main(const cairn::ThreadStart* start) {
    cairn::runtime::use_ipc_buffer(start->ipc_buffer);
    const int64_t status = start->function(start->argument);
    cairn::console_flush();
    cairn::sys::thread_exit(status);
}
