// The C++ half of the trap vector: decodes the trap, dumps the machine state
// and panics. Nothing is handled yet, so every trap is fatal; the dump is what
// makes it debuggable.
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/riscv64/console_select.h"
#include "hal/riscv64/trap_frame.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {
namespace {

constexpr uint64_t kInterruptBit = uint64_t{1} << 63;
constexpr uint64_t kSstatusSpp = uint64_t{1} << 8;  // 1: trapped from S-mode, 0: from U-mode

// Exception codes (privileged specification v1.12, table 4.2), by code.
constexpr const char* kExceptionNames[] = {
    "instruction address misaligned",
    "instruction access fault",
    "illegal instruction",
    "breakpoint",
    "load address misaligned",
    "load access fault",
    "store/AMO address misaligned",
    "store/AMO access fault",
    "environment call from U-mode",
    "environment call from S-mode",
    nullptr,
    nullptr,
    "instruction page fault",
    "load page fault",
    nullptr,
    "store/AMO page fault",
};

// Interrupt codes seen in S-mode, by code.
constexpr const char* kInterruptNames[] = {
    nullptr, "supervisor software interrupt", nullptr, nullptr,
    nullptr, "supervisor timer interrupt",    nullptr, nullptr,
    nullptr, "supervisor external interrupt",
};

template <size_t N>
const char* lookup(const char* const (&names)[N], uint64_t code, const char* unknown) {
    return code < N && names[code] != nullptr ? names[code] : unknown;
}

const char* cause_name(uint64_t scause) {
    uint64_t code = scause & ~kInterruptBit;
    if ((scause & kInterruptBit) != 0)
        return lookup(kInterruptNames, code, "unknown interrupt");
    return lookup(kExceptionNames, code, "unknown exception");
}

// ABI names of x1..x31, in register order.
constexpr const char* kRegisterNames[31] = {
    "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0", "a1",
    "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5", "s6",
    "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

void dump(const TrapFrame& frame) {
    auto hex = [](uint64_t value) { return static_cast<unsigned long long>(value); };
    kernel::print("\nriscv64 trap: %s (scause 0x%llx) in %s mode\n", cause_name(frame.scause),
                  hex(frame.scause), (frame.sstatus & kSstatusSpp) != 0 ? "supervisor" : "user");
    kernel::print("  sepc    0x%016llx  stval   0x%016llx  sstatus 0x%016llx\n", hex(frame.sepc),
                  hex(frame.stval), hex(frame.sstatus));
    constexpr unsigned kColumns = 4;
    for (unsigned number = 1; number <= 31; ++number) {
        kernel::print("  %-3s 0x%016llx", kRegisterNames[number - 1], hex(frame.x(number)));
        if (number % kColumns == 0 || number == 31)
            kernel::print("\n");
    }
}

[[noreturn]] void report(const TrapFrame& frame) {
    dump(frame);
    kernel::panic("unhandled trap: %s at sepc 0x%llx", cause_name(frame.scause),
                  static_cast<unsigned long long>(frame.sepc));
}

// Traps taken so far. More than one means that reporting the first trapped in
// turn; trap_entry.S keeps the first frame intact for that case.
constinit int trap_count = 0;
constinit const TrapFrame* first_trap = nullptr;

}  // namespace

extern "C" [[noreturn]] void riscv64_handle_trap(const TrapFrame& frame) {
    switch (++trap_count) {
        case 1:
            first_trap = &frame;
            report(frame);
        case 2:
            // Reporting faulted, most likely on the UART (say, a wrong address
            // in the device tree). Report again through the firmware's console,
            // which needs no device of ours.
            console_use_firmware();
            kernel::print("\nriscv64 trap: %s at sepc 0x%llx while reporting a trap\n",
                          cause_name(frame.scause), static_cast<unsigned long long>(frame.sepc));
            report(*first_trap);
        default:
            // Even the firmware's console failed: nothing is left to report with.
            hal::halt();
    }
}

}  // namespace hal::riscv64
