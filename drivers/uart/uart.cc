#include "drivers/uart/uart.h"

namespace cairn::drivers {

uint8_t PortRegisters::read8(uint32_t offset) {
#if defined(__x86_64__)
    uint8_t value;
    uint16_t port = static_cast<uint16_t>(first_port_ + offset);
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
#else
    (void)first_port_;  // no port space here
    (void)offset;
    return 0xff;
#endif
}

void PortRegisters::write8(uint32_t offset, uint8_t value) {
#if defined(__x86_64__)
    uint16_t port = static_cast<uint16_t>(first_port_ + offset);
    asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
#else
    (void)offset;
    (void)value;
#endif
}

void Uart::enable_receive_interrupt(bool on) {
    if (kind_ == UartKind::kPl011) {
        registers_->write32(pl011::kInterruptMask, on ? pl011::kReceiveInterrupts : 0);
        return;
    }
    registers_->write8(ns16550::kInterruptEnable, on ? ns16550::kReceiveDataInterrupt : 0);
    // Only a PC gates the 16550's line with OUT2; the MMIO boards wire it directly.
    if (kind_ == UartKind::k16550Ports) {
        registers_->write8(ns16550::kModemControl,
                           on ? ns16550::kModemControlInterrupts : ns16550::kModemControlIdle);
    }
}

int Uart::read() {
    if (kind_ == UartKind::kPl011) {
        if (registers_->read32(pl011::kFlags) & pl011::kReceiveEmpty) return -1;
        return static_cast<int>(registers_->read32(pl011::kData) & 0xff);
    }
    if ((registers_->read8(ns16550::kLineStatus) & ns16550::kDataReady) == 0) return -1;
    return registers_->read8(ns16550::kData);
}

size_t Uart::drain(uint8_t* bytes, size_t capacity, size_t* dropped) {
    size_t stored = 0;
    for (int byte; (byte = read()) >= 0;) {
        if (stored < capacity) {
            bytes[stored++] = static_cast<uint8_t>(byte);
        } else if (dropped != nullptr) {
            ++*dropped;
        }
    }
    return stored;
}

bool Uart::transmitter_has_room() {
    if (kind_ == UartKind::kPl011) {
        return (registers_->read32(pl011::kFlags) & pl011::kTransmitFull) == 0;
    }
    return (registers_->read8(ns16550::kLineStatus) & ns16550::kTransmitterEmpty) != 0;
}

bool Uart::write(uint8_t byte) {
    uint32_t polls = 0;
    while (!transmitter_has_room()) {
        if (++polls >= kTransmitPolls) return false;
    }
    if (kind_ == UartKind::kPl011) {
        registers_->write32(pl011::kData, byte);
    } else {
        registers_->write8(ns16550::kData, byte);
    }
    return true;
}

size_t Uart::write(const void* bytes, size_t length) {
    auto* data = static_cast<const uint8_t*>(bytes);
    for (size_t i = 0; i < length; ++i) {
        if (!write(data[i])) return i;
    }
    return length;
}

}  // namespace cairn::drivers
