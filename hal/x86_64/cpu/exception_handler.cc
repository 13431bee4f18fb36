// What happens on a CPU exception. Page faults go to cpu/page_fault.cc,
// which may resolve them. Any other exception in user mode ends the thread
// (report_user_fault: one line, the user registers, then
// kernel::handle_user_fault); in kernel mode it is fatal: the handler prints
// everything needed to find the cause (which exception, where, all
// registers) and panics. NMI, double fault and machine check are fatal
// wherever they hit.
#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/exception_frame.h"
#include "hal/x86_64/cpu/exceptions.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/thread/test_hooks.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal::x86_64 {
namespace {

struct ExceptionName {
    const char* mnemonic;
    const char* description;
};

constexpr ExceptionName kExceptionNames[kExceptionVectorCount] = {
    {"#DE", "divide error"},
    {"#DB", "debug"},
    {"NMI", "non-maskable interrupt"},
    {"#BP", "breakpoint"},
    {"#OF", "overflow"},
    {"#BR", "bound range exceeded"},
    {"#UD", "invalid opcode"},
    {"#NM", "device not available"},
    {"#DF", "double fault"},
    {"#CSO", "coprocessor segment overrun"},
    {"#TS", "invalid TSS"},
    {"#NP", "segment not present"},
    {"#SS", "stack-segment fault"},
    {"#GP", "general protection fault"},
    {"#PF", "page fault"},
    {"#15", "reserved vector 15"},
    {"#MF", "x87 floating-point error"},
    {"#AC", "alignment check"},
    {"#MC", "machine check"},
    {"#XM", "SIMD floating-point exception"},
    {"#VE", "virtualization exception"},
    {"#CP", "control protection exception"},
    {"#22", "reserved vector 22"},
    {"#23", "reserved vector 23"},
    {"#24", "reserved vector 24"},
    {"#25", "reserved vector 25"},
    {"#26", "reserved vector 26"},
    {"#27", "reserved vector 27"},
    {"#HV", "hypervisor injection exception"},
    {"#VC", "VMM communication exception"},
    {"#SX", "security exception"},
    {"#31", "reserved vector 31"},
};

constexpr uint64_t kNmiVector = 2;
constexpr uint64_t kDoubleFaultVector = 8;
constexpr uint64_t kPageFaultVector = 14;
constexpr uint64_t kMachineCheckVector = 18;

// Exceptions that say nothing about the code that was running: fatal even
// when they hit user mode.
bool is_machine_fault(uint64_t vector) {
    return vector == kNmiVector || vector == kDoubleFaultVector || vector == kMachineCheckVector;
}

bool from_user_mode(const ExceptionFrame& frame) {
    return (frame.cs & 3) != 0;
}

// Set while an exception is being reported: a second one in the report
// itself (a bad pointer in the frame, a broken console) must not recurse.
bool reporting_exception = false;

struct NamedRegister {
    const char* name;
    uint64_t value;
};

// Prints registers three to a line, names and values aligned in columns.
void print_registers(const NamedRegister* registers, size_t count) {
    for (size_t index = 0; index < count; ++index) {
        kernel::print("  %-6s 0x%016llx", registers[index].name,
                      static_cast<unsigned long long>(registers[index].value));
        if (index % 3 == 2 || index == count - 1) kernel::print("\n");
    }
}

// The page-fault error code says what kind of access failed and why.
void print_page_fault_cause(uint64_t error_code, uint64_t address) {
    kernel::print("  page fault: %s of 0x%016llx in %s mode, %s\n",
                  (error_code & (1 << 4))   ? "instruction fetch"
                  : (error_code & (1 << 1)) ? "write"
                                            : "read",
                  static_cast<unsigned long long>(address),
                  (error_code & (1 << 2)) ? "user" : "kernel",
                  (error_code & (1 << 0)) ? "protection violation" : "page not present");
}

}  // namespace

