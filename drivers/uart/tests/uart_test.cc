// The UART register code against simulated 16550 and PL011 devices.
#include "drivers/uart/uart.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>

namespace cairn::drivers {
namespace {

// A device: a receive FIFO, a transmitter that is busy for a number of
// polls before each byte, and a log of every register write.
class FakeDevice : public RegisterIo {
public:
    std::deque<uint8_t> receive;
    std::string sent;
    int busy_polls_per_byte = 0;  // < 0: the transmitter never has room
    int busy_left = 0;
    std::map<uint32_t, uint32_t> written;  // the last value per register
    int reads_of_data = 0;

    bool room() {
        if (busy_polls_per_byte < 0) return false;
        if (busy_left > 0) {
            --busy_left;
            return false;
        }
        return true;
    }
    void transmit(uint8_t byte) {
        sent.push_back(static_cast<char>(byte));
        busy_left = busy_polls_per_byte;
    }
    uint8_t pop() {
        ++reads_of_data;
        if (receive.empty()) return 0;
        uint8_t byte = receive.front();
        receive.pop_front();
        return byte;
    }
};

class Fake16550 final : public FakeDevice {
public:
    uint8_t read8(uint32_t offset) override {
        if (offset == ns16550::kLineStatus) {
            uint8_t status = receive.empty() ? 0 : ns16550::kDataReady;
            if (room()) status |= ns16550::kTransmitterEmpty;
            return status;
        }
        if (offset == ns16550::kData) return pop();
        return static_cast<uint8_t>(written[offset]);
    }
    void write8(uint32_t offset, uint8_t value) override {
        written[offset] = value;
        if (offset == ns16550::kData) transmit(value);
    }
    uint32_t read32(uint32_t) override {
        ADD_FAILURE() << "a 16550 has byte registers";
        return 0;
    }
    void write32(uint32_t, uint32_t) override { ADD_FAILURE() << "a 16550 has byte registers"; }
};

class FakePl011 final : public FakeDevice {
public:
    uint32_t read32(uint32_t offset) override {
        if (offset == pl011::kFlags) {
            uint32_t flags = receive.empty() ? pl011::kReceiveEmpty : 0;
            if (!room()) flags |= pl011::kTransmitFull;
            return flags;
        }
        // DR carries error flags in bits 8-11: the driver must drop them.
        if (offset == pl011::kData) return 0x0f00u | pop();
        return written[offset];
    }
    void write32(uint32_t offset, uint32_t value) override {
        written[offset] = value;
        if (offset == pl011::kData) transmit(static_cast<uint8_t>(value));
    }
    uint8_t read8(uint32_t) override {
        ADD_FAILURE() << "a PL011 has 32-bit registers";
        return 0;
    }
    void write8(uint32_t, uint8_t) override { ADD_FAILURE() << "a PL011 has 32-bit registers"; }
};

TEST(Uart, PortAttached16550GatesItsInterruptWithOut2) {
    Fake16550 device;
    Uart uart(UartKind::k16550Ports, device);
    uart.enable_receive_interrupt(true);
    EXPECT_EQ(device.written[ns16550::kInterruptEnable], ns16550::kReceiveDataInterrupt);
    EXPECT_EQ(device.written[ns16550::kModemControl], 0x0bu);
    uart.enable_receive_interrupt(false);
    EXPECT_EQ(device.written[ns16550::kInterruptEnable], 0u);
    EXPECT_EQ(device.written[ns16550::kModemControl], 0x03u);  // DTR | RTS stay
}

TEST(Uart, Mmio16550LeavesModemControlAlone) {
    Fake16550 device;
    Uart uart(UartKind::k16550Mmio, device);
    uart.enable_receive_interrupt(true);
    EXPECT_EQ(device.written[ns16550::kInterruptEnable], ns16550::kReceiveDataInterrupt);
    EXPECT_EQ(device.written.count(ns16550::kModemControl), 0u);
}

TEST(Uart, Pl011UnmasksReceiveAndReceiveTimeout) {
    FakePl011 device;
    Uart uart(UartKind::kPl011, device);
    uart.enable_receive_interrupt(true);
    EXPECT_EQ(device.written[pl011::kInterruptMask], 0x50u);
    uart.enable_receive_interrupt(false);
    EXPECT_EQ(device.written[pl011::kInterruptMask], 0u);
}

template <typename Device>
void check_reads_in_order(UartKind kind) {
    Device device;
    Uart uart(kind, device);
    EXPECT_EQ(uart.read(), -1);
    EXPECT_EQ(device.reads_of_data, 0) << "an empty device's data register is never read";
    device.receive = {'o', 'k', 0xff, 0};
    EXPECT_EQ(uart.read(), 'o');
    EXPECT_EQ(uart.read(), 'k');
    EXPECT_EQ(uart.read(), 0xff);
    EXPECT_EQ(uart.read(), 0);
    EXPECT_EQ(uart.read(), -1);
}

TEST(Uart, ReadsBytesInOrderThenNothing16550) {
    check_reads_in_order<Fake16550>(UartKind::k16550Ports);
}
TEST(Uart, ReadsBytesInOrderThenNothingPl011) {
    check_reads_in_order<FakePl011>(UartKind::kPl011);
}

TEST(Uart, DrainEmptiesTheDeviceAndCountsWhatDidNotFit) {
    Fake16550 device;
    Uart uart(UartKind::k16550Mmio, device);
    device.receive = {'a', 'b', 'c', 'd', 'e'};
    uint8_t bytes[3] = {};
    size_t dropped = 0;
    EXPECT_EQ(uart.drain(bytes, sizeof(bytes), &dropped), 3u);
    EXPECT_EQ(std::string(bytes, bytes + 3), "abc");
    EXPECT_EQ(dropped, 2u);
    EXPECT_TRUE(device.receive.empty()) << "the line must go low";
    EXPECT_EQ(uart.drain(bytes, sizeof(bytes), &dropped), 0u);
    EXPECT_EQ(dropped, 2u);
}

TEST(Uart, DrainWithoutRoomOrCounter) {
    FakePl011 device;
    Uart uart(UartKind::kPl011, device);
    device.receive = {'x', 'y'};
    EXPECT_EQ(uart.drain(nullptr, 0), 0u);
    EXPECT_TRUE(device.receive.empty());
}

template <typename Device>
void check_write_waits_for_room(UartKind kind) {
    Device device;
    device.busy_polls_per_byte = 5;
    Uart uart(kind, device);
    EXPECT_EQ(uart.write("hello\r\n", 7), 7u);
    EXPECT_EQ(device.sent, "hello\r\n");
}

TEST(Uart, WriteWaitsForTheTransmitter16550) {
    check_write_waits_for_room<Fake16550>(UartKind::k16550Ports);
}
TEST(Uart, WriteWaitsForTheTransmitterPl011) {
    check_write_waits_for_room<FakePl011>(UartKind::kPl011);
}

TEST(Uart, StuckTransmitterGivesUpWithoutWriting) {
    Fake16550 device;
    device.busy_polls_per_byte = -1;
    Uart uart(UartKind::k16550Mmio, device);
    EXPECT_FALSE(uart.write(uint8_t{'z'}));
    EXPECT_EQ(uart.write("abc", 3), 0u);
    EXPECT_EQ(device.sent, "");
    EXPECT_EQ(device.written.count(ns16550::kData), 0u);
}

TEST(Uart, WriteStopsAtTheFirstByteThatCannotGo) {
    FakePl011 device;
    Uart uart(UartKind::kPl011, device);
    EXPECT_EQ(uart.write("ab", 2), 2u);
    device.busy_polls_per_byte = -1;
    EXPECT_EQ(uart.write("cd", 2), 0u);
    EXPECT_EQ(device.sent, "ab");
}

TEST(Uart, SlowTransmitterWithinThePollBudgetStillSends) {
    Fake16550 device;
    device.busy_polls_per_byte = static_cast<int>(Uart::kTransmitPolls) - 2;
    Uart uart(UartKind::k16550Ports, device);
    EXPECT_TRUE(uart.write(uint8_t{'1'}));
    EXPECT_TRUE(uart.write(uint8_t{'2'}));
    EXPECT_EQ(device.sent, "12");
}

}  // namespace
}  // namespace cairn::drivers
