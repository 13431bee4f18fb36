#include "drivers/uart/console_uart.h"

namespace cairn::drivers {

namespace {
constexpr uint64_t kPage = 4096;
constexpr uint64_t kCom1PortCount = 8;
}  // namespace

// open() is "obtain, then attach": it makes the notification and the
// register capability, binds the line, and hands all three to take() (what
// attach() does, and dropping stale input), which owns them from then on (a
// failed take has released them).
Status ConsoleUart::open(CapSlot platform, CapSlot quota) {
    if (is_open()) return Status::kAlreadyExists;
    PlatformInfo info{};
    Result result = sys::platform_info(&info);
    if (!result) return result.status();
    auto kind = static_cast<UartKind>(info.serial_kind);

    // Checked in the order console_check expects: the quota's slot first
    // (kNoCapability), then the platform's (kWrongType).
    result = sys::cap_create(quota, ObjectType::kNotification);
    if (!result) return result.status();
    CapSlot notification = result.value();

    CapSlot registers = 0;
    if (kind == UartKind::k16550Ports) {
        result = sys::io_port_create(platform, kCom1, kCom1PortCount, quota);
    } else if (kind == UartKind::k16550Mmio || kind == UartKind::kPl011) {
        result = sys::memory_create_device(platform, info.serial_physical_base, kPage, quota);
    } else {
        result = {static_cast<int64_t>(Status::kUnsupported)};
    }
    if (result) {
        registers = result.value();
        // Bind the line before take() enables the device's interrupt, so
        // that no edge is raised while nobody listens.
        result = sys::irq_register(platform, info.serial_irq_line, notification, kNotificationBit,
                                   quota);
    }
    if (!result) {
        if (registers != 0) (void)sys::cap_delete(registers);
        (void)sys::cap_delete(notification);
        return result.status();
    }
    return take(registers, result.value(), notification, /*discard_input=*/true);
}

Status ConsoleUart::attach(CapSlot registers, CapSlot handler, CapSlot notification,
                           uint64_t notification_bit) {
    // The bit only matters to whoever bound the line: receive() takes any
    // wake-up of the notification as "look at the device".
    (void)notification_bit;
    return take(registers, handler, notification, /*discard_input=*/false);
}

Status ConsoleUart::take(CapSlot registers, CapSlot handler, CapSlot notification,
                         bool discard_input) {
    if (is_open()) return Status::kAlreadyExists;
    // Owned from here on: every failure below releases all three (fail()
    // deletes what the members hold; `registers` joins them once its type
    // is known).
    notification_ = notification;
    handler_ = handler;
    auto reject = [&](Status status) {
        if (registers != ports_ && registers != device_) (void)sys::cap_delete(registers);
        return fail(status);
    };

    PlatformInfo info{};
    Result result = sys::platform_info(&info);
    if (!result) return reject(result.status());
    auto kind = static_cast<UartKind>(info.serial_kind);

    // Slot checks in the system calls' order: every kNoCapability before any
    // kWrongType.
    CapInfo notification_info{}, handler_info{}, registers_info{};
    if (!(result = sys::cap_info(notification, &notification_info)) ||
        !(result = sys::cap_info(handler, &handler_info)) ||
        !(result = sys::cap_info(registers, &registers_info))) {
        return reject(result.status());
    }
    if (notification_info.type != ObjectType::kNotification ||
        handler_info.type != ObjectType::kIrqHandler) {
        return reject(Status::kWrongType);
    }

    if (kind == UartKind::k16550Ports) {
        if (registers_info.type != ObjectType::kIoPorts) return reject(Status::kWrongType);
        ports_ = registers;
        result = sys::io_port_enable(ports_);
        if (!result) return fail(result.status());
        uart_ = Uart(kind, ports_io_);
    } else if (kind == UartKind::k16550Mmio || kind == UartKind::kPl011) {
        if (registers_info.type != ObjectType::kMemory) return reject(Status::kWrongType);
        device_ = registers;
        result = sys::memory_map(device_, kPage, kMapRead | kMapWrite);
        if (!result) return fail(result.status());
        mapping_ = result.value();
        mmio_ = MmioRegisters(reinterpret_cast<volatile uint8_t*>(mapping_));
        uart_ = Uart(kind, mmio_);
    } else {
        return reject(Status::kUnsupported);
    }

    // open()'s caller starts afresh: what was typed before is stale. A
    // service started by the manager keeps it (an operator's type-ahead
    // during boot); receive() finds it waiting.
    if (discard_input) {
        uint8_t stale[16];
        while (uart_.drain(stale, sizeof(stale)) != 0) {
        }
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