void print_frame_registers(const ExceptionFrame& frame) {
    // Laid out as printed, three to a line.
    // clang-format off
    const NamedRegister registers[] = {
        {"rip", frame.rip}, {"rsp", frame.rsp}, {"rflags", frame.rflags},
        {"cs", frame.cs},   {"ss", frame.ss},   {"rbp", frame.rbp},
        {"rax", frame.rax}, {"rbx", frame.rbx}, {"rcx", frame.rcx},
        {"rdx", frame.rdx}, {"rsi", frame.rsi}, {"rdi", frame.rdi},
        {"r8", frame.r8},   {"r9", frame.r9},   {"r10", frame.r10},
        {"r11", frame.r11}, {"r12", frame.r12}, {"r13", frame.r13},
        {"r14", frame.r14}, {"r15", frame.r15},
    };
    // clang-format on
    print_registers(registers, sizeof(registers) / sizeof(registers[0]));
}

void report_exception(const ExceptionFrame& frame, uint64_t cr2) {
    reporting_exception = true;
    const ExceptionName& name = kExceptionNames[frame.vector % kExceptionVectorCount];
    kernel::print("\nexception: %s %s (vector %llu), error code 0x%llx\n", name.mnemonic,
                  name.description, static_cast<unsigned long long>(frame.vector),
                  static_cast<unsigned long long>(frame.error_code));
    print_frame_registers(frame);
    const NamedRegister control[] = {
        {"cr0", read_cr0()},
        {"cr2", cr2},
        {"cr3", read_cr3()},
        {"cr4", read_cr4()},
    };
    print_registers(control, sizeof(control) / sizeof(control[0]));
    if (frame.vector == kPageFaultVector) print_page_fault_cause(frame.error_code, cr2);
}

void report_user_fault(const ExceptionFrame& frame, const char* description, uint64_t address) {
    const char* mnemonic =
        frame.vector < kExceptionVectorCount ? kExceptionNames[frame.vector].mnemonic : "syscall";
    if (frame.vector == kPageFaultVector) {
        // The description names the access, the address and the pc.
        kernel::print("user mode: %s %s, CPU %u\n", mnemonic, description,
                      hal::current_cpu_index());
    } else {
        kernel::print("user mode: %s %s at pc 0x%llx, error code 0x%llx, CPU %u\n", mnemonic,
                      description, static_cast<unsigned long long>(frame.rip),
                      static_cast<unsigned long long>(frame.error_code), hal::current_cpu_index());
    }
    print_frame_registers(frame);
    hal::user::Fault fault{description, frame.rip, address};
    enable_interrupts();
    if (test_hooks::active()) test_hooks::hooks.user_fault(fault);
    kernel::handle_user_fault(fault);
}

void return_to_user(ExceptionFrame&) {
    if (!test_hooks::active()) kernel::handle_return_to_user();
}

}  // namespace hal::x86_64

using hal::x86_64::ExceptionFrame;

// Called by exception_common in exception_entry.S with interrupts disabled,
// for exceptions and interrupts alike.
extern "C" void x86_64_handle_exception(ExceptionFrame* frame) {
    using namespace hal::x86_64;
    if (reporting_exception) {
        kernel::print("\nexception: vector %llu while reporting an exception; halting\n",
                      static_cast<unsigned long long>(frame->vector));
        hal::halt();
    }
    bool from_user = from_user_mode(*frame);
    if (frame->vector >= kExceptionVectorCount) {
        handle_interrupt_vector(*frame);  // includes the end of interrupt
        if (from_user) {
            if (test_hooks::active() && test_hooks::hooks.user_interrupt != nullptr) {
                test_hooks::hooks.user_interrupt();
            }
            return_to_user(*frame);
        } else if ((frame->rflags & kFlagsInterruptEnable) != 0 && !test_hooks::active()) {
            // Kernel code that ran with interrupts enabled holds no spin
            // lock: a preemption point. This frame is on the interrupted
            // thread's own stack (only NMI and double fault use IST stacks),
            // so the thread may be switched out here and resumed later.
            kernel::handle_interrupt_return();
        }
        return;
    }
    if (frame->vector == kPageFaultVector) {
        handle_page_fault(*frame);  // resolved, or a user copy's recovery point
        if (from_user) return_to_user(*frame);
        return;
    }
    if (from_user && !is_machine_fault(frame->vector)) {
        report_user_fault(*frame, kExceptionNames[frame->vector].description, 0);
    }
    report_exception(*frame, read_cr2());
    const ExceptionName& name = kExceptionNames[frame->vector % kExceptionVectorCount];
    kernel::panic("unhandled CPU exception %s (%s) at rip 0x%016llx", name.mnemonic,
                  name.description, static_cast<unsigned long long>(frame->rip));
}
