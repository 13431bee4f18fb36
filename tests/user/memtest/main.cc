// memtest: the memory-object and interrupt calls from user space, as init
// (`init=memtest init_arg=<case>`): shared mappings with per-mapping rights,
// zero-copy memory_take, device memory (and its refusal of RAM),
// platform_info, a user-space UART receive interrupt (case "irq": the
// boot test types "ping" into the serial port once the case says it waits;
// on x86_64 the driver reaches COM1 through an I/O port capability) and I/O
// port capabilities (cases "ports" and "ports_fault", x86_64; elsewhere the
// calls must answer kUnsupported).
// Each case prints "memtest <case>: passed" or FAILED lines.
#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "drivers/uart/uart.h"
#include "tests/user/memtest/quota.h"

namespace {

using namespace cairn;

int failures = 0;

#define CHECK(condition)                                                     \
    do {                                                                     \
        if (!(condition)) {                                                  \
            printf("memtest: FAILED: %s (line %d)\n", #condition, __LINE__); \
            ++failures;                                                      \
        }                                                                    \
    } while (0)

// The call failed with exactly `status`.
#define CHECK_STATUS(result, expected)                                                   \
    do {                                                                                 \
        Result r_ = (result);                                                            \
        if (r_.status() != (expected)) {                                                 \
            printf("memtest: FAILED: %s gave %s (%lld), wanted %s (line %d)\n", #result, \
                   status_name(r_.status()), static_cast<long long>(r_.raw),             \
                   status_name(expected), __LINE__);                                     \
            ++failures;                                                                  \
        }                                                                                \
    } while (0)

constexpr uint64_t kPage = 4096;
constexpr CapSlot kQuota = kInitQuotaSlot;
constexpr CapSlot kPlatform = kInitPlatformSlot;

uint64_t quota_left() {
    CapInfo info{};
    if (!sys::cap_info(kQuota, &info)) return 0;
    return info.size;
}

uint64_t map(CapSlot memory, uint64_t length, uint64_t permissions, uint64_t offset = 0,
             uint64_t space = 0) {
    MemoryMapArguments arguments{memory, space, 0, offset, length, permissions, 0};
    Result result = sys::memory_map(arguments);
    if (!result) {
        printf("memtest: FAILED: memory_map gave %s\n", status_name(result.status()));
        ++failures;
        return 0;
    }
    return result.value();
}

void test_platform() {
    PlatformInfo info{};
    CHECK(sys::platform_info(&info).ok());
    printf("memtest platform: serial kind %llu base 0x%llx line %llu\n",
           static_cast<unsigned long long>(info.serial_kind),
           static_cast<unsigned long long>(info.serial_physical_base),
           static_cast<unsigned long long>(info.serial_irq_line));
#if defined(__x86_64__)
    CHECK(info.serial_kind == 1 && info.serial_physical_base == 0 && info.serial_irq_line == 4);
#elif defined(__aarch64__)
    CHECK(info.serial_kind == 3 && info.serial_physical_base == 0x09000000 &&
          info.serial_irq_line == 33);
#elif defined(__riscv)
    CHECK(info.serial_kind == 2 && info.serial_physical_base == 0x10000000 &&
          info.serial_irq_line == 10);
#endif
    CHECK_STATUS(sys::platform_info(reinterpret_cast<PlatformInfo*>(8)), Status::kBadAddress);
}

void test_map() {
    uint64_t before = quota_left();
    Result memory = sys::cap_create(kQuota, ObjectType::kMemory, 2 * kPage);
    CHECK(memory.ok());
    if (!memory) return;
    CHECK(quota_left() == before - kObjectCost - 2 * kPage);
    CapInfo info{};
    CHECK(sys::cap_info(memory.value(), &info).ok() && info.size == 2 * kPage &&
          info.type == ObjectType::kMemory);

    // Two mappings of one object share its pages.
    auto* first =
        reinterpret_cast<volatile uint64_t*>(map(memory.value(), 2 * kPage, kMapRead | kMapWrite));
    auto* second = reinterpret_cast<volatile uint64_t*>(map(memory.value(), 2 * kPage, kMapRead));
    CHECK(first != nullptr && second != nullptr && first != second);
    if (first == nullptr || second == nullptr) return;
    first[0] = 0x1234'5678'9abc'def0;
    first[kPage / 8 + 3] = 77;
    CHECK(second[0] == 0x1234'5678'9abc'def0);
    CHECK(second[kPage / 8 + 3] == 77);
    // An offset mapping sees the second page at its start.
    auto* tail = reinterpret_cast<volatile uint64_t*>(map(memory.value(), kPage, kMapRead, kPage));
    CHECK(tail != nullptr && tail[3] == 77);

    // Per-mapping rights: a read-only capability maps read-only only.
    Result read_only = sys::cap_copy(memory.value(), kRightRead | kRightDelete);
    CHECK(read_only.ok());
    MemoryMapArguments writable{read_only.value(), 0, 0, 0, kPage, kMapRead | kMapWrite, 0};
    CHECK_STATUS(sys::memory_map(writable), Status::kMissingRights);
    auto* reader = reinterpret_cast<volatile uint64_t*>(map(read_only.value(), kPage, kMapRead));
    CHECK(reader != nullptr && reader[0] == 0x1234'5678'9abc'def0);
    MemoryMapArguments executable{read_only.value(), 0, 0, 0, kPage, kMapRead | kMapExecute, 0};
    CHECK_STATUS(sys::memory_map(executable), Status::kMissingRights);
    // Denials: empty slot, wrong type, outside the object, W+X, bad flags.
    MemoryMapArguments bad{999, 0, 0, 0, kPage, kMapRead, 0};
    CHECK_STATUS(sys::memory_map(bad), Status::kNoCapability);
    bad.memory = kPlatform;
    CHECK_STATUS(sys::memory_map(bad), Status::kWrongType);
    bad.memory = memory.value();
    bad.offset = 2 * kPage;
    CHECK_STATUS(sys::memory_map(bad), Status::kOutOfRange);
    bad.offset = kPage;
    bad.length = 2 * kPage;
    CHECK_STATUS(sys::memory_map(bad), Status::kOutOfRange);
    bad.offset = 1;
    bad.length = kPage;
    CHECK_STATUS(sys::memory_map(bad), Status::kInvalidArgument);
    bad.offset = 0;
    bad.flags = 1 << 7;
    CHECK_STATUS(sys::memory_map(bad), Status::kInvalidArgument);
    bad.flags = 0;
    bad.permissions = kMapRead | kMapWrite | kMapExecute;
    CHECK_STATUS(sys::memory_map(bad), Status::kPermissionDenied);
    CHECK_STATUS(sys::call(Syscall::kMemoryMap, 16), Status::kBadAddress);

    // Another address space maps the same pages.
    Result space = sys::as_create();
    CHECK(space.ok());
    if (space) CHECK(map(memory.value(), 2 * kPage, kMapRead, 0, space.value()) != 0);

    // The mappings outlive the capabilities: the pages stay until unmapped.
    CHECK(sys::cap_delete(read_only.value()).ok());
    CHECK(sys::cap_delete(memory.value()).ok());
    // All back but the other address space's charge (as_create).
    CHECK(quota_left() == before - (space ? kAddressSpaceCost : 0));
    CHECK(first[0] == 0x1234'5678'9abc'def0);
    CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(first), 2 * kPage).ok());
    CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(second), 2 * kPage).ok());
    CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(tail), kPage).ok());
    CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(reader), kPage).ok());
    if (space) CHECK(sys::as_destroy(space.value()).ok());
    CHECK(quota_left() == before);
}

