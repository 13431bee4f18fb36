// The console service as the service manager starts it (images/BUILD
// SERVICES, needs=irq:serial,device:serial,register): attaches the console
// UART driver to the capabilities in its device slots, registers an
// endpoint as "console" and serves console.proto on it (console_service.h).
#include <stdio.h>

#include "cairn/sys.h"
#include "drivers/uart/console_uart.h"
#include "services/console/console_service.h"
#include "services/runtime/service.h"

namespace {

using namespace cairn;

// The device needs, in the manifest's order (services/runtime/service.h).
constexpr CapSlot kIrqHandlerSlot = service::device_slot(0);
constexpr CapSlot kIrqNotificationSlot = service::device_slot(0) + 1;
constexpr CapSlot kRegistersSlot = service::device_slot(1);

class UartDevice final : public console_service::ConsoleDevice {
public:
    explicit UartDevice(drivers::ConsoleUart& uart) : uart_(uart) {}
    // Output goes through the kernel console (debug_print), which writes
    // each call whole under its lock: the shell's lines and every other
    // process's printf lines (also the kernel's) share the UART without
    // being cut into each other mid-line. Input stays this driver's.
    size_t write(const void* bytes, size_t length) override {
        const char* text = static_cast<const char*>(bytes);
        size_t written = 0;
        while (written < length) {
            size_t chunk = length - written < kMaxDebugPrint ? length - written : kMaxDebugPrint;
            if (!sys::debug_print(text + written, chunk)) break;
            written += chunk;
        }
        return written;
    }
    int64_t receive(uint8_t* bytes, size_t capacity, uint64_t timeout_ns) override {
        return uart_.receive(bytes, capacity, timeout_ns).raw;
    }
    uint64_t now_ns() override { return sys::clock_monotonic(); }

private:
    drivers::ConsoleUart& uart_;
};

drivers::ConsoleUart uart;
UartDevice device(uart);
console_service::ConsoleService console_server(device);

}  // namespace

int main() {
    Status status = uart.attach(kRegistersSlot, kIrqHandlerSlot, kIrqNotificationSlot,
                                service::kIrqNotificationBit);
    if (status != Status::kOk) {
        printf("console: cannot attach the UART: %s\n", status_name(status));
        return 1;
    }
    Result endpoint = service::register_endpoint("console");
    if (!endpoint) {
        printf("console: cannot register: %s\n", status_name(endpoint.status()));
        return 1;
    }
    status = console_server.serve(endpoint.value());
    printf("console: endpoint failed: %s\n", status_name(status));
    return 1;
}
