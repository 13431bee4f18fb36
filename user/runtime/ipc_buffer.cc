// cairn::ipc_buffer(): each thread's registered IPC buffer page (see
// abi/cairn/ipc.h and cairn/message.h). The main thread maps its page at
// start (set_up_ipc_buffer); other threads get it in their thread mapping
// (thread.cc) and register it first thing.
#include "cairn/ipc.h"
#include "cairn/message.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"

namespace {

constinit thread_local cairn::Message* t_buffer = nullptr;
// Where ipc_buffer() points when the kernel took no registration.
constinit thread_local cairn::Message t_fallback{};

}  // namespace

namespace cairn {

Message* ipc_buffer() {
    Message* buffer = t_buffer;
    return buffer != nullptr ? buffer : &t_fallback;
}

namespace runtime {

void use_ipc_buffer(uintptr_t page) {
    if (page == 0 || !sys::thread_set_ipc_buffer(page)) return;
    t_buffer = reinterpret_cast<Message*>(page);
}

void set_up_ipc_buffer() {
    Result mapped = sys::as_map(0, 0, kIpcBufferSize, kMapRead | kMapWrite);
    if (mapped) use_ipc_buffer(mapped.value());
}

}  // namespace runtime
}  // namespace cairn
