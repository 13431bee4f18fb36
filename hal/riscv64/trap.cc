// The C++ half of the trap vector: traps from U-mode go to user_trap.cc
// (none of them is fatal); from S-mode, interrupts go to interrupts/, page
// faults to page_fault.cc, a failed probe (probes.S) is skipped, and
// everything else is fatal: a register dump, which is what makes it
// debuggable, then a panic.
#include "hal/riscv64/trap.h"

#include <stdarg.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/riscv64/console_select.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/user_trap.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/lib/format.h"

extern "C" char riscv64_cycle_probe_instruction[];                 // probes.S
extern "C" char riscv64_stimecmp_probe_instruction[];              // probes.S
extern "C" char riscv64_trap_entry[], riscv64_trap_frame_saved[];  // trap_entry.S

namespace hal::riscv64 {
namespace {

constexpr uint64_t kInterruptBit = uint64_t{1} << 63;
constexpr uint64_t kSstatusSpp = uint64_t{1} << 8;   // 1: trapped from S-mode, 0: from U-mode
constexpr uint64_t kSstatusSpie = uint64_t{1} << 5;  // SIE before the trap
constexpr uint64_t kIllegalInstruction = 2;
constexpr uint64_t kLoadAccessFault = 5;
constexpr uint64_t kStoreAccessFault = 7;
constexpr unsigned kRegisterA0 = 10;
constexpr unsigned kProbeInstructionSize = 4;

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

// ABI names of x1..x31, in register order.
constexpr const char* kRegisterNames[31] = {
    "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0", "a1",
    "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5", "s6",
    "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

}  // namespace

void dump_registers(const TrapFrame& frame) {
    auto hex = [](uint64_t value) { return static_cast<unsigned long long>(value); };
    kernel::print("\nriscv64 trap: %s (scause 0x%llx) in %s mode\n", cause_name(frame.scause),
                  hex(frame.scause), (frame.sstatus & kSstatusSpp) != 0 ? "supervisor" : "user");
    kernel::print("  sepc    0x%016llx  stval   0x%016llx  sstatus 0x%016llx\n", hex(frame.sepc),
                  hex(frame.stval), hex(frame.sstatus));
    constexpr unsigned kColumns = 4;
    for (unsigned number = 1; number <= 31; ++number) {
        kernel::print("  %-3s 0x%016llx", kRegisterNames[number - 1], hex(frame.x(number)));
        if (number % kColumns == 0 || number == 31) kernel::print("\n");
    }
}

const char* cause_name(uint64_t scause) {
    uint64_t code = scause & ~kInterruptBit;
    if ((scause & kInterruptBit) != 0) return lookup(kInterruptNames, code, "unknown interrupt");
    return lookup(kExceptionNames, code, "unknown exception");
}

namespace {

// Fatal reports so far. More than one means that reporting the first trapped
// in turn; the first frame stays intact for that case (the nested one lies
// below it on the same stack).
constinit int report_count = 0;
constinit const TrapFrame* first_frame = nullptr;
constinit const char* first_message = nullptr;

// probes.S: the probed instruction raised an illegal-instruction exception,
// so what it probes is unavailable. Resume after it with a0 = 0.
bool skip_failed_probe(TrapFrame& frame) {
    if (frame.sepc != reinterpret_cast<uint64_t>(riscv64_cycle_probe_instruction) &&
        frame.sepc != reinterpret_cast<uint64_t>(riscv64_stimecmp_probe_instruction))
        return false;
    frame.set_x(kRegisterA0, 0);
    frame.sepc += kProbeInstructionSize;
    return true;
}

}  // namespace

void report_fatal_trap(const TrapFrame& frame, const char* format, ...) {
    // One message buffer per report that is printed: the first and a nested one.
    static constinit char messages[2][160];
    char* message = messages[report_count < 1 ? 0 : 1];
    va_list arguments;
    va_start(arguments, format);
    os::vformat(message, sizeof(messages[0]), format, arguments);
    va_end(arguments);

    switch (++report_count) {
        case 1:
            first_frame = &frame;
            first_message = message;
            dump_registers(frame);
            kernel::panic("%s", message);
        case 2:
            // Reporting faulted, most likely on the UART (say, a wrong address
            // in the device tree). Report again through the firmware's console,
            // which needs no device of ours.
            console_use_firmware();
            kernel::print("\nriscv64 trap: %s at sepc 0x%llx while reporting a trap\n",
                          cause_name(frame.scause), static_cast<unsigned long long>(frame.sepc));
            dump_registers(*first_frame);
            kernel::panic("%s", first_message);
        default:
            // Even the firmware's console failed: nothing is left to report with.
            hal::halt();
    }
}

extern "C" void riscv64_handle_trap(TrapFrame& frame) {
    // First: user traps (but system calls, which trap_entry.S hands to
    // riscv64_serve_system_call) come this way, and the check below is
    // about S-mode traps only.
    if ((frame.sstatus & kSstatusSpp) == 0) {
        handle_user_trap(frame);
        return;
    }
    // trap_entry.S put this frame on the trap stack: the trap hit its own
    // saving of a frame, on a kernel stack that cannot take one.
    if (frame.sepc >= reinterpret_cast<uint64_t>(riscv64_trap_entry) &&
        frame.sepc < reinterpret_cast<uint64_t>(riscv64_trap_frame_saved)) {
        report_fatal_trap(frame, "%s while saving a trap frame: unusable kernel stack (overflow?)",
                          cause_name(frame.scause));
    }
    bool interrupt = (frame.scause & kInterruptBit) != 0;
    // Interrupts return to the interrupted code with every register as it
    // was (trap_entry.S restores the whole frame). Code that ran with
    // interrupts enabled held no spin lock: the kernel may switch threads
    // there (this frame is on the thread's own stack).
    if (interrupt && handle_interrupt_trap(frame.scause & ~kInterruptBit)) {
        if ((frame.sstatus & kSstatusSpie) != 0) interrupt_return();
        return;
    }
    if (!interrupt && is_page_fault(frame.scause)) {
        handle_page_fault(frame);
        return;
    }
    if (!interrupt && frame.scause == kIllegalInstruction && skip_failed_probe(frame)) return;
    // A user page that maps no memory (or memory PMP denies) fails the copy
    // like an unmapped one.
    bool access_fault = frame.scause == kLoadAccessFault || frame.scause == kStoreAccessFault;
    if (!interrupt && access_fault && resume_user_copy(frame)) return;
    report_fatal_trap(frame, "unhandled trap: %s at sepc 0x%llx", cause_name(frame.scause),
                      static_cast<unsigned long long>(frame.sepc));
}

}  // namespace hal::riscv64
