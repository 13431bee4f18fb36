// Self-tests of the x86_64 user-mode paths (`test=x86_user`), below the
// scheduler and the system call layer: the tests run tiny user programs
// (user_programs.S) on threads made with hal::context directly, in an
// address space of their own, with the HAL's test hooks (thread/test_hooks.h)
// standing in for kernel::handle_syscall and kernel::handle_user_fault. A
// hook that ends a user thread switches back to the test, which then checks
// what the hooks recorded: the registers at entry and across system calls,
// the FP/SSE state and FS base across thread switches, interrupts taken in
// user mode, and the exceptions user code can raise.
#include <stddef.h>
#include <stdint.h>

#include "hal/cpu.h"
#include "hal/io_ports.h"
#include "hal/mm.h"
#include "hal/park.h"
#include "hal/thread_context.h"
#include "hal/timer.h"
#include "hal/user_mode.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/exception_frame.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/thread/test_hooks.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/selftest/selftest.h"

extern "C" const uint8_t x86_64_user_programs_start[];
extern "C" const uint8_t x86_64_user_programs_end[];
extern "C" const uint8_t x86_64_user_echo[];
extern "C" const uint8_t x86_64_user_fp[];
extern "C" const uint8_t x86_64_user_spin[];
extern "C" const uint8_t x86_64_user_null_loop[];
extern "C" const uint8_t x86_64_user_read_page_zero[];
extern "C" const uint8_t x86_64_user_write_kernel[];
extern "C" const uint8_t x86_64_user_undefined[];
extern "C" const uint8_t x86_64_user_breakpoint[];
extern "C" const uint8_t x86_64_user_privileged[];
extern "C" const uint8_t x86_64_user_divide[];
extern "C" const uint8_t x86_64_user_last_syscall[];
extern "C" const uint8_t x86_64_user_parked[];
extern "C" const uint8_t x86_64_user_parked_port_read[];

