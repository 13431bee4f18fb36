// The Console interface (console.proto) on a device: Write sends by
// polling, Read hands out received bytes, waiting for input up to the
// request's timeout. Bytes received beyond what a Read asked for are kept
// for the next Read (the device's receive drains its whole FIFO at once).
//
// Pure code over ConsoleDevice, so the host tests run it against a fake;
// console_main.cc puts it on drivers/uart ConsoleUart. One thread serves:
// a Read that waits holds the endpoint, so Writes of other clients queue
// behind it. The console has one interactive client (the shell), which
// reads with a timeout. console_main.cc writes through the kernel console,
// so output of all processes shares the UART in whole writes.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/status.h"
#include "services/console/console.ipc.h"

namespace cairn::console_service {

// What the service needs from the serial port (ConsoleUart's calls, and the clock).
class ConsoleDevice {
public:
    // Sends by polling; how many bytes went out.
    virtual size_t write(const void* bytes, size_t length) = 0;
    // Waiting bytes, else those that arrive within timeout_ns (kForever:
    // no limit; kNoWait: none). Returns the count stored (0: woken without
    // input) or a failure (kTimedOut, kWouldBlock, ...).
    virtual int64_t receive(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) = 0;
    virtual uint64_t now_ns() = 0;

protected:
    ~ConsoleDevice() = default;
};

class ConsoleService final : public ::console::ConsoleServer {
public:
    static constexpr uint32_t kMaxRead = 256;  // ReadRequest.max_bytes bound (console.proto)
    static constexpr size_t kPending = 512;    // room for one receive: a paste, not just a FIFO

    explicit ConsoleService(ConsoleDevice& device) : device_(device) {}

    Status Write(const ipc::CallContext& context, const ::console::WriteRequest& request,
                 ::console::WriteReply* reply) override;
    // kInvalidArgument for max_bytes outside 1..kMaxRead; kTimedOut when no
    // byte came in time (also for timeout 0 with nothing waiting).
    Status Read(const ipc::CallContext& context, const ::console::ReadRequest& request,
                ::console::ReadReply* reply) override;

    size_t pending() const { return pending_length_ - pending_start_; }

private:
    Status wait_for_input(uint64_t timeout_ns);

    ConsoleDevice& device_;
    // Received, not yet read: pending_[pending_start_, pending_length_).
    uint8_t pending_[kPending] = {};
    size_t pending_start_ = 0;
    size_t pending_length_ = 0;
};

}  // namespace cairn::console_service
