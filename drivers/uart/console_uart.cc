#include "drivers/uart/console_uart.h"

namespace cairn::drivers {

namespace {
constexpr uint64_t kPage = 4096;
constexpr uint64_t kCom1PortCount = 8;
}  // namespace

Status ConsoleUart::open(CapSlot platform, CapSlot quota) {
    if (is_open()) return Status::kAlreadyExists;
    PlatformInfo info{};
    Result result = sys::platform_info(&info);
    if (!result) return result.status();
    auto kind = static_cast<UartKind>(info.serial_kind);

    result = sys::cap_create(quota, ObjectType::kNotification);
    if (!result) return result.status();
    notification_ = result.value();

    if (kind == UartKind::k16550Ports) {
        result = sys::io_port_create(platform, kCom1, kCom1PortCount);
        if (!result) return fail(result.status());
        ports_ = result.value();
        result = sys::io_port_enable(ports_);
        if (!result) return fail(result.status());
        uart_ = Uart(kind, ports_io_);
    } else if (kind == UartKind::k16550Mmio || kind == UartKind::kPl011) {
        result = sys::memory_create_device(platform, info.serial_physical_base, kPage);
        if (!result) return fail(result.status());
        device_ = result.value();
        result = sys::memory_map(device_, kPage, kMapRead | kMapWrite);
        if (!result) return fail(result.status());
        mapping_ = result.value();
        mmio_ = MmioRegisters(reinterpret_cast<volatile uint8_t*>(mapping_));
        uart_ = Uart(kind, mmio_);
    } else {
        return fail(Status::kUnsupported);
    }

    // Bind the line before enabling the device's interrupt, so that no edge
    // is raised while nobody listens.
    result = sys::irq_register(platform, info.serial_irq_line, notification_, kNotificationBit);
    if (!result) return fail(result.status());
    handler_ = result.value();
    uint8_t stale[16];
    while (uart_.drain(stale, sizeof(stale)) != 0) {
    }
    uart_.enable_receive_interrupt(true);
    receiving_ = true;
    return Status::kOk;
}

void ConsoleUart::close() {
    // Only a driver that enabled the device's interrupt turns it off: a
    // failed open (say, the line is another driver's) must not touch a
    // device someone else is using.
    if (receiving_) uart_.enable_receive_interrupt(false);
    receiving_ = false;
    // Deleting the last handler capability unbinds the line.
    if (handler_ != 0) (void)sys::cap_delete(handler_);
    if (mapping_ != 0) (void)sys::as_unmap(0, mapping_, kPage);
    if (device_ != 0) (void)sys::cap_delete(device_);
    if (ports_ != 0) (void)sys::cap_delete(ports_);
    if (notification_ != 0) (void)sys::cap_delete(notification_);
    handler_ = device_ = ports_ = notification_ = 0;
    mapping_ = 0;
    mmio_ = MmioRegisters(nullptr);
    uart_ = Uart(UartKind::kNone, mmio_);
}

Result ConsoleUart::receive(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) {
    if (!is_open()) return {static_cast<int64_t>(Status::kNotFound)};
    size_t count = uart_.drain(bytes, capacity, &dropped_);
    if (count != 0) return {static_cast<int64_t>(count)};
    Result bits = sys::ipc_wait_notification(notification_, timeout_ns);
    if (!bits) return bits;
    ++interrupts_;
    // Drain, acknowledge, drain again: a byte that arrived after the first
    // drain, while the line was masked, raised no new edge (x86's ISA lines
    // are edge-triggered) and would otherwise sit unread with the line high.
    count = uart_.drain(bytes, capacity, &dropped_);
    Result acknowledged = sys::irq_ack(handler_);
    count += uart_.drain(bytes + count, capacity - count, &dropped_);
    // Bytes already read are never lost: a failed acknowledgement (the
    // handler capability went away) shows on the next call, which has none.
    if (!acknowledged && count == 0) return acknowledged;
    return {static_cast<int64_t>(count)};
}

}  // namespace cairn::drivers