namespace hal::x86_64 {
namespace {

using context::ThreadContext;
using kernel::mm::AddressSpace;

constexpr uint64_t kPageSize = 4096;
constexpr uintptr_t kCodeAddress = 0x400000;
constexpr uintptr_t kDataAddress = 0x600000;
constexpr uintptr_t kStackAddress = 0x800000;
constexpr uintptr_t kLastPage = kUserSpaceEnd - kPageSize;
constexpr size_t kKernelStackSize = 16384;
constexpr int kThreadCount = 2;

// The test's system call numbers (user_programs.S).
enum Call : uint64_t {
    kEcho = 100,          // returns kEchoResult
    kReportEcho = 101,    // records the frame
    kExit = 102,          // ends the thread
    kYield = 103,         // switches to the other thread
    kReportFp = 104,      // records the frame, ends the thread
    kArmTimer = 105,      // a timer interrupt in 1 ms
    kReportSpin = 106,    // records the frame
    kNull = 107,          // returns 0 and counts
    kReportEntry = 110,   // records the frame
    kPark = 111,          // parks, the other thread runs (see on_park())
    kReportParked = 112,  // records the frame
};
constexpr int64_t kEchoResult = -7;

struct UserThread {
    ThreadContext context{};
    context::UserEntry entry;
    bool finished = false;
};

// Everything the hooks record, for the test body to check.
struct Run {
    ThreadContext main{};
    UserThread threads[kThreadCount];
    int current = 0;
    hal::syscall::Arguments echo_arguments{};
    ExceptionFrame frames[kThreadCount][2]{};  // [thread][report index]
    int reports[kThreadCount] = {};
    uint64_t interrupts_from_user = 0;
    bool faulted = false;
    hal::user::Fault fault{};
    char fault_description[160] = {};
    uint64_t flag_address = 0;
    uint64_t null_calls = 0;
    int parks = 0;
    uint32_t cpu_lock = 0;  // what park_and_resume() releases
};

Run* run;
alignas(16) uint8_t kernel_stacks[kThreadCount][kKernelStackSize];

const ExceptionFrame& user_frame(int thread) {
    return *(
        reinterpret_cast<const ExceptionFrame*>(run->threads[thread].context.kernel_stack_top) - 1);
}

void record_frame() {
    int thread = run->current;
    int& count = run->reports[thread];
    if (count < 2) run->frames[thread][count] = user_frame(thread);
    ++count;
}

[[noreturn]] void finish_thread() {
    hal::disable_interrupts();
    UserThread& thread = run->threads[run->current];
    thread.finished = true;
    // To the other thread if it still runs, else back to the test.
    int other = (run->current + 1) % kThreadCount;
    if (run->threads[other].context.stack_pointer != 0 && !run->threads[other].finished) {
        run->current = other;
        context::switch_to(thread.context, run->threads[other].context);
    } else {
        context::switch_to(thread.context, run->main);
    }
    kernel::panic("x86_user: a finished user thread was resumed");
}

constexpr int64_t kParkResult = 0x5a00;

// kPark: the first one parks thread 0 and starts thread 1 (park() and
// switch_from_parked()); every later one parks the caller and resumes the
// other, parked thread with hal::context::park_and_resume(), which returns
// kParkResult + the count from that thread's kPark. Thread 0, parked a
// second time, is not resumed again (finish_thread() must not switch to it:
// a parked thread resumed by switch_to() runs kernel::resume_parked_thread()).
[[noreturn]] void on_park() {
    hal::disable_interrupts();
    int from = run->current;
    int to = (from + 1) % kThreadCount;
    ThreadContext& self = run->threads[from].context;
    ThreadContext& other = run->threads[to].context;
    run->current = to;
    if (++run->parks == 1) {
        context::park(self);
        context::switch_from_parked(other);
    }
    if (run->parks == 3) run->threads[from].finished = true;
    run->cpu_lock = 1;
    context::park_and_resume(self, other, kParkResult + run->parks, &run->cpu_lock);
}

int64_t on_system_call(const hal::syscall::Arguments& arguments) {
    switch (arguments.number) {
        case kEcho:
            run->echo_arguments = arguments;
            return kEchoResult;
        case kReportEcho:
        case kReportSpin:
        case kReportEntry:
        case kReportParked:
            record_frame();
            return 0;
        case kReportFp:
            record_frame();
            finish_thread();
        case kExit:
            finish_thread();
        case kYield: {
            InterruptState interrupts = hal::disable_interrupts();
            int from = run->current;
            int to = (from + 1) % kThreadCount;
            run->current = to;
            context::switch_to(run->threads[from].context, run->threads[to].context);
            hal::restore_interrupts(interrupts);
            return 0;
        }
        case kNull:
            ++run->null_calls;
            return 0;
        case kPark:
            on_park();
        case kArmTimer:
            hal::timer::arm_oneshot(1000000);
            return 0;
        default:
            return kEchoResult;
    }
}

void on_user_fault(const hal::user::Fault& fault) {
    run->faulted = true;
    run->fault = fault;
    size_t length = 0;
    for (; fault.description[length] != '\0' && length + 1 < sizeof(run->fault_description);
         ++length)
        run->fault_description[length] = fault.description[length];
    run->fault_description[length] = '\0';
    run->fault.description = run->fault_description;
    finish_thread();
}

void on_user_interrupt() {
    ++run->interrupts_from_user;
    if (run->flag_address != 0) {
        uint64_t one = 1;
        (void)hal::mm::copy_to_user(run->flag_address, &one, sizeof(one));
    }
}

void user_thread_main(void* argument) {
    context::enter_user_mode(static_cast<UserThread*>(argument)->entry);
}

uintptr_t program(const uint8_t* label) {
    return kCodeAddress + static_cast<uintptr_t>(label - x86_64_user_programs_start);
}

bool map(AddressSpace& space, uintptr_t address, kernel::mm::Permissions permissions) {
    kernel::mm::MapRequest request;
    request.permissions = permissions;
    request.length = kPageSize;
    request.address = address;
    request.fixed = true;
    return !space.map(request).is_error();
}

// An address space with the programs at kCodeAddress (r-x), a data page
// (rw-: two thread pointers' quadwords and the spin flag) and a stack page.
AddressSpace* make_address_space() {
    auto created = AddressSpace::create();
    if (created.is_error()) return nullptr;
    AddressSpace* space = created.value();
    space->activate();
    size_t code_size = static_cast<size_t>(x86_64_user_programs_end - x86_64_user_programs_start);
    bool ok =
        code_size <= kPageSize && map(*space, kCodeAddress, {true, true, false}) &&
        !hal::mm::copy_to_user(kCodeAddress, x86_64_user_programs_start, code_size).is_error() &&
        !space->protect(kCodeAddress, kPageSize, {true, false, true}).is_error() &&
        map(*space, kDataAddress, {true, true, false}) &&
        map(*space, kStackAddress, {true, true, false});
    uint64_t thread_words[2] = {0xaaaa0000aaaa0000, 0xbbbb0000bbbb0000};
    ok = ok && !hal::mm::copy_to_user(kDataAddress, thread_words, sizeof(thread_words)).is_error();
    if (!ok) {
        space->destroy();
        return nullptr;
    }
    return space;
}

// Runs `count` threads at `entries` until each has ended (through kExit,
// kReportFp or a fault), with the hooks installed, the first one with
// `first_ports` (hal/io_ports.h); restores what the switches changed in
// this CPU's state.
void run_threads(const context::UserEntry* entries, int count,
                 const io_ports::PortAccess* first_ports = nullptr) {
    for (int index = 0; index < kThreadCount; ++index) {
        run->threads[index] = UserThread{};
        if (index >= count) continue;
        run->threads[index].entry = entries[index];
        auto top = reinterpret_cast<uintptr_t>(kernel_stacks[index] + kKernelStackSize);
        context::initialize(run->threads[index].context, top, user_thread_main,
                            &run->threads[index]);
        context::enable_user_state(run->threads[index].context);
        if (index == 0) io_ports::attach(run->threads[index].context, first_ports);
    }
    InterruptState interrupts = hal::disable_interrupts();
    CpuLocal& cpu = this_cpu();
    ThreadContext* previous_context = cpu.current_context;
    uint64_t previous_stack_top = cpu.kernel_stack_top;
    test_hooks::install({on_system_call, on_user_fault, on_user_interrupt});
    run->current = 0;
    context::switch_to(run->main, run->threads[0].context);
    test_hooks::remove();
    cpu.current_context = previous_context;
    cpu.kernel_stack_top = previous_stack_top;  // TSS.RSP0 too
    hal::restore_interrupts(interrupts);
}

context::UserEntry entry_at(const uint8_t* label, uint64_t argument0 = 0, uint64_t argument1 = 0,
                            uint64_t thread_pointer = 0) {
    return {.pc = program(label),
            .stack_pointer = kStackAddress + kPageSize,
            .argument0 = argument0,
            .argument1 = argument1,
            .thread_pointer = thread_pointer};
}

// Runs one thread at `label` that must fault; returns the fault.
hal::user::Fault run_faulting(const uint8_t* label) {
    run->faulted = false;
    context::UserEntry entry = entry_at(label);
    run_threads(&entry, 1);
    return run->faulted ? run->fault : hal::user::Fault{"(no fault)", 0, 0};
}

bool contains(const char* text, const char* part) {
    for (; *text != '\0'; ++text) {
        size_t index = 0;
        while (part[index] != '\0' && text[index] == part[index])
            ++index;
        if (part[index] == '\0') return true;
    }
    return false;
}

// Sets up the Run and the address space for one test; tears both down.
class Fixture {
public:
    Fixture() {
        // Run is all zeros when fresh; static, as it is too large for
        // comfort on the test's stack.
        __builtin_memset(static_cast<void*>(&storage), 0, sizeof(storage));
        run = &storage;
        space_ = make_address_space();
    }
    ~Fixture() {
        if (space_ != nullptr) space_->destroy();
        run = nullptr;
    }
    bool ready() const { return space_ != nullptr; }
    AddressSpace& space() { return *space_; }

private:
    static Run storage;
    AddressSpace* space_ = nullptr;
};

Run Fixture::storage;

KERNEL_TEST(x86_user, system_call_passes_arguments_and_keeps_registers) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    context::UserEntry entry = entry_at(x86_64_user_echo, 0x1234, 0x5678);
    run_threads(&entry, 1);
    REQUIRE_EQ(run->reports[0], 2);
    // At entry: the two arguments, every other register zero (rax is the
    // call number, rcx and r11 belong to `syscall`); ring 3, IF set.
    const ExceptionFrame& start = run->frames[0][0];
    CHECK_EQ(start.rdi, 0x1234u);
    CHECK_EQ(start.rsi, 0x5678u);
    CHECK_EQ(start.rax, uint64_t{kReportEntry});
    uint64_t others = start.rbx | start.rdx | start.rbp | start.r8 | start.r9 | start.r10 |
                      start.r12 | start.r13 | start.r14 | start.r15;
    CHECK_EQ(others, 0u);
    CHECK_EQ(start.cs, uint64_t{kUserCodeSelector});
    CHECK_EQ(start.ss, uint64_t{kUserDataSelector});
    CHECK((start.rflags & kFlagsInterruptEnable) != 0);
    CHECK_EQ(start.rsp, kStackAddress + kPageSize);
    CHECK_EQ(start.rip, program(x86_64_user_echo) + 7);  // after `mov $110, %eax; syscall`
    CHECK_EQ(start.rcx, start.rip);
    CHECK_EQ(start.vector, kSystemCallVector);
    // The six arguments in the documented registers.
    CHECK_EQ(run->echo_arguments.number, uint64_t{kEcho});
    for (uint64_t index = 0; index < 6; ++index)
        CHECK_EQ(run->echo_arguments.values[index], 0xa0 + index);
    // After the call: the result in rax (moved to rdi), everything else kept.
    const ExceptionFrame& after = run->frames[0][1];
    CHECK_EQ(after.rdi, static_cast<uint64_t>(kEchoResult));
    CHECK_EQ(after.rsi, 0xa1u);
    CHECK_EQ(after.rdx, 0xa2u);
    CHECK_EQ(after.r10, 0xa3u);
    CHECK_EQ(after.r8, 0xa4u);
    CHECK_EQ(after.r9, 0xa5u);
    CHECK_EQ(after.rbx, 0x1111111111111111u);
    CHECK_EQ(after.rbp, 0x2222222222222222u);
    CHECK_EQ(after.r12, 0x3333333333333333u);
    CHECK_EQ(after.r13, 0x4444444444444444u);
    CHECK_EQ(after.r14, 0x5555555555555555u);
    CHECK_EQ(after.r15, 0x6666666666666666u);
    CHECK_EQ(after.rsp, kStackAddress + kPageSize);
    CHECK(!run->faulted);
}

KERNEL_TEST(x86_user, fp_state_and_thread_pointer_survive_switches) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    context::UserEntry entries[kThreadCount] = {
        entry_at(x86_64_user_fp, 0x1111, 0, kDataAddress),
        entry_at(x86_64_user_fp, 0x2222, 0, kDataAddress + 8),
    };
    run_threads(entries, kThreadCount);
    REQUIRE_EQ(run->reports[0], 1);
    REQUIRE_EQ(run->reports[1], 1);
    CHECK_EQ(run->frames[0][0].rdi, 0x1111u);  // xmm0
    CHECK_EQ(run->frames[1][0].rdi, 0x2222u);
    CHECK_EQ(run->frames[0][0].rdx, 0x1111u);  // st(0)
    CHECK_EQ(run->frames[1][0].rdx, 0x2222u);
    CHECK_EQ(run->frames[0][0].rsi, 0xaaaa0000aaaa0000u);  // %fs:0
    CHECK_EQ(run->frames[1][0].rsi, 0xbbbb0000bbbb0000u);
    CHECK(!run->faulted);
}

