#include "services/console/console_service.h"

#include "cairn/ipc.h"
#include "cairn/syscalls.h"

namespace cairn::console_service {

Status ConsoleService::Write(const ipc::CallContext&, const ::console::WriteRequest& request,
                             ::console::WriteReply* reply) {
    reply->written = static_cast<uint32_t>(device_.write(request.data.data, request.data.size));
    return Status::kOk;
}

Status ConsoleService::Read(const ipc::CallContext&, const ::console::ReadRequest& request,
                            ::console::ReadReply* reply) {
    if (request.max_bytes == 0 || request.max_bytes > kMaxRead) return Status::kInvalidArgument;
    if (pending() == 0) {
        Status status = wait_for_input(request.timeout_ns);
        if (status != Status::kOk) return status;
    }
    size_t count = pending() < request.max_bytes ? pending() : request.max_bytes;
    reply->data.assign(pending_ + pending_start_, count);
    pending_start_ += count;
    return Status::kOk;
}

// Fills the (empty) pending buffer. The device may wake without input (an
// interrupt whose bytes an earlier drain took), so it waits again for what
// is left of the timeout.
Status ConsoleService::wait_for_input(uint64_t timeout_ns) {
    pending_start_ = pending_length_ = 0;
    uint64_t start = device_.now_ns();
    for (;;) {
        uint64_t remaining = kForever;
        if (timeout_ns != kForever) {
            uint64_t elapsed = device_.now_ns() - start;
            remaining = elapsed < timeout_ns ? timeout_ns - elapsed : kNoWait;
        }
        int64_t received = device_.receive(pending_, kPending, remaining);
        if (received > 0) {
            pending_length_ = static_cast<size_t>(received);
            return Status::kOk;
        }
        if (received < 0) {
            auto status = static_cast<Status>(received);
            // Nothing by the deadline reads the same whether the wait ran
            // out or was never allowed to start.
            return status == Status::kWouldBlock ? Status::kTimedOut : status;
        }
        if (remaining == kNoWait) return Status::kTimedOut;
    }
}

}  // namespace cairn::console_service
