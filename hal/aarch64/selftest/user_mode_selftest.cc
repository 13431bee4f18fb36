// `test=arm_user`: user mode on aarch64 below the scheduler and the system
// call layer. hal::context threads enter EL0 in a fresh address space and
// run user_test_program.S; user_trap_hooks.h routes their system calls,
// faults and returns to user mode here, so the test sees what the HAL would
// hand the kernel and gets the CPU back. (The threads are not the
// scheduler's, so the kernel's real hooks must not see them.)
#include <stddef.h>
#include <stdint.h>

#include "hal/aarch64/exception_frame.h"
#include "hal/aarch64/user_trap_hooks.h"
#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/park.h"
#include "hal/thread_context.h"
#include "hal/timer.h"
#include "hal/user_mode.h"
#include "kernel/debug/print.h"
#include "kernel/lib/string.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/selftest/selftest.h"

extern "C" const char aarch64_user_test_program[];
extern "C" const char aarch64_user_test_undefined[];
extern "C" const char aarch64_user_test_fp[];
extern "C" const char aarch64_user_test_park[];
extern "C" const char aarch64_user_test_spin[];
extern "C" const char aarch64_user_test_null_calls[];
extern "C" const char aarch64_user_test_message[];
extern "C" const char aarch64_user_test_program_end[];