// hal::context::park_and_resume() between two threads with different FP
// state, thread pointers and I/O ports (so through its out-of-line parts):
// each returns to user mode from its system call frame with the result it
// was given, its registers, FP state and thread pointer; the port is open
// for the first thread only; the CPU lock word is released.
KERNEL_TEST(x86_user, park_and_resume_moves_fp_state_thread_pointer_and_ports) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    static io_ports::PortAccess com2_scratch;
    com2_scratch.generation = 2;  // an edited PortAccess (hal/io_ports.h)
    com2_scratch.range_count = 1;
    com2_scratch.ranges[0] = {0x2ff, 1};
    context::UserEntry entries[kThreadCount] = {
        entry_at(x86_64_user_parked, 0x1111, 0, kDataAddress),
        entry_at(x86_64_user_parked, 0x2222, 0, kDataAddress + 8),
    };
    run_threads(entries, kThreadCount, &com2_scratch);
    CHECK_EQ(run->parks, 3);
    CHECK_EQ(run->cpu_lock, 0u);
    REQUIRE_EQ(run->reports[0], 1);
    REQUIRE_EQ(run->reports[1], 1);
    const ExceptionFrame& first = run->frames[0][0];
    const ExceptionFrame& second = run->frames[1][0];
    CHECK_EQ(first.rdx, static_cast<uint64_t>(kParkResult + 2));
    CHECK_EQ(second.rdx, static_cast<uint64_t>(kParkResult + 3));
    CHECK_EQ(first.rdi, 0x1111u);  // xmm0
    CHECK_EQ(second.rdi, 0x2222u);
    CHECK_EQ(first.rbx, 0x1111u);
    CHECK_EQ(second.rbx, 0x2222u);
    CHECK_EQ(first.rsi, 0xaaaa0000aaaa0000u);  // %fs:0
    CHECK_EQ(second.rsi, 0xbbbb0000bbbb0000u);
    // The first thread read the port and parked; the second, without it,
    // faulted on the read.
    REQUIRE(run->faulted);
    CHECK(contains(run->fault.description, "general protection"));
    CHECK_EQ(run->fault.pc, program(x86_64_user_parked_port_read));
}

