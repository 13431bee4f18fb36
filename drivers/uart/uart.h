// The register-level driver of the three console UARTs Cairn boots with:
// a 16550 reached through I/O ports (x86_64's COM1), a 16550 with
// memory-mapped byte registers (riscv64 virt's ns16550a) and an ARM PL011
// (aarch64 virt). Receive is interrupt driven by the caller (ConsoleUart
// binds the line to a notification); transmit polls the "room in the
// transmitter" bit, bounded so a stuck device cannot hang the caller.
//
// The registers are reached through RegisterIo so that host tests can put a
// simulated device behind the same code the guest runs.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace cairn::drivers {

// PlatformInfo::serial_kind (abi/cairn/syscalls.h).
enum class UartKind : uint64_t {
    kNone = 0,
    k16550Ports = 1,
    k16550Mmio = 2,
    kPl011 = 3,
};

// How the driver reaches one device's registers, by byte offset from the
// device's base. A 16550 has byte registers, a PL011 32-bit ones.
class RegisterIo {
public:
    virtual uint8_t read8(uint32_t offset) = 0;
    virtual void write8(uint32_t offset, uint8_t value) = 0;
    virtual uint32_t read32(uint32_t offset) = 0;
    virtual void write32(uint32_t offset, uint32_t value) = 0;

protected:
    ~RegisterIo() = default;
};

// Registers mapped into the address space (device memory, uncached).
class MmioRegisters final : public RegisterIo {
public:
    explicit MmioRegisters(volatile uint8_t* base) : base_(base) {}
    uint8_t read8(uint32_t offset) override { return base_[offset]; }
    void write8(uint32_t offset, uint8_t value) override { base_[offset] = value; }
    uint32_t read32(uint32_t offset) override { return *word(offset); }
    void write32(uint32_t offset, uint32_t value) override { *word(offset) = value; }

private:
    volatile uint32_t* word(uint32_t offset) {
        return reinterpret_cast<volatile uint32_t*>(base_ + offset);
    }
    volatile uint8_t* base_;
};

// x86 port I/O from `first_port` on: the process must hold and have enabled
// an I/O port capability for the range (io_port_enable), else each access
// is a #GP that kills the thread. Elsewhere reads answer 0xff, writes vanish.
class PortRegisters final : public RegisterIo {
public:
    explicit PortRegisters(uint16_t first_port) : first_port_(first_port) {}
    uint8_t read8(uint32_t offset) override;
    void write8(uint32_t offset, uint8_t value) override;
    uint32_t read32(uint32_t offset) override { return read8(offset); }
    void write32(uint32_t offset, uint32_t value) override {
        write8(offset, static_cast<uint8_t>(value));
    }

private:
    uint16_t first_port_;
};

class Uart {
public:
    // How many times write() polls for room before it gives up on a byte:
    // at 115200 baud one byte leaves in ~87 us, far fewer polls than this.
    static constexpr uint32_t kTransmitPolls = 1'000'000;

    Uart(UartKind kind, RegisterIo& registers) : kind_(kind), registers_(&registers) {}

    UartKind kind() const { return kind_; }

    // Lets the device raise its line when received data waits (and, on a PC,
    // routes the 16550's line to the interrupt controller through MCR.OUT2),
    // or stops it. The baud rate and framing stay as the boot console set them.
    void enable_receive_interrupt(bool on);

    // One received byte, or -1 when none waits.
    int read();

    // Reads every waiting byte: up to `capacity` into `bytes`, the rest are
    // read (so the device lowers its line) and counted in *dropped. Returns
    // how many were stored.
    size_t drain(uint8_t* bytes, size_t capacity, size_t* dropped = nullptr);

    // Sends one byte once the transmitter has room; false if it had none
    // after kTransmitPolls polls (the byte is not sent).
    bool write(uint8_t byte);
    // Sends `length` bytes; returns how many went out (stops at the first
    // that could not).
    size_t write(const void* bytes, size_t length);

private:
    bool transmitter_has_room();

    UartKind kind_;
    RegisterIo* registers_;  // never null
};

// Register offsets and bits the driver uses (public for the tests' fakes).
namespace ns16550 {
constexpr uint32_t kData = 0;                 // RBR (read) / THR (write)
constexpr uint32_t kInterruptEnable = 1;      // IER
constexpr uint32_t kModemControl = 4;         // MCR
constexpr uint32_t kLineStatus = 5;           // LSR
constexpr uint8_t kReceiveDataInterrupt = 1;  // IER.ERBFI
constexpr uint8_t kDataReady = 1;             // LSR.DR
constexpr uint8_t kTransmitterEmpty = 0x20;   // LSR.THRE
// MCR: DTR | RTS as the boot console set them, plus OUT2 (a PC's interrupt gate).
constexpr uint8_t kModemControlIdle = 0x03;
constexpr uint8_t kModemControlInterrupts = 0x0b;
}  // namespace ns16550

namespace pl011 {
constexpr uint32_t kData = 0x00;             // DR
constexpr uint32_t kFlags = 0x18;            // FR
constexpr uint32_t kInterruptMask = 0x38;    // IMSC
constexpr uint32_t kReceiveEmpty = 1u << 4;  // FR.RXFE
constexpr uint32_t kTransmitFull = 1u << 5;  // FR.TXFF
// IMSC: receive (RXIM) and receive timeout (RTIM): a byte that sits in the
// FIFO below its trigger level still interrupts after a few bit times.
constexpr uint32_t kReceiveInterrupts = (1u << 4) | (1u << 6);
}  // namespace pl011

}  // namespace cairn::drivers