void test_take() {
    constexpr uint64_t kLength = 256 * kPage;  // 1 MiB
    Result mapped = sys::as_map(0, 0, kLength, kMapRead | kMapWrite, 0);
    CHECK(mapped.ok());
    if (!mapped) return;
    // Before the pages are touched: they and their tables are charged to
    // the quota (the process's memory quota is kQuota) until the take.
    uint64_t quota_before = quota_left();
    auto* bytes = reinterpret_cast<uint8_t*>(mapped.value());
    for (uint64_t page = 0; page < kLength / kPage; ++page)
        bytes[page * kPage + 7] = page & 0xff;
    CHECK(quota_left() <= quota_before - kLength);

    SystemInfo system{};
    CHECK(sys::system_info(&system).ok());
    uint64_t free_before = system.free_memory;
    uint64_t take_start = sys::clock_monotonic();
    Result taken = sys::memory_take(kQuota, mapped.value(), kLength);
    uint64_t take_ns = sys::clock_monotonic() - take_start;
    CHECK(taken.ok());
    if (!taken) return;
    CHECK(sys::system_info(&system).ok());
    // No copy: not a megabyte less free memory (a little for tables is fine).
    CHECK(system.free_memory + 64 * 1024 > free_before);
    // The object is charged whole; the pages' own charges moved there, and
    // the tables the range emptied went back.
    CHECK(quota_left() == quota_before - kObjectCost - kLength);
    // The range is gone: mapping there again works, and reads zeros.
    Result again = sys::as_map(0, mapped.value(), kPage, kMapRead, kMapFixed);
    CHECK(again.ok());
    if (again) CHECK(bytes[7] == 0);
    if (again) CHECK(sys::as_unmap(0, mapped.value(), kPage).ok());

    // The new object holds the bytes.
    auto* view = reinterpret_cast<volatile uint8_t*>(map(taken.value(), kLength, kMapRead));
    bool same = view != nullptr;
    for (uint64_t page = 0; same && page < kLength / kPage; ++page) {
        same = view[page * kPage + 7] == (page & 0xff);
    }
    CHECK(same);
    // For scale: what copying the megabyte costs (into fresh pages).
    Result copy = sys::as_map(0, 0, kLength, kMapRead | kMapWrite, 0);
    if (copy && view) {
        uint64_t copy_start = sys::clock_monotonic();
        memcpy(reinterpret_cast<void*>(copy.value()), const_cast<uint8_t*>(view), kLength);
        uint64_t copy_ns = sys::clock_monotonic() - copy_start;
        uint64_t unmap_start = sys::clock_monotonic();
        CHECK(sys::as_unmap(0, copy.value(), kLength).ok());
        uint64_t unmap_ns = sys::clock_monotonic() - unmap_start;
        printf(
            "memtest take: 1 MiB (256 pages) taken in %llu us; copying it takes %llu us, "
            "unmapping the copy %llu us\n",
            static_cast<unsigned long long>(take_ns / 1000),
            static_cast<unsigned long long>(copy_ns / 1000),
            static_cast<unsigned long long>(unmap_ns / 1000));
    }
    if (view) CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(view), kLength).ok());
    CHECK(sys::cap_delete(taken.value()).ok());
    CHECK(quota_left() == quota_before);

    // Denials.
    CHECK_STATUS(sys::memory_take(kQuota, mapped.value(), kPage), Status::kNotFound);
    CHECK_STATUS(sys::memory_take(kPlatform, mapped.value(), kPage), Status::kWrongType);
    CHECK_STATUS(sys::memory_take(998, mapped.value(), kPage), Status::kNoCapability);
    CHECK_STATUS(sys::memory_take(kQuota, mapped.value() + 1, kPage), Status::kInvalidArgument);
    CHECK_STATUS(sys::memory_take(kQuota, mapped.value(), 0), Status::kInvalidArgument);
    Result small = sys::cap_create(kQuota, ObjectType::kQuota, kObjectCost + kPage);
    CHECK(small.ok());
    Result region = sys::as_map(0, 0, 2 * kPage, kMapRead | kMapWrite, 0);
    if (small && region) {
        CHECK_STATUS(sys::memory_take(small.value(), region.value(), 2 * kPage),
                     Status::kQuotaExceeded);
        Result fits = sys::memory_take(small.value(), region.value(), kPage);
        CHECK(fits.ok());
        if (fits) CHECK(sys::cap_delete(fits.value()).ok());
    }
    if (small) CHECK(sys::cap_delete(small.value()).ok());
    if (region) (void)sys::as_unmap(0, region.value(), 2 * kPage);
}

