#include "services/shell/shell.h"

#include "cairn/ipc.h"
#include "cairn/syscalls.h"
#include "services/runtime/service.h"

namespace cairn::shell {

namespace {

// The console service ended (it is restarted under the same name): its
// endpoint is gone (kPeerGone), or the shell's capability to it went with
// it (kNoCapability: what a call answers after `kill console`).
bool console_gone(Status status) {
    return status == Status::kPeerGone || status == Status::kNoCapability;
}

}  // namespace

Status Shell::connect_console() {
    if (console_slot_ != 0) (void)sys::cap_delete(console_slot_);
    console_slot_ = 0;
    Result endpoint{static_cast<int64_t>(Status::kNotFound)};
    for (int attempt = 0; attempt < kConnectAttempts; ++attempt) {
        endpoint = service::connect("console");
        if (endpoint) break;
        (void)sys::thread_sleep(kConnectRetryNs);
    }
    if (!endpoint) return endpoint.status();
    console_slot_ = endpoint.value();
    console_ = ::console::ConsoleClient(console_slot_);
    return Status::kOk;
}

Status Shell::send(const char* bytes, size_t length) {
    ::console::WriteRequest request;
    ::console::WriteReply reply;
    while (length != 0) {
        size_t piece = length < request.data.kMaxLength ? length : request.data.kMaxLength;
        request.data.assign(bytes, piece);
        Status status = console_.Write(request, &reply);
        if (status != Status::kOk) return status;
        // A transmitter that stalled: the rest would stall too.
        if (reply.written != piece) return Status::kTimedOut;
        bytes += piece;
        length -= piece;
    }
    return Status::kOk;
}

// Runs `call` on the console; while the console service is gone (it is
// being restarted: the name server may still hand out the old endpoint for
// a moment) looks it up again and retries, up to kReconnectAttempts.
template <typename Call>
Status Shell::with_console(Call call) {
    Status status = call();
    for (int attempt = 0; console_gone(status) && attempt < kReconnectAttempts; ++attempt) {
        (void)sys::thread_sleep(kConnectRetryNs);
        status = connect_console();
        if (status == Status::kOk) status = call();
    }
    return status;
}

void Shell::flush() {
    bool overflowed = out_.overflowed();
    (void)with_console([this] { return send(out_.data(), out_.length()); });
    if (overflowed) {
        static constexpr char kCut[] = "\r\n[output cut short]\r\n";
        (void)with_console([this] { return send(kCut, sizeof(kCut) - 1); });
    }
    out_.clear();
}

Result Shell::read(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) {
    if (typeahead_start_ < typeahead_length_) {
        size_t waiting = typeahead_length_ - typeahead_start_;
        size_t count = waiting < capacity ? waiting : capacity;
        __builtin_memcpy(bytes, typeahead_ + typeahead_start_, count);
        typeahead_start_ += count;
        return {static_cast<int64_t>(count)};
    }
    return read_console(bytes, capacity, timeout_ns);
}

bool Shell::interrupt_typed() {
    uint8_t typed[64];
    Result received = read_console(typed, sizeof(typed), kNoWait);
    if (!received) return false;
    for (uint64_t i = 0; i < received.value(); ++i) {
        if (typed[i] == kInterrupt) {
            typeahead_start_ = typeahead_length_ = 0;
            return true;
        }
    }
    if (typeahead_start_ == typeahead_length_) typeahead_start_ = typeahead_length_ = 0;
    for (uint64_t i = 0; i < received.value() && typeahead_length_ < sizeof(typeahead_); ++i)
        typeahead_[typeahead_length_++] = typed[i];
    return false;
}

Result Shell::read_console(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) {
    ::console::ReadRequest request;
    request.max_bytes = static_cast<uint32_t>(capacity);
    request.timeout_ns = timeout_ns;
    ::console::ReadReply reply;
    Status status = with_console([&] { return console_.Read(request, &reply); });
    if (status != Status::kOk) return {static_cast<int64_t>(status)};
    size_t count = reply.data.size < capacity ? reply.data.size : capacity;
    __builtin_memcpy(bytes, reply.data.data, count);
    return {static_cast<int64_t>(count)};
}

CapSlot Shell::service_manager() {
    if (services_slot_ != 0) return services_slot_;
    Result endpoint = service::connect("services");
    if (!endpoint) {
        out_.put("cannot reach the service manager: ");
        out_.put(status_name(endpoint.status()));
        out_.put("\r\n");
        return 0;
    }
    services_slot_ = endpoint.value();
    return services_slot_;
}

void Shell::drop_service_manager() {
    if (services_slot_ != 0) (void)sys::cap_delete(services_slot_);
    services_slot_ = 0;
}

}  // namespace cairn::shell
