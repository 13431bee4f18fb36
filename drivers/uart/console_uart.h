// The boot console's UART as a user-space driver: finds the device
// (platform_info), gets its registers (an I/O port capability on x86_64, a
// mapped device memory object elsewhere), binds its receive interrupt to a
// notification (irq_register) and hands received bytes to the caller;
// transmit polls. open() needs the platform capability and a quota for the
// notification; attach() takes those capabilities from someone who
// obtained them (the console service, from the service manager). One
// ConsoleUart per process: the kernel binds a line once.
//
// The kernel's own console keeps writing to the same device (debug_print);
// bytes of the two may interleave, never corrupt each other (each is one
// register write).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"
#include "cairn/status.h"
#include "cairn/sys.h"
#include "cairn/syscalls.h"
#include "drivers/uart/uart.h"

namespace cairn::drivers {

class ConsoleUart {
public:
    static constexpr uint16_t kCom1 = 0x3f8;
    static constexpr uint64_t kNotificationBit = 1;

    ConsoleUart() = default;
    ~ConsoleUart() { close(); }
    ConsoleUart(const ConsoleUart&) = delete;
    ConsoleUart& operator=(const ConsoleUart&) = delete;

    // Takes the device and its interrupt; receive interrupts are on when it
    // returns kOk. Input that arrived before is discarded. On failure
    // everything obtained so far is released again.
    Status open(CapSlot platform, CapSlot quota);
    // The same from capabilities someone else obtained (the service
    // manager's irq:serial and device:serial, services/runtime/service.h):
    // `registers` is an I/O port range or a device memory object (mapped
    // here), `handler` the IRQ handler bound to `notification`'s bit
    // `notification_bit`. The driver owns the slots from then on (close()
    // deletes them; so does a failed attach): kNoCapability for an empty
    // slot, kWrongType if one does not fit (the registers: the platform's
    // UART), kUnsupported for a platform without a known UART. open() is
    // attach() on capabilities it obtained from `platform` and `quota`.
    // Unlike open(), attach() keeps input that arrived before (receive()
    // returns it): a service keeps what the operator typed while it started.
    Status attach(CapSlot registers, CapSlot handler, CapSlot notification,
                  uint64_t notification_bit);
    // Gives everything back (interrupt off, line unbound, registers unmapped).
    void close();

    // Received bytes: those already waiting, else the ones that arrive by
    // the next interrupt (waits up to timeout_ns: kForever, or kTimedOut).
    // Returns the count stored in `bytes` (or the failure of the wait or of
    // irq_ack when nothing was read); bytes beyond `capacity` are read
    // and dropped (counted in dropped()), so pass at least a FIFO's worth (16).
    Result receive(uint8_t* bytes, size_t capacity, uint64_t timeout_ns = kForever);
    // Sends by polling; returns how many bytes went out.
    size_t write(const void* bytes, size_t length) { return uart_.write(bytes, length); }

    bool is_open() const { return notification_ != 0; }
    UartKind kind() const { return uart_.kind(); }
    uint64_t interrupts() const { return interrupts_; }
    uint64_t dropped() const { return dropped_; }

private:
    // attach(); with `discard_input` (open()) input waiting already is dropped.
    Status take(CapSlot registers, CapSlot handler, CapSlot notification, bool discard_input);
    Status fail(Status status) {
        close();
        return status;
    }

    MmioRegisters mmio_{nullptr};
    PortRegisters ports_io_{kCom1};
    Uart uart_{UartKind::kNone, mmio_};
    CapSlot notification_ = 0;
    CapSlot handler_ = 0;  // the irq handler capability (irq_ack)
    CapSlot device_ = 0;   // device memory (MMIO UARTs)
    CapSlot ports_ = 0;    // I/O ports (x86_64)
    uintptr_t mapping_ = 0;
    bool receiving_ = false;  // open() enabled the device's receive interrupt
    uint64_t interrupts_ = 0;
    size_t dropped_ = 0;
};

}  // namespace cairn::drivers