#if defined(__x86_64__)
constexpr uint64_t kSomeRam = 0x100000;
constexpr uint64_t kSomeDevice = 0xfee00000;  // the local APIC
// Below the entry format's 52 bits, above the CPU's physical width: its
// entries would have reserved bits set.
constexpr uint64_t kTooHigh = uint64_t{1} << 51;
#elif defined(__aarch64__)
constexpr uint64_t kSomeRam = 0x40000000;
constexpr uint64_t kSomeDevice = 0x09000000;  // the PL011
constexpr uint64_t kTooHigh = uint64_t{1} << 49;
#else
constexpr uint64_t kSomeRam = 0x80200000;
constexpr uint64_t kSomeDevice = 0x10000000;  // the ns16550a
constexpr uint64_t kTooHigh = uint64_t{1} << 57;
#endif

void test_device() {
    CHECK_STATUS(sys::memory_create_device(kPlatform, kSomeRam, kPage, kQuota),
                 Status::kPermissionDenied);
    CHECK_STATUS(sys::memory_create_device(kPlatform, kSomeDevice + 1, kPage, kQuota),
                 Status::kInvalidArgument);
    CHECK_STATUS(sys::memory_create_device(kPlatform, kSomeDevice, 0, kQuota),
                 Status::kInvalidArgument);
    CHECK_STATUS(sys::memory_create_device(kPlatform, kTooHigh, kPage, kQuota),
                 Status::kInvalidArgument);
    CHECK_STATUS(sys::memory_create_device(kPlatform, ~uint64_t{0} - kPage + 1, 2 * kPage, kQuota),
                 Status::kInvalidArgument);
    CHECK_STATUS(sys::memory_create_device(kQuota, kSomeDevice, kPage, kQuota), Status::kWrongType);
    Result device = sys::memory_create_device(kPlatform, kSomeDevice, kPage, kQuota);
    CHECK(device.ok());
    if (!device) return;
    CapInfo info{};
    CHECK(sys::cap_info(device.value(), &info).ok() && info.size == kPage);
    auto* registers = reinterpret_cast<volatile uint32_t*>(map(device.value(), kPage, kMapRead));
    if (registers != nullptr) {
        (void)registers[0];  // an uncached read of a register: must not fault
        CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(registers), kPage).ok());
    }
    CHECK(sys::cap_delete(device.value()).ok());
}

// ---- irq: the console UART's receive interrupt in user space --------------