KERNEL_TEST(x86_user, interrupt_in_user_mode_returns_to_it) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    run->flag_address = kDataAddress + 16;
    context::UserEntry entry = entry_at(x86_64_user_spin, 0, kDataAddress + 16);
    run_threads(&entry, 1);
    REQUIRE_EQ(run->reports[0], 1);
    CHECK(run->interrupts_from_user > 0);
    const ExceptionFrame& report = run->frames[0][0];
    CHECK(report.rdi != 0);  // the flag ended the loop, not the count
    CHECK_EQ(report.r12, 0x3333333333333333u);
    CHECK_EQ(report.r13, 0x4444444444444444u);
    CHECK(!run->faulted);
}

KERNEL_TEST(x86_user, exceptions_end_the_thread_with_a_description) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    hal::user::Fault fault = run_faulting(x86_64_user_read_page_zero);
    CHECK(contains(fault.description,
                   "page fault in user mode: read at 0x0000000000000010 (not present)"));
    CHECK_EQ(fault.pc, program(x86_64_user_read_page_zero));
    CHECK_EQ(fault.address, 0x10u);

    fault = run_faulting(x86_64_user_write_kernel);
    CHECK(contains(fault.description,
                   "page fault in user mode: write at 0xffffffff80100000 (present"));
    CHECK_EQ(fault.address, 0xffffffff80100000u);

    fault = run_faulting(x86_64_user_undefined);
    CHECK(contains(fault.description, "invalid opcode"));
    CHECK_EQ(fault.pc, program(x86_64_user_undefined));

    fault = run_faulting(x86_64_user_breakpoint);
    CHECK(contains(fault.description, "breakpoint"));
    CHECK_EQ(fault.pc, program(x86_64_user_breakpoint) + 1);  // #BP is a trap: after int3

    fault = run_faulting(x86_64_user_privileged);
    CHECK(contains(fault.description, "general protection"));
    CHECK_EQ(fault.pc, program(x86_64_user_privileged));

    fault = run_faulting(x86_64_user_divide);
    CHECK(contains(fault.description, "divide error"));
}