namespace hal::aarch64 {
namespace {

using kernel::selftest::Context;

constexpr uintptr_t kCodeAddress = 0x400000;
constexpr uintptr_t kStackAddress = 0x800000;  // one page, sp starts at its end
constexpr uint64_t kPageSize = 4096;
// What system call 0 returns; the program then reads from it.
constexpr uint64_t kUnmappedAddress = 0x1230;
constexpr uint64_t kArgument0 = 0xa0a0a0a0a0a0;
constexpr uint64_t kArgument1 = 0xa1a1a1a1;
constexpr uint64_t kThreadPointer = 0x7770000;
// Offsets into user_test_program.S.
constexpr uint64_t kSvcOffset = 40;
constexpr uint64_t kFaultingLoadOffset = 44;
constexpr size_t kMessageLength = 14;

// The test's system calls (user_test_program.S).
constexpr uint64_t kCallPrint = 0;
constexpr uint64_t kCallYield = 1;
constexpr uint64_t kCallReportFp = 2;
constexpr uint64_t kCallReportSpin = 3;
constexpr uint64_t kCallNull = 4;
constexpr uint64_t kCallPark = 5;
// What park_and_resume hands user thread i as its park's result.
constexpr int64_t kParkResult = 0x5a00;

uint64_t offset_of(const char* label) {
    return static_cast<uint64_t>(label - aarch64_user_test_program);
}

constexpr int kThreads = 2;

struct Run {
    hal::context::ThreadContext main_context{};
    hal::context::ThreadContext user_contexts[kThreads]{};
    hal::context::UserEntry entries[kThreads];
    int running = 0;  // which user thread is on the CPU
    int syscalls = 0;
    hal::syscall::Arguments arguments{};
    ExceptionFrame syscall_frames[kThreads]{};
    bool reported[kThreads] = {};
    bool interrupts_enabled_in_syscall = false;
    char message[32] = {};
    bool message_copied = false;
    int interrupts_from_user = 0;
    int returns_to_user = 0;
    bool faulted = false;
    hal::user::Fault fault{};
    char fault_description[160] = {};
    ExceptionFrame fault_frame{};
    bool parked[kThreads] = {};
    int parked_resumptions = 0;  // by park_and_resume
    uint32_t cpu_lock = 0;       // what park_and_resume releases
};

// Static, not on the test's stack: the CPU's running-context pointer still
// names main_context after the test.
Run run;
alignas(16) unsigned char user_thread_stacks[kThreads][16384];

// From user thread `from` to `to` (-1: back to the test), IRQs masked.
void switch_from_user_thread(int from, int to) {
    hal::InterruptState interrupts = hal::disable_interrupts();
    run.running = to;
    hal::context::switch_to(run.user_contexts[from],
                            to < 0 ? run.main_context : run.user_contexts[to]);
    hal::restore_interrupts(interrupts);
}

// Parks the running user thread (hal/park.h) and gives the CPU to user
// thread `to`: straight back to its user mode from its frame, through
// park_and_resume, if it is parked; else where it was switched out (or its
// start). Never switch_to() into a parked thread: that runs the kernel's
// kernel::resume_parked_thread(), which knows nothing of these threads.
[[noreturn]] void park_switching_to(int to) {
    hal::disable_interrupts();  // the user thread unmasks them again
    int from = run.running;
    run.running = to;
    run.parked[from] = true;
    if (run.parked[to]) {
        run.parked[to] = false;
        ++run.parked_resumptions;
        run.cpu_lock = 1;
        hal::context::park_and_resume(run.user_contexts[from], run.user_contexts[to],
                                      kParkResult + to, &run.cpu_lock);
    }
    hal::context::park(run.user_contexts[from]);
    hal::context::switch_from_parked(run.user_contexts[to]);
}

int64_t record_syscall(const hal::syscall::Arguments& arguments, const ExceptionFrame& frame) {
    ++run.syscalls;
    int self = run.running;
    run.arguments = arguments;
    run.syscall_frames[self] = frame;
    run.interrupts_enabled_in_syscall = hal::interrupts_enabled();
    switch (arguments.number) {
        case kCallPrint: {
            uint64_t length = arguments.values[1];
            if (length < sizeof(run.message)) {
                run.message_copied =
                    !hal::mm::copy_from_user(run.message, arguments.values[0], length).is_error();
            }
            return static_cast<int64_t>(kUnmappedAddress);
        }
        case kCallYield:
            switch_from_user_thread(self, 1 - self);
            return 0;
        case kCallReportFp:
            run.reported[self] = true;
            // Never resumed: the other thread finishes, then the test. A
            // parked one is resumed only by parking.
            if (!run.reported[1 - self] && run.parked[1 - self]) park_switching_to(1 - self);
            switch_from_user_thread(self, run.reported[1 - self] ? -1 : 1 - self);
            return 0;
        case kCallReportSpin:
            run.reported[self] = true;
            switch_from_user_thread(self, -1);
            return 0;
        case kCallNull:
            return 0;
        case kCallPark:
            park_switching_to(1 - self);
    }
    return -1;
}

void record_fault(const hal::user::Fault& fault, const ExceptionFrame& frame) {
    run.faulted = true;
    run.fault = fault;
    size_t i = 0;
    for (; fault.description[i] != '\0' && i + 1 < sizeof(run.fault_description); ++i)
        run.fault_description[i] = fault.description[i];
    run.fault_description[i] = '\0';
    run.fault.description = run.fault_description;
    run.fault_frame = frame;
    // The user thread is abandoned here, never switched back to.
    for (;;)
        switch_from_user_thread(run.running, -1);
}

void count_interrupt(const ExceptionFrame&) {
    ++run.interrupts_from_user;
}

void count_return() {
    ++run.returns_to_user;
}

UserTrapHooks hooks{record_syscall, record_fault, count_interrupt, count_return};

void user_thread(void* argument) {
    hal::context::enter_user_mode(*static_cast<hal::context::UserEntry*>(argument));
}

// Makes the program's code visible to instruction fetch: written through
// the data side, it must reach the point of unification before the
// instruction cache (invalidated whole) fetches it.
void synchronize_instruction_cache(uintptr_t start, size_t length) {
    uint64_t ctr;
    asm volatile("mrs %0, ctr_el0" : "=r"(ctr));
    uint64_t line = 4u << ((ctr >> 16) & 0xf);  // DminLine, in words
    for (uintptr_t address = start & ~(line - 1); address < start + length; address += line)
        asm volatile("dc cvau, %0" : : "r"(address) : "memory");
    asm volatile("dsb ish\n\tic ialluis\n\tdsb ish\n\tisb" ::: "memory");
}

// An address space with the program at kCodeAddress (r-x) and untouched
// stack pages (rw-), one per thread, active on this CPU.
kernel::mm::AddressSpace* create_user_space(Context& context) {
    auto created = kernel::mm::AddressSpace::create();
    if (!CHECK(!created.is_error())) return nullptr;
    kernel::mm::AddressSpace* space = created.value();
    kernel::mm::MapRequest code;
    code.permissions = {.read = true, .write = true, .execute = false};
    code.length = kPageSize;
    code.address = kCodeAddress;
    code.fixed = true;
    kernel::mm::MapRequest stack = code;
    stack.address = kStackAddress;
    stack.length = kThreads * kPageSize;
    if (!CHECK(!space->map(code).is_error()) || !CHECK(!space->map(stack).is_error())) {
        space->destroy();
        return nullptr;
    }
    space->activate();
    size_t length = aarch64_user_test_program_end - aarch64_user_test_program;
    bool copied =
        CHECK(!hal::mm::copy_to_user(kCodeAddress, aarch64_user_test_program, length).is_error());
    synchronize_instruction_cache(kCodeAddress, length);
    bool protected_ = CHECK(
        !space->protect(kCodeAddress, kPageSize, {.read = true, .write = false, .execute = true})
             .is_error());
    if (!copied || !protected_) {
        space->destroy();
        return nullptr;
    }
    return space;
}

struct Program {
    const char* label;
    uint64_t arguments[kThreads][2];
    int threads = 1;
    uint64_t timer_delay_ns = 0;  // arm the one-shot timer first, if not 0
};

// Runs `program` on user threads (the first starts) until they hand the CPU
// back to the test.
bool run_program(Context& context, const Program& program) {
    kernel::mm::AddressSpace* space = create_user_space(context);
    if (space == nullptr) return false;
    run = Run{};
    for (int i = 0; i < program.threads; ++i) {
        hal::context::UserEntry& entry = run.entries[i];
        entry.pc = kCodeAddress + offset_of(program.label);
        entry.stack_pointer = kStackAddress + (i + 1) * kPageSize;
        entry.argument0 = program.arguments[i][0];
        entry.argument1 = program.arguments[i][1];
        entry.thread_pointer = kThreadPointer + i;
        hal::context::initialize(
            run.user_contexts[i],
            reinterpret_cast<uintptr_t>(user_thread_stacks[i] + sizeof(user_thread_stacks[i])),
            user_thread, &entry);
        hal::context::enable_user_state(run.user_contexts[i]);
    }
    hal::InterruptState interrupts = hal::disable_interrupts();
    set_user_trap_hooks(&hooks);  // the user threads run on this CPU only
    if (program.timer_delay_ns != 0) hal::timer::arm_oneshot(program.timer_delay_ns);
    hal::context::switch_to(run.main_context, run.user_contexts[0]);
    set_user_trap_hooks(nullptr);
    hal::restore_interrupts(interrupts);
    space->destroy();
    return true;
}

KERNEL_TEST(arm_user, system_call_and_page_fault_from_el0) {
    REQUIRE(run_program(
        context, {.label = aarch64_user_test_program, .arguments = {{kArgument0, kArgument1}}}));
    const ExceptionFrame& call = run.syscall_frames[0];
    // The system call: number and arguments, the message read from user
    // memory, IRQs unmasked, the return address past the svc.
    REQUIRE_EQ(run.syscalls, 1);
    CHECK_EQ(run.arguments.number, kCallPrint);
    CHECK_EQ(run.arguments.values[0], kCodeAddress + offset_of(aarch64_user_test_message));
    CHECK_EQ(run.arguments.values[1], kMessageLength);
    CHECK(run.message_copied);
    CHECK(os::string_equal(run.message, "hello from EL0"));
    CHECK(run.interrupts_enabled_in_syscall);
    CHECK_EQ(call.elr, kCodeAddress + kSvcOffset + 4);
    CHECK_EQ(call.spsr & 0x3cf, 0u);  // EL0t, D A I F unmasked
    // Entry state: the arguments, the thread pointer, FP/SIMD usable, the
    // lazily mapped stack page faulted in; every other register zero.
    CHECK_EQ(call.x[20], kArgument0);
    CHECK_EQ(call.x[21], kArgument1);
    CHECK_EQ(call.x[22], kThreadPointer);
    CHECK_EQ(call.x[23], kArgument0);
    CHECK_EQ(call.x[24], kArgument1);
    CHECK_EQ(call.sp, kStackAddress + kPageSize);
    bool others_zero = true;
    for (int i = 2; i <= 30; ++i) {
        if (i == 8 || (i >= 20 && i <= 24)) continue;
        others_zero = others_zero && call.x[i] == 0;
    }
    CHECK(others_zero);
    // The fault: the result came back in x0 and was read from; every other
    // register survived the call. Each return to user mode (the entry, the
    // resolved stack fault, the call) went through the kernel's hook.
    REQUIRE(run.faulted);
    CHECK_EQ(run.fault.pc, kCodeAddress + kFaultingLoadOffset);
    CHECK_EQ(run.fault.address, kUnmappedAddress);
    CHECK(os::string_equal(run.fault.description,
                           "page fault in user mode: read at 0x0000000000001230 (not "
                           "present) pc 0x000000000040002c"));
    CHECK_EQ(run.fault_frame.x[0], kUnmappedAddress);
    CHECK_EQ(run.fault_frame.x[1], kMessageLength);
    CHECK_EQ(run.fault_frame.x[8], kCallPrint);
    CHECK_EQ(run.fault_frame.x[20], kArgument0);
    CHECK_EQ(run.fault_frame.x[22], kThreadPointer);
    CHECK(run.returns_to_user >= 3);
}

KERNEL_TEST(arm_user, undefined_instruction_is_a_user_fault) {
    REQUIRE(run_program(
        context, {.label = aarch64_user_test_undefined, .arguments = {{kArgument0, kArgument1}}}));
    CHECK_EQ(run.syscalls, 0);
    REQUIRE(run.faulted);
    CHECK(os::string_equal(run.fault.description, "unknown/undefined instruction"));
    CHECK_EQ(run.fault.pc, kCodeAddress + offset_of(aarch64_user_test_undefined));
    CHECK_EQ(run.fault.address, 0u);
    CHECK_EQ(run.fault_frame.x[0], kArgument0);
    CHECK_EQ(run.fault_frame.x[1], kArgument1);
}

KERNEL_TEST(arm_user, switch_keeps_fp_simd_state_and_thread_pointer) {
    // FPCR rounding modes +inf and -inf (RMode, bits 23:22).
    constexpr uint64_t kSeeds[kThreads] = {0x1111222233334444, 0x5555666677778888};
    constexpr uint64_t kFpcrs[kThreads] = {uint64_t{1} << 22, uint64_t{2} << 22};
    REQUIRE(run_program(context, {.label = aarch64_user_test_fp,
                                  .arguments = {{kSeeds[0], kFpcrs[0]}, {kSeeds[1], kFpcrs[1]}},
                                  .threads = kThreads}));
    CHECK(!run.faulted);
    CHECK_EQ(run.syscalls, 4);
    for (int i = 0; i < kThreads; ++i) {
        CHECK(run.reported[i]);
        const ExceptionFrame& report = run.syscall_frames[i];
        CHECK_EQ(report.x[20], kSeeds[i]);
        CHECK_EQ(report.x[21], kSeeds[i]);
        CHECK_EQ(report.x[22], kSeeds[i]);
        CHECK_EQ(report.x[23], kFpcrs[i]);
        CHECK_EQ(report.x[24], kThreadPointer + i);
    }
}

// The parked switches (hal/park.h) keep each thread's FP/SIMD state, FPCR,
// thread pointer and registers: park() and park_and_resume() with FP/SIMD
// live (saved, then loaded lazily on the next use), park_and_resume()'s
// result in x0 and the CPU lock released.
KERNEL_TEST(arm_user, parking_keeps_fp_simd_state_and_thread_pointer) {
    constexpr uint64_t kSeeds[kThreads] = {0x9999aaaabbbbcccc, 0xddddeeeeffff0000};
    constexpr uint64_t kFpcrs[kThreads] = {uint64_t{2} << 22, uint64_t{1} << 22};
    REQUIRE(run_program(context, {.label = aarch64_user_test_park,
                                  .arguments = {{kSeeds[0], kFpcrs[0]}, {kSeeds[1], kFpcrs[1]}},
                                  .threads = kThreads}));
    CHECK(!run.faulted);
    CHECK_EQ(run.syscalls, 4);
    CHECK_EQ(run.parked_resumptions, 2);
    CHECK_EQ(run.cpu_lock, 0u);
    for (int i = 0; i < kThreads; ++i) {
        CHECK(run.reported[i]);
        const ExceptionFrame& report = run.syscall_frames[i];
        CHECK_EQ(report.x[19], kSeeds[i]);
        CHECK_EQ(report.x[20], kSeeds[i]);
        CHECK_EQ(report.x[21], kSeeds[i]);
        CHECK_EQ(report.x[22], kSeeds[i]);
        CHECK_EQ(report.x[23], kFpcrs[i]);
        CHECK_EQ(report.x[24], kThreadPointer + i);
        CHECK_EQ(report.x[25], static_cast<uint64_t>(kParkResult + i));
    }
}

KERNEL_TEST(arm_user, interrupts_from_el0_keep_registers) {
    constexpr uint64_t kPattern = 0x0123456789abcdef;
    REQUIRE(run_program(context, {.label = aarch64_user_test_spin,
                                  .arguments = {{20000000, kPattern}},
                                  .timer_delay_ns = 100000}));
    CHECK(!run.faulted);
    REQUIRE(run.reported[0]);
    CHECK(run.interrupts_from_user >= 1);
    CHECK(run.returns_to_user >= 2);
    const ExceptionFrame& report = run.syscall_frames[0];
    CHECK_EQ(report.x[0], 0u);
    CHECK_EQ(report.x[1], kPattern);
    CHECK_EQ(report.x[19], kPattern);
    CHECK_EQ(report.x[28], kPattern);
    CHECK_EQ(report.x[20], kPattern);
}

// Not a check: the cost of an empty system call from EL0 and back (the
// HAL's part; the hook stands in for kernel::handle_syscall). Instructions
// under QEMU's -icount shift=0, where the cycle counter counts them.
KERNEL_TEST(arm_user, null_system_call_cost) {
    constexpr uint64_t kCalls = 10000;
    uint64_t start = hal::cycle_counter();
    REQUIRE(
        run_program(context, {.label = aarch64_user_test_null_calls, .arguments = {{kCalls, 0}}}));
    uint64_t cycles = hal::cycle_counter() - start;
    CHECK(run.reported[0]);
    CHECK_EQ(run.syscalls, kCalls + 1);
    kernel::print("arm_user: %llu cycles per empty system call (%llu calls)\n",
                  static_cast<unsigned long long>(cycles / kCalls),
                  static_cast<unsigned long long>(kCalls));
}

// Not a check either: the cost of switch_to between two kernel threads, and
// between two threads with user state (FP/SIMD and TPIDR_EL0 move too).
struct PingPong {
    hal::context::ThreadContext main_context{};
    hal::context::ThreadContext partner_context{};
};
PingPong ping_pong;

void bounce_back(void*) {
    for (;;)
        hal::context::switch_to(ping_pong.partner_context, ping_pong.main_context);
}

uint64_t cycles_per_switch(bool user_state) {
    constexpr uint64_t kRounds = 10000;
    ping_pong = PingPong{};
    hal::context::initialize(
        ping_pong.partner_context,
        reinterpret_cast<uintptr_t>(user_thread_stacks[0] + sizeof(user_thread_stacks[0])),
        bounce_back, nullptr);
    if (user_state) {
        hal::context::enable_user_state(ping_pong.main_context);
        hal::context::enable_user_state(ping_pong.partner_context);
    }
    hal::InterruptState interrupts = hal::disable_interrupts();
    uint64_t start = hal::cycle_counter();
    for (uint64_t i = 0; i < kRounds; ++i)
        hal::context::switch_to(ping_pong.main_context, ping_pong.partner_context);
    uint64_t cycles = hal::cycle_counter() - start;
    hal::restore_interrupts(interrupts);
    return cycles / (2 * kRounds);
}

KERNEL_TEST(arm_user, switch_cost) {
    uint64_t kernel_only = cycles_per_switch(false);
    uint64_t with_user_state = cycles_per_switch(true);
    CHECK(kernel_only > 0);
    kernel::print(
        "arm_user: %llu cycles per switch_to between kernel threads, %llu with user "
        "state\n",
        static_cast<unsigned long long>(kernel_only),
        static_cast<unsigned long long>(with_user_state));
}

}  // namespace
}  // namespace hal::aarch64