// Port I/O (x86_64 only: elsewhere there is no port space).
#if defined(__x86_64__)
constexpr bool kHavePorts = true;
inline uint8_t port_in(uint16_t port) {
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
inline void port_out(uint16_t port, uint8_t value) {
    asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}
#else
constexpr bool kHavePorts = false;
inline uint8_t port_in(uint16_t) {
    return 0xff;
}
inline void port_out(uint16_t, uint8_t) {}
#endif

constexpr uint16_t kCom1 = 0x3f8;
constexpr uint16_t kCom1Scratch = kCom1 + 7;
constexpr uint16_t kCom1LineStatus = kCom1 + 5;
constexpr uint16_t kCom2 = 0x2f8;

void test_irq() {
    PlatformInfo info{};
    CHECK(sys::platform_info(&info).ok());
    Result notification = sys::cap_create(kQuota, ObjectType::kNotification);
    CHECK(notification.ok());
    if (!notification) return;
    constexpr uint64_t kBit = 1 << 3;
    CHECK_STATUS(sys::irq_register(kPlatform, 100000, notification.value(), kBit, kQuota),
                 Status::kInvalidArgument);
    CHECK_STATUS(
        sys::irq_register(kPlatform, info.serial_irq_line, notification.value(), 0, kQuota),
        Status::kInvalidArgument);
    CHECK_STATUS(
        sys::irq_register(kQuota, info.serial_irq_line, notification.value(), kBit, kQuota),
        Status::kWrongType);
    CHECK_STATUS(sys::irq_register(kPlatform, info.serial_irq_line, kPlatform, kBit, kQuota),
                 Status::kWrongType);
    Result handler =
        sys::irq_register(kPlatform, info.serial_irq_line, notification.value(), kBit, kQuota);
    CHECK(handler.ok());
    if (!handler) return;
    CHECK_STATUS(
        sys::irq_register(kPlatform, info.serial_irq_line, notification.value(), kBit, kQuota),
        Status::kAlreadyExists);
    CHECK_STATUS(sys::irq_ack(notification.value()), Status::kWrongType);
    Result read_only = sys::cap_copy(handler.value(), kRightRead | kRightDelete);
    CHECK(read_only.ok());
    if (read_only) CHECK_STATUS(sys::irq_ack(read_only.value()), Status::kMissingRights);

    {
        // The register code is the console driver's (drivers/uart).
        drivers::PortRegisters com1(kCom1);
        drivers::MmioRegisters mmio(nullptr);
        drivers::RegisterIo* registers = &com1;
        volatile uint8_t* base = nullptr;
        Result device{static_cast<int64_t>(Status::kNotFound)};
        Result ports{static_cast<int64_t>(Status::kNotFound)};
        if (info.serial_kind == 1) {
            // x86_64's COM1 is port I/O: the driver gets its eight ports.
            ports = sys::io_port_create(kPlatform, kCom1, 8, kQuota);
            CHECK(ports.ok());
            if (!ports) return;
            CHECK(sys::io_port_enable(ports.value()).ok());
        } else {
            device = sys::memory_create_device(kPlatform, info.serial_physical_base, kPage, kQuota);
            CHECK(device.ok());
            base = reinterpret_cast<volatile uint8_t*>(
                device ? map(device.value(), kPage, kMapRead | kMapWrite) : 0);
            if (base == nullptr) return;
            mmio = drivers::MmioRegisters(base);
            registers = &mmio;
        }
        drivers::Uart uart(static_cast<drivers::UartKind>(info.serial_kind), *registers);
        while (uart.read() >= 0) {
        }
        uart.enable_receive_interrupt(true);
        printf("memtest irq: waiting for serial input\n");
        char received[16] = {};
        size_t count = 0;
        int interrupts = 0;
        while (count < 4) {
            Result bits = sys::ipc_wait_notification(notification.value(), 20'000'000'000ull);
            if (!bits) {
                printf("memtest: FAILED: no interrupt (%s) after %zu bytes\n",
                       status_name(bits.status()), count);
                ++failures;
                break;
            }
            CHECK(bits.value() == kBit);
            ++interrupts;
            auto drain = [&] {
                for (int byte; (byte = uart.read()) >= 0;) {
                    // The line end may come with the last letters or after them.
                    if (byte == '\n' || byte == '\r') continue;
                    if (count < sizeof(received) - 1) received[count++] = static_cast<char>(byte);
                }
            };
            // Drain, acknowledge, drain again: a byte that arrived after the
            // first drain, while the line was masked, raised no new edge (x86's
            // ISA lines are edge-triggered) and would otherwise sit unread with
            // the device's line already high.
            drain();
            CHECK(sys::irq_ack(handler.value()).ok());
            drain();
        }
        uart.enable_receive_interrupt(false);
        CHECK(strncmp(received, "ping", 4) == 0);
        printf("memtest irq: received '%s' in %d interrupts\n", received, interrupts);
        if (base) CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(base), kPage).ok());
        if (device) CHECK(sys::cap_delete(device.value()).ok());
        if (ports) CHECK(sys::cap_delete(ports.value()).ok());
    }
    // The last capability unbinds the line: it can be bound again.
    if (read_only) CHECK(sys::cap_delete(read_only.value()).ok());
    CHECK(sys::cap_delete(handler.value()).ok());
    Result again =
        sys::irq_register(kPlatform, info.serial_irq_line, notification.value(), kBit, kQuota);
    CHECK(again.ok());
    if (again) CHECK(sys::cap_delete(again.value()).ok());
    CHECK(sys::cap_delete(notification.value()).ok());
}