// `syscall` in the last two bytes of the user half returns to a
// non-canonical address, which `sysret` must not be given.
KERNEL_TEST(x86_user, system_call_at_the_end_of_user_space_ends_the_thread) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    REQUIRE(map(fixture.space(), kLastPage, {true, true, false}));
    REQUIRE(
        !hal::mm::copy_to_user(kLastPage + kPageSize - 2, x86_64_user_last_syscall, 2).is_error());
    REQUIRE(!fixture.space().protect(kLastPage, kPageSize, {true, false, true}).is_error());
    context::UserEntry entry = entry_at(x86_64_user_last_syscall);
    entry.pc = kLastPage + kPageSize - 2;
    run_threads(&entry, 1);
    REQUIRE(run->faulted);
    CHECK(contains(run->fault.description, "return past the end of user space"));
    CHECK_EQ(run->fault.pc, kLastPage + kPageSize);
}

}  // namespace
}  // namespace hal::x86_64

namespace hal::x86_64 {
namespace {

// Not a check of speed, a measurement: the round trip of a system call that
// does nothing (user loop, entry, the test hook instead of
// kernel::handle_syscall, exit). Under QEMU with -icount shift=0 a
// nanosecond is one instruction, so the line gives instructions per call.
KERNEL_TEST(x86_user, null_system_call_round_trip) {
    Fixture fixture;
    REQUIRE(fixture.ready());
    constexpr uint64_t kCalls = 10000;
    context::UserEntry entry = entry_at(x86_64_user_null_loop, kCalls);
    uint64_t start_ns = hal::timer::monotonic_ns();
    uint64_t start_cycles = hal::cycle_counter();
    run_threads(&entry, 1);
    uint64_t ns = hal::timer::monotonic_ns() - start_ns;
    uint64_t cycles = hal::cycle_counter() - start_cycles;
    CHECK_EQ(run->null_calls, kCalls);
    CHECK(!run->faulted);
    kernel::print("x86_user: %llu null system calls: %llu ns, %llu TSC cycles each\n",
                  static_cast<unsigned long long>(kCalls),
                  static_cast<unsigned long long>(ns / kCalls),
                  static_cast<unsigned long long>(cycles / kCalls));
}

}  // namespace
}  // namespace hal::x86_64
