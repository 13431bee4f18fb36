// console_check: the console UART driver end to end, as init
// (`init=console_check`). It takes the UART (drivers/uart ConsoleUart:
// device registers or I/O ports, the receive interrupt through a
// notification), runs the shell's line editor on what is typed and echoes
// through the driver's polled transmit; each completed line is run against
// a tiny command table (echo, help, quit). The boot test types edits,
// arrow keys, history and Tab completion, and checks the lines that come
// out. Ends after `quit` or 30 s without input.
#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/sys.h"
#include "drivers/uart/console_uart.h"
#include "services/shell/command_line.h"
#include "services/shell/line_editor.h"

namespace {

using namespace cairn;
using cairn::shell::Command;
using cairn::shell::CommandTable;
using cairn::shell::LineEditor;
using cairn::shell::OutputBuffer;

bool quit_requested = false;

int run_help(void* context, size_t, char**, OutputBuffer& out) {
    static_cast<const CommandTable*>(context)->describe(out);
    return 0;
}

int run_quit(void*, size_t, char**, OutputBuffer&) {
    quit_requested = true;
    return 0;
}

constexpr Command kCommands[] = {
    {"echo", "print the arguments", cairn::shell::run_echo},
    {"help", "list the commands", run_help},
    {"quit", "end console_check", run_quit},
};

void send(drivers::ConsoleUart& uart, OutputBuffer& out) {
    if (uart.write(out.data(), out.length()) != out.length()) {
        printf("console_check: FAILED: the transmitter stalled\n");
    }
    out.clear();
}

uint64_t quota_left() {
    CapInfo info{};
    if (!sys::cap_info(kInitQuotaSlot, &info)) return 0;
    return info.size;
}

}  // namespace

int main() {
    uint64_t quota_before = quota_left();
    drivers::ConsoleUart uart;
    // A failed open names the bad capability and gives back what it took.
    Status no_quota = uart.open(kInitPlatformSlot, 999);
    Status no_platform = uart.open(kInitQuotaSlot, kInitQuotaSlot);
    if (no_quota != Status::kNoCapability || no_platform != Status::kWrongType || uart.is_open() ||
        quota_left() != quota_before) {
        printf("console_check: FAILED: bad opens gave %s and %s, quota %llu of %llu\n",
               status_name(no_quota), status_name(no_platform),
               static_cast<unsigned long long>(quota_left()),
               static_cast<unsigned long long>(quota_before));
        return 1;
    }
    // attach() takes the capabilities it is given even when they do not
    // fit: a wrong-type register capability is refused and all three slots
    // are gone, the line unbound (open() below takes it), the quota whole.
    PlatformInfo platform{};
    (void)sys::platform_info(&platform);
    CapSlot notification = sys::cap_create(kInitQuotaSlot, ObjectType::kNotification).value();
    CapSlot not_registers = sys::cap_create(kInitQuotaSlot, ObjectType::kNotification).value();
    Result handler = sys::irq_register(kInitPlatformSlot, platform.serial_irq_line, notification,
                                       drivers::ConsoleUart::kNotificationBit, kInitQuotaSlot);
    Status wrong_registers = handler ? uart.attach(not_registers, handler.value(), notification,
                                                   drivers::ConsoleUart::kNotificationBit)
                                     : handler.status();
    CapInfo gone{};
    bool all_deleted = !sys::cap_info(notification, &gone) &&
                       !sys::cap_info(not_registers, &gone) &&
                       !sys::cap_info(handler.value(), &gone);
    if (wrong_registers != Status::kWrongType || !all_deleted || uart.is_open() ||
        quota_left() != quota_before) {
        printf(
            "console_check: FAILED: attach with wrong registers gave %s, slots %s, quota %llu "
            "of %llu\n",
            status_name(wrong_registers), all_deleted ? "deleted" : "kept",
            static_cast<unsigned long long>(quota_left()),
            static_cast<unsigned long long>(quota_before));
        return 1;
    }
    printf("console_check: attach refused wrong registers (kWrongType) and released its slots\n");

    Status status = uart.open(kInitPlatformSlot, kInitQuotaSlot);
    if (status != Status::kOk) {
        printf("console_check: FAILED: open: %s\n", status_name(status));
        return 1;
    }
    // A second driver cannot take the same line.
    drivers::ConsoleUart second;
    Status again = second.open(kInitPlatformSlot, kInitQuotaSlot);
    if (again != Status::kAlreadyExists) {
        printf("console_check: FAILED: a second open gave %s\n", status_name(again));
        return 1;
    }

    CommandTable table(kCommands, sizeof(kCommands) / sizeof(kCommands[0]));
    LineEditor editor("console> ", table.names(), table.size());
    static OutputBuffer out;
    printf("console_check: uart kind %llu, waiting for serial input\n",
           static_cast<unsigned long long>(uart.kind()));
    editor.start(out);
    send(uart, out);

    int lines = 0;
    int failures = 0;
    while (!quit_requested) {
        uint8_t bytes[64];
        Result received = uart.receive(bytes, sizeof(bytes), 30'000'000'000ull);
        if (!received) {
            printf("console_check: FAILED: receive gave %s after %d lines\n",
                   status_name(received.status()), lines);
            ++failures;
            break;
        }
        for (size_t i = 0; i < received.value() && !quit_requested; ++i) {
            LineEditor::Event event = editor.feed(bytes[i], out);
            if (event == LineEditor::Event::kNone) continue;
            if (event == LineEditor::Event::kLine) {
                ++lines;
                send(uart, out);  // the line end first: the kernel prints whole lines
                printf("console_check: line %d '%s'\n", lines, editor.line());
                char line[LineEditor::kMaxLine + 1];
                memcpy(line, editor.line(), editor.length() + 1);
                int result = 0;
                table.execute(line, &table, out, &result);
            }
            if (!quit_requested) editor.start(out);
            send(uart, out);
        }
    }
    uart.close();
    // close() gave everything back: the quota is whole again and the line
    // is free for the next driver.
    uint64_t quota_after = quota_left();
    Status reopened = uart.open(kInitPlatformSlot, kInitQuotaSlot);
    uart.close();
    if (quota_after != quota_before || reopened != Status::kOk || quota_left() != quota_before) {
        printf("console_check: FAILED: quota %llu before, %llu after close; reopen %s\n",
               static_cast<unsigned long long>(quota_before),
               static_cast<unsigned long long>(quota_after), status_name(reopened));
        ++failures;
    } else {
        printf("console_check: closed, reopened and closed again; quota unchanged\n");
    }
    printf("console_check: %d lines in %llu interrupts, %llu bytes dropped\n", lines,
           static_cast<unsigned long long>(uart.interrupts()),
           static_cast<unsigned long long>(uart.dropped()));
    if (failures != 0) return 1;
    printf("console_check: passed\n");
    return 0;
}