// ---- ports: I/O port capabilities (x86_64) -----------------------------------

int64_t run_child(const char* argument, const CapSlot* caps, uint64_t count,
                  uint64_t move_mask = 0);

// Set by the main thread once io_port_enable has returned.
volatile bool ports_enabled = false;
volatile bool stop_spinning = false;
volatile uint64_t port_reads = 0;

// Started before io_port_enable and pinned to another CPU, where it spins
// in user mode (no switch): the enable must reach it there.
int64_t use_ports_when_enabled(void*) {
    while (!ports_enabled) {
    }
    port_out(kCom1Scratch, 0x3c);
    return port_in(kCom1Scratch) == 0x3c ? 1 : 2;
}

// Reads COM1's line status register until stopped (or killed).
int64_t read_ports_forever(void*) {
    while (!stop_spinning) {
        (void)port_in(kCom1LineStatus);
        port_reads = port_reads + 1;
    }
    return 0;
}

// A port the process was never given.
int64_t read_com2(void*) {
    return port_in(kCom2);
}

void test_ports() {
    if (!kHavePorts) {
        // No port space: both calls refuse before looking at their slots.
        CHECK_STATUS(sys::io_port_create(kPlatform, kCom1, 8, kQuota), Status::kUnsupported);
        CHECK_STATUS(sys::io_port_enable(kPlatform), Status::kUnsupported);
        CHECK_STATUS(sys::io_port_enable(999), Status::kUnsupported);
        printf("memtest ports: unsupported here, as it must be\n");
        return;
    }
    // Slot checks in order, then the range.
    CHECK_STATUS(sys::io_port_create(999, kCom1, 8, kQuota), Status::kNoCapability);
    CHECK_STATUS(sys::io_port_create(kQuota, kCom1, 8, kQuota), Status::kWrongType);
    Result read_only_platform = sys::cap_copy(kPlatform, kRightRead | kRightDelete);
    CHECK(read_only_platform.ok());
    if (read_only_platform) {
        CHECK_STATUS(sys::io_port_create(read_only_platform.value(), kCom1, 8, kQuota),
                     Status::kMissingRights);
        CHECK(sys::cap_delete(read_only_platform.value()).ok());
    }
    CHECK_STATUS(sys::io_port_create(kPlatform, kCom1, 0, kQuota), Status::kInvalidArgument);
    CHECK_STATUS(sys::io_port_create(kPlatform, 65535, 2, kQuota), Status::kInvalidArgument);
    CHECK_STATUS(sys::io_port_create(kPlatform, 65536, 1, kQuota), Status::kInvalidArgument);
    CHECK_STATUS(sys::io_port_create(kPlatform, 1, ~0ull, kQuota), Status::kInvalidArgument);
    CHECK_STATUS(sys::io_port_create(kPlatform, 0x40, 4, kQuota),
                 Status::kPermissionDenied);  // PIT
    CHECK_STATUS(sys::io_port_create(kPlatform, 0x10, 0x11, kQuota),
                 Status::kPermissionDenied);  // PIC
    CHECK_STATUS(sys::io_port_create(kPlatform, 0, 65536, kQuota), Status::kPermissionDenied);
    // QEMU's ACPI PM1a control register (FADT; pc and q35 both put it there).
    CHECK_STATUS(sys::io_port_create(kPlatform, 0x604, 2, kQuota), Status::kPermissionDenied);

    Result ports = sys::io_port_create(kPlatform, kCom1, 8, kQuota);
    CHECK(ports.ok());
    if (!ports) return;
    CapInfo info{};
    CHECK(sys::cap_info(ports.value(), &info).ok() && info.type == ObjectType::kIoPorts);
    CHECK_STATUS(sys::io_port_enable(999), Status::kNoCapability);
    CHECK_STATUS(sys::io_port_enable(kQuota), Status::kWrongType);
    Result read_only = sys::cap_copy(ports.value(), kRightRead | kRightDelete);
    CHECK(read_only.ok());
    if (read_only) CHECK_STATUS(sys::io_port_enable(read_only.value()), Status::kMissingRights);

    // A thread already running on CPU 1 gets the ports without a switch.
    ports_enabled = false;  // "leaks" runs this case twice
    cairn::Thread early;
    ThreadOptions on_cpu1;
    on_cpu1.cpu_mask = 1 << 1;
    CHECK(early.start(use_ports_when_enabled, nullptr, on_cpu1).ok());
    (void)sys::thread_sleep(20'000'000);
    CHECK(sys::io_port_enable(ports.value()).ok());
    CHECK(sys::io_port_enable(ports.value()).ok());  // twice: nothing more
    // Our own check before the early thread's: both use the scratch register.
    port_out(kCom1Scratch, 0xa5);
    CHECK(port_in(kCom1Scratch) == 0xa5);
    ports_enabled = true;
    Result early_status = early.join(5'000'000'000ull);
    CHECK(early_status.ok() && early_status.value() == 1);
    // A thread made later has them too, on any CPU.
    cairn::Thread later;
    ThreadOptions on_cpu2;
    on_cpu2.cpu_mask = 1 << 2;
    ports_enabled = true;
    CHECK(later.start(use_ports_when_enabled, nullptr, on_cpu2).ok());
    Result later_status = later.join(5'000'000'000ull);
    CHECK(later_status.ok() && later_status.value() == 1);
    port_out(kCom1Scratch, 0);

    // Another process given a copy enables them for itself and exits with
    // them enabled (its table lets go of the object when it is freed).
    CapSlot child_caps[] = {ports.value()};
    CHECK(run_child("child_ports", child_caps, 1) == 0);
    CHECK(port_in(kCom1Scratch) == 0x77);  // what the child wrote

    // Not the last capability: the ports stay.
    if (read_only) CHECK(sys::cap_delete(read_only.value()).ok());
    CHECK((port_in(kCom1LineStatus) & 0x60) != 0);  // THRE/TEMT: a real 16550
    CHECK(sys::cap_delete(ports.value()).ok());
    printf("memtest ports: COM1 ports in three threads on three CPUs\n");
}

// The faults (not in "all": they print user-fault lines): a port outside
// the enabled range, and withdrawal when the last capability goes, seen by
// a thread that spins on the ports on another CPU. Only the threads die.
void test_ports_fault() {
    if (!kHavePorts) {
        printf("memtest ports_fault: no port I/O here\n");
        return;
    }
    Result ports = sys::io_port_create(kPlatform, kCom1, 8, kQuota);
    CHECK(ports.ok());
    if (!ports) return;
    CHECK(sys::io_port_enable(ports.value()).ok());

    cairn::Thread outside;
    CHECK(outside.start(read_com2, nullptr).ok());
    Result outside_status = outside.join(5'000'000'000ull);
    CHECK(outside_status.ok() && outside_status.raw == kThreadKilledStatus);
    printf("memtest ports_fault: COM2 read killed its thread\n");

    cairn::Thread spinner;
    ThreadOptions on_cpu1;
    on_cpu1.cpu_mask = 1 << 1;
    CHECK(spinner.start(read_ports_forever, nullptr, on_cpu1).ok());
    for (int i = 0; i < 2000 && port_reads < 1000; ++i)
        (void)sys::thread_sleep(1'000'000);
    CHECK(port_reads >= 1000);                   // it had the ports
    CHECK(sys::cap_delete(ports.value()).ok());  // the last one: withdrawn
    Result spinner_status = spinner.join(5'000'000'000ull);
    if (spinner_status.status() == Status::kTimedOut) stop_spinning = true;
    CHECK(spinner_status.ok() && spinner_status.raw == kThreadKilledStatus);
    printf("memtest ports_fault: withdrawal killed the spinning thread after %llu reads\n",
           static_cast<unsigned long long>(port_reads));

    // Another process, given a copy, spins on the ports; revoking its copy
    // and deleting ours (the last capability) withdraws them there too.
    Result ours = sys::io_port_create(kPlatform, kCom1, 8, kQuota);
    CHECK(ours.ok());
    if (!ours) return;
    SpawnArguments arguments{};
    arguments.path = "bin/memtest";
    arguments.path_length = strlen(arguments.path);
    arguments.argument = "child_spin_ports";
    arguments.argument_length = strlen(arguments.argument);
    arguments.caps[0] = ours.value();
    arguments.cap_count = 1;
    arguments.quota = kQuota;
    Result child = sys::process_spawn_with_caps(arguments);
    CHECK(child.ok());
    if (!child) return;
    (void)sys::thread_sleep(300'000'000);  // it enables the ports and spins
    Result revoked = sys::cap_revoke(ours.value());
    CHECK(revoked.ok() && revoked.value() == 1);
    CHECK(sys::cap_delete(ours.value()).ok());
    Result child_status = sys::process_wait(child.value(), 5'000'000'000ull);
    CHECK(child_status.ok() && child_status.raw == kThreadKilledStatus);
    printf("memtest ports_fault: revocation withdrew the ports from process %llu\n",
           static_cast<unsigned long long>(child.value()));
}

// ---- two processes: shared pages, zero-copy hand-over, IRQ cleanup --------

// Starts bin/memtest <argument> with `caps` in its slots 1..count (copied,
// or moved per `move_mask`) and returns its exit status (-1 on failure).
int64_t run_child(const char* argument, const CapSlot* caps, uint64_t count, uint64_t move_mask) {
    SpawnArguments arguments{};
    arguments.path = "bin/memtest";
    arguments.path_length = strlen(arguments.path);
    arguments.argument = argument;
    arguments.argument_length = strlen(argument);
    for (uint64_t i = 0; i < count; ++i)
        arguments.caps[i] = caps[i];
    arguments.cap_count = count;
    arguments.cap_move = move_mask;
    arguments.quota = kQuota;
    Result child = sys::process_spawn_with_caps(arguments);
    if (!child) {
        printf("memtest: FAILED: spawn %s: %s\n", argument, status_name(child.status()));
        ++failures;
        return -1;
    }
    Result status = sys::process_wait(child.value());
    return status ? static_cast<int64_t>(status.value()) : -1;
}

constexpr uint64_t kParentWord = 0x5eed'0000'cafe'f00d;
constexpr uint64_t kChildWord = 0x0000'c41d'0000'0001;

// The child's side of "processes": slot 1 a memory object of two pages
// (shared with the parent), slot 2 one taken from the parent (moved).
int child_share() {
    auto* shared = reinterpret_cast<volatile uint64_t*>(map(1, 2 * kPage, kMapRead | kMapWrite));
    auto* taken = reinterpret_cast<volatile uint64_t*>(map(2, 4 * kPage, kMapRead));
    if (shared == nullptr || taken == nullptr) return 2;
    if (shared[0] != kParentWord) return 3;
    for (uint64_t page = 0; page < 4; ++page) {
        if (taken[page * kPage / 8] != kParentWord + page) return 4;
    }
    shared[kPage / 8] = kChildWord;  // the parent reads it after we exit
    return 0;
}

// The child's side of "ports": slot 1 is a copy of COM1's port capability.
int child_ports() {
    if (!sys::io_port_enable(1)) return 2;
    port_out(kCom1Scratch, 0x77);
    return port_in(kCom1Scratch) == 0x77 ? 0 : 3;
}

// The child's side of "ports_fault": spins on COM1's ports (slot 1) until
// the parent's revocation withdraws them and the #GP ends it.
int child_spin_ports() {
    if (!sys::io_port_enable(1)) return 2;
    (void)port_in(kCom1LineStatus);
    printf("memtest child_spin_ports: spinning\n");
    for (;;)
        (void)port_in(kCom1LineStatus);
}

// The child's side of the IRQ cleanup: binds the line (slot 1 the platform,
// 2 a notification, 3 a quota the handler is charged to) and exits holding it.
int child_hold_irq() {
    PlatformInfo info{};
    if (!sys::platform_info(&info)) return 2;
    Result handler = sys::irq_register(1, info.serial_irq_line, 2, 1, 3);
    if (!handler) return 3;
    return 0;
}

void test_processes() {
    // Shared memory: both map one object.
    Result memory = sys::cap_create(kQuota, ObjectType::kMemory, 2 * kPage);
    CHECK(memory.ok());
    if (!memory) return;
    auto* shared =
        reinterpret_cast<volatile uint64_t*>(map(memory.value(), 2 * kPage, kMapRead | kMapWrite));
    if (shared == nullptr) return;
    shared[0] = kParentWord;
    // Zero-copy: four pages taken from our address space, moved to the child.
    Result region = sys::as_map(0, 0, 4 * kPage, kMapRead | kMapWrite, 0);
    CHECK(region.ok());
    if (!region) return;
    auto* words = reinterpret_cast<uint64_t*>(region.value());
    for (uint64_t page = 0; page < 4; ++page)
        words[page * kPage / 8] = kParentWord + page;
    Result taken = sys::memory_take(kQuota, region.value(), 4 * kPage);
    CHECK(taken.ok());
    if (!taken) return;
    CapSlot caps[] = {memory.value(), taken.value()};
    CHECK(run_child("child_share", caps, 2, 1u << 1) == 0);
    CHECK(shared[kPage / 8] == kChildWord);
    CapInfo info{};
    CHECK_STATUS(sys::cap_info(taken.value(), &info), Status::kNoCapability);  // moved away
    CHECK(sys::as_unmap(0, reinterpret_cast<uintptr_t>(shared), 2 * kPage).ok());
    CHECK(sys::cap_delete(memory.value()).ok());

    // A child that dies holding an IRQ handler releases the line.
    Result notification = sys::cap_create(kQuota, ObjectType::kNotification);
    CHECK(notification.ok());
    if (!notification) return;
    CapSlot irq_caps[] = {kPlatform, notification.value(), kQuota};
    CHECK(run_child("child_hold_irq", irq_caps, 3) == 0);
    PlatformInfo platform{};
    CHECK(sys::platform_info(&platform).ok());
    Result again =
        sys::irq_register(kPlatform, platform.serial_irq_line, notification.value(), 1, kQuota);
    CHECK(again.ok());
    if (again) CHECK(sys::cap_delete(again.value()).ok());
    CHECK(sys::cap_delete(notification.value()).ok());
}

// Everything above again, twice: the second round must leave the kernel's
// object bytes and the quota exactly where they were (the first warms up
// caches and this process's page tables).
void test_leaks() {
    void (*rounds[])() = {test_map, test_take, test_device, test_processes, test_ports};
    for (auto* run : rounds)
        run();
    SystemInfo before{}, after{};
    CHECK(sys::system_info(&before).ok());
    uint64_t quota_before = quota_left();
    for (auto* run : rounds)
        run();
    CHECK(sys::system_info(&after).ok());
    printf("memtest leaks: kernel objects %llu bytes before, %llu after; quota %llu, %llu\n",
           static_cast<unsigned long long>(before.kernel_objects_bytes),
           static_cast<unsigned long long>(after.kernel_objects_bytes),
           static_cast<unsigned long long>(quota_before),
           static_cast<unsigned long long>(quota_left()));
    CHECK(after.kernel_objects_bytes == before.kernel_objects_bytes);
    CHECK(quota_left() == quota_before);
}

// Reads a device page where the board has nothing (not part of "all"): the
// access may fault, but only the thread may suffer, never the kernel.
void test_device_hole() {
#if defined(__aarch64__)
    constexpr uint64_t kHole = 0x0c000000;
#elif defined(__riscv)
    constexpr uint64_t kHole = 0x05000000;
#else
    constexpr uint64_t kHole = 0xd0000000;
#endif
    Result device = sys::memory_create_device(kPlatform, kHole, kPage, kQuota);
    CHECK(device.ok());
    if (!device) return;
    uint64_t address = map(device.value(), kPage, kMapRead);
    if (address == 0) return;
    printf("memtest device_hole: reading\n");
    uint32_t value = *reinterpret_cast<volatile uint32_t*>(address);
    printf("memtest device_hole: read 0x%x\n", value);
}

void test_quota() {
    failures += memtest::run_quota();
}

void test_process_quota() {
    failures += memtest::run_process_quota();
}

void test_mm_quota() {
    failures += memtest::run_mm_quota();
}

struct Case {
    const char* name;
    void (*run)();
};
constexpr Case kCases[] = {
    {"platform", test_platform}, {"map", test_map},
    {"take", test_take},         {"device", test_device},
    {"irq", test_irq},           {"processes", test_processes},
    {"leaks", test_leaks},       {"device_hole", test_device_hole},
    {"ports", test_ports},       {"ports_fault", test_ports_fault},
    {"quota", test_quota},       {"process_quota", test_process_quota},
    {"mm_quota", test_mm_quota},
};

}  // namespace

int main(int argc, char** argv) {
    const char* which = argc > 1 ? argv[1] : "all";
    // Stack pages are charged to the quota when first touched: touch them
    // now, so that the cases comparing quotas see only what they made.
    memtest::pre_touch_stack();
    if (strcmp(which, "child_share") == 0) return child_share();
    if (strcmp(which, "child_hold_irq") == 0) return child_hold_irq();
    if (strcmp(which, "child_ports") == 0) return child_ports();
    if (strcmp(which, "child_spin_ports") == 0) return child_spin_ports();
    if (strcmp(which, "child_threads") == 0) return memtest::child_threads();
    if (strcmp(which, "child_sleep") == 0) return memtest::child_sleep();
    if (strcmp(which, "child_touch") == 0) return memtest::child_touch();
    if (strcmp(which, "child_map_tables") == 0) return memtest::child_map_tables();
    if (strcmp(which, "child_take") == 0) return memtest::child_take();
    // Likewise what the runtime touches once for its first thread.
    cairn::Thread first;
    CHECK(first.start([] { return int64_t{0}; }).ok() && first.join().raw == 0);
    bool found = false;
    for (const Case& test : kCases) {
        // "all" runs everything but irq, which needs serial input.
        bool selected =
            strcmp(which, test.name) == 0 ||
            (strcmp(which, "all") == 0 && strcmp(test.name, "irq") != 0 &&
             strcmp(test.name, "leaks") != 0 && strcmp(test.name, "device_hole") != 0 &&
             strcmp(test.name, "ports_fault") != 0 && strcmp(test.name, "mm_quota") != 0);
        if (!selected) continue;
        found = true;
        int before = failures;
        test.run();
        printf("memtest %s: %s\n", test.name, failures == before ? "passed" : "FAILED");
    }
    if (!found) printf("memtest: no case '%s'\n", which);
    return failures == 0 && found ? 0 : 1;
}
