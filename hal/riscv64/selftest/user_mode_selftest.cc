// `test=rv_user`: U-mode on riscv64 below the scheduler and the system call
// layer. A hal::context thread enters user code copied from user_blob.S into
// a fresh address space; the HAL's test hooks (user_trap.h) stand in for the
// kernel's system call, fault and return hooks, record what arrives and end
// the run by switching back to the test when the user code faults.
#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/park.h"
#include "hal/riscv64/user_trap.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/debug/print.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/selftest/selftest.h"

extern "C" const char riscv64_user_blob[], riscv64_user_blob_end[];
extern "C" const char riscv64_user_blob_fault[], riscv64_user_blob_illegal[],
    riscv64_user_blob_breakpoint[], riscv64_user_blob_spin[], riscv64_user_blob_loop[],
    riscv64_user_blob_fp[], riscv64_user_blob_numbers[];

namespace hal::riscv64 {
namespace {

using kernel::mm::AddressSpace;
using kernel::mm::MapRequest;
using kernel::mm::Permissions;

constexpr uint64_t kCodeAddress = 0x400000;
constexpr uint64_t kStackAddress = 0x800000;
constexpr uint64_t kStackTop = kStackAddress + hal::mm::kPageSize;
constexpr uint64_t kArgument0 = 0xa0a0;
constexpr uint64_t kArgument1 = 0xa1a1;
constexpr uint64_t kThreadPointer = 0x7e7e;
constexpr int64_t kFirstResult = 0x1234;
constexpr size_t kMaxCalls = 4;
constexpr size_t kKernelStackSize = 16384;
constexpr size_t kNullCallCount = 1000;  // riscv64_user_blob_loop
constexpr int kMaxThreads = 2;
// Each thread's stack top: the stack page split in two.
constexpr uint64_t kThreadStackSize = hal::mm::kPageSize / kMaxThreads;
// riscv64_user_blob_fp's system calls.
constexpr uint64_t kCallYield = 4;
constexpr uint64_t kCallReportFp = 5;
constexpr uint64_t kCallPark = 6;
// riscv64_user_blob_fp's word at sp - 8: armed by the thread, set by the
// return hook when it preempts the thread.
constexpr uint32_t kArmed = 1;
constexpr uint32_t kPreempted = 2;

struct UserRun {
    hal::context::ThreadContext test_context{};
    hal::context::ThreadContext user_contexts[kMaxThreads]{};
    hal::context::UserEntry entries[kMaxThreads];
    int threads = 1;
    int running = 0;  // the user thread on the CPU
    bool reported[kMaxThreads] = {};
    hal::syscall::Arguments reports[kMaxThreads] = {};
    int preemptions = 0;
    bool parked[kMaxThreads] = {};
    int parked_resumptions = 0;  // by park_and_resume
    uint32_t cpu_lock = 0;       // what park_and_resume releases
    hal::syscall::Arguments calls[kMaxCalls] = {};
    size_t call_count = 0;
    uint64_t first_loop_call_cycles = 0;  // hal::cycle_counter() at the first system call 3
    uint64_t last_loop_call_cycles = 0;   // ... and at the last
    size_t returns_to_user = 0;
    size_t interrupts_from_user = 0;
    hal::user::Fault fault = {};
    bool faulted = false;
    char description[160] = {};
};

constinit UserRun* run = nullptr;
alignas(16) unsigned char user_kernel_stacks[kMaxThreads][kKernelStackSize];

// From the running user thread to user thread `to` (-1: back to the test);
// interrupts masked.
void switch_from_user_thread(int to) {
    int from = run->running;
    run->running = to;
    hal::context::switch_to(run->user_contexts[from],
                            to < 0 ? run->test_context : run->user_contexts[to]);
}

// Parks the running user thread (hal/park.h) and gives the CPU to user
// thread `to`: straight back to its user mode from its frame if it is
// parked (result 0), else where it was switched out. Interrupts masked.
[[noreturn]] void park_switching_to(int to) {
    int from = run->running;
    run->running = to;
    run->parked[from] = true;
    if (run->parked[to]) {
        run->parked[to] = false;
        ++run->parked_resumptions;
        run->cpu_lock = 1;
        hal::context::park_and_resume(run->user_contexts[from], run->user_contexts[to], 0,
                                      &run->cpu_lock);
    }
    hal::context::park(run->user_contexts[from]);
    hal::context::switch_from_parked(run->user_contexts[to]);
}

int64_t record_syscall(const hal::syscall::Arguments& arguments) {
    if (run->threads > 1) {
        // riscv64_user_blob_fp: the other thread's turn.
        int self = run->running;
        hal::InterruptState interrupts = hal::disable_interrupts();
        if (arguments.number == kCallYield) {
            switch_from_user_thread(1 - self);
        } else if (arguments.number == kCallPark) {
            park_switching_to(1 - self);
        } else if (arguments.number == kCallReportFp) {
            run->reported[self] = true;
            run->reports[self] = arguments;
            // Never resumed: the other thread finishes, then the test. A
            // parked one is resumed only by parking.
            if (!run->reported[1 - self] && run->parked[1 - self]) park_switching_to(1 - self);
            switch_from_user_thread(run->reported[1 - self] ? -1 : 1 - self);
        }
        hal::restore_interrupts(interrupts);
        return 0;
    }
    if (arguments.number == 3) {
        uint64_t now = hal::cycle_counter();
        if (run->first_loop_call_cycles == 0) run->first_loop_call_cycles = now;
        run->last_loop_call_cycles = now;
    }
    if (run->call_count < kMaxCalls) run->calls[run->call_count] = arguments;
    return ++run->call_count == 1 ? kFirstResult : 0;
}

// The user thread ends here: back to the test, never to return.
void record_fault(const hal::user::Fault& fault) {
    run->fault = fault;
    run->faulted = true;
    size_t i = 0;
    for (; fault.description != nullptr && fault.description[i] != 0 &&
           i + 1 < sizeof(run->description);
         ++i)
        run->description[i] = fault.description[i];
    run->description[i] = 0;
    hal::disable_interrupts();
    switch_from_user_thread(-1);
    hal::halt();
}

// After an interrupt from U-mode, sets the word riscv64_user_blob_spin waits
// for.
void record_return_to_user() {
    ++run->returns_to_user;
    const TrapFrame* frame = current_user_frame();
    if (frame == nullptr || (frame->scause >> 63) == 0) return;
    ++run->interrupts_from_user;
    if (run->threads > 1) {
        // riscv64_user_blob_fp: preempts a thread that armed its word.
        uint64_t word = kStackTop - static_cast<uint64_t>(run->running) * kThreadStackSize - 8;
        uint32_t value = 0;
        if (hal::mm::copy_from_user(&value, word, sizeof(value)).is_error() || value != kArmed)
            return;
        value = kPreempted;
        (void)hal::mm::copy_to_user(word, &value, sizeof(value));
        ++run->preemptions;
        switch_from_user_thread(1 - run->running);
        return;
    }
    uint32_t one = 1;
    (void)hal::mm::copy_to_user(kStackAddress, &one, sizeof(one));
}

// No preemption while the test's threads run behind the scheduler's back.
void ignore_interrupt_return() {}

UserTrapHooks hooks{record_syscall, record_fault, record_return_to_user, ignore_interrupt_return};

void user_thread(void* index) {
    hal::context::enter_user_mode(run->entries[reinterpret_cast<uintptr_t>(index)]);
}

bool contains(const char* text, const char* part) {
    for (; *text != 0; ++text) {
        size_t i = 0;
        while (part[i] != 0 && text[i] == part[i])
            ++i;
        if (part[i] == 0) return true;
    }
    return false;
}

uint64_t map(AddressSpace* space, uint64_t address, Permissions permissions) {
    MapRequest request;
    request.permissions = permissions;
    request.length = hal::mm::kPageSize;
    request.address = address;
    request.fixed = true;
    auto mapped = space->map(request);
    return mapped.is_error() ? 0 : mapped.value();
}

// Runs the blob from `entry_point` in a new address space until it faults
// (or, with `threads` = 2, until both threads reported), each thread with
// its own half of the stack page; thread i starts with a0/a1 =
// `arguments[i]`. false if the address space could not be set up.
bool run_user_code(UserRun& state, const char* entry_point, int threads = 1,
                   const uint64_t (*arguments)[2] = nullptr) {
    auto created = AddressSpace::create();
    if (created.is_error()) return false;
    AddressSpace* space = created.value();
    kernel::mm::as_switch(space);

    constexpr Permissions kReadWrite{.read = true, .write = true, .execute = false};
    constexpr Permissions kReadExecute{.read = true, .write = false, .execute = true};
    size_t code_size = static_cast<size_t>(riscv64_user_blob_end - riscv64_user_blob);
    bool ready = code_size <= hal::mm::kPageSize && map(space, kCodeAddress, kReadWrite) != 0 &&
                 !hal::mm::copy_to_user(kCodeAddress, riscv64_user_blob, code_size).is_error() &&
                 !space->protect(kCodeAddress, hal::mm::kPageSize, kReadExecute).is_error() &&
                 map(space, kStackAddress, kReadWrite) != 0;
    if (ready) {
        // The code was written through the data side: make this hart's
        // instruction fetches see it (fence.i, Zifencei).
        asm volatile(".insn i 0x0f, 1, x0, x0, 0" ::: "memory");
        state.threads = threads;
        for (int i = 0; i < threads; ++i) {
            hal::context::UserEntry& entry = state.entries[i];
            entry.pc = kCodeAddress + static_cast<uint64_t>(entry_point - riscv64_user_blob);
            entry.stack_pointer = kStackTop - static_cast<uint64_t>(i) * kThreadStackSize;
            entry.argument0 = arguments != nullptr ? arguments[i][0] : kArgument0;
            entry.argument1 = arguments != nullptr ? arguments[i][1] : kArgument1;
            entry.thread_pointer = kThreadPointer;
            hal::context::initialize(
                state.user_contexts[i],
                reinterpret_cast<uintptr_t>(user_kernel_stacks[i] + kKernelStackSize), user_thread,
                reinterpret_cast<void*>(static_cast<uintptr_t>(i)));
            hal::context::enable_user_state(state.user_contexts[i]);
        }
        run = &state;
        hal::InterruptState interrupts = hal::disable_interrupts();
        set_user_trap_hooks(&hooks);
        state.running = 0;
        hal::context::switch_to(state.test_context, state.user_contexts[0]);
        set_user_trap_hooks(nullptr);
        hal::restore_interrupts(interrupts);
        run = nullptr;
    }
    kernel::mm::as_switch(nullptr);
    space->destroy();
    return ready;
}

uint64_t offset_of(const char* label) {
    return static_cast<uint64_t>(label - riscv64_user_blob);
}

KERNEL_TEST(rv_user, system_calls_keep_registers_then_a_bad_store_ends_the_thread) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob));

    REQUIRE_EQ(state.call_count, 2u);
    const hal::syscall::Arguments& first = state.calls[0];
    CHECK_EQ(first.number, 0u);
    for (size_t i = 0; i < hal::syscall::kArgumentCount; ++i)
        CHECK_EQ(first.values[i], 0x10 + i);
    const hal::syscall::Arguments& report = state.calls[1];
    CHECK_EQ(report.number, 1u);
    CHECK_EQ(report.values[0], static_cast<uint64_t>(kFirstResult));  // the result came back in a0
    CHECK_EQ(report.values[1], 0u);  // registers the first call did not preserve
    CHECK_EQ(report.values[2], kThreadPointer);
    CHECK_EQ(report.values[3], kStackTop);
    CHECK_EQ(report.values[4], kArgument0);
    CHECK_EQ(report.values[5], kArgument1);
    // One return per system call (no interrupt is needed for the test to pass,
    // but each one that hits user mode returns through the hook too).
    CHECK(state.returns_to_user >= 2);

    REQUIRE(state.faulted);
    CHECK_EQ(state.fault.pc, kCodeAddress + offset_of(riscv64_user_blob_fault));
    CHECK_EQ(state.fault.address, 8u);
    CHECK(contains(state.description, "page fault in user mode: write at 0x0000000000000008"));
}

// The IPC fast path's numbers (98, 100) have their own way in
// (trap_entry.S); with the test hooks set they reach the hook like any other
// call, with their arguments and their result.
KERNEL_TEST(rv_user, fast_path_numbers_reach_the_hook_with_their_arguments) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_numbers));
    REQUIRE_EQ(state.call_count, 3u);
    constexpr uint64_t kNumbers[] = {98, 99, 100};
    for (size_t call = 0; call < 3; ++call) {
        const hal::syscall::Arguments& arguments = state.calls[call];
        CHECK_EQ(arguments.number, kNumbers[call]);
        // The first call's a0 is the blob's; the others get the previous result.
        uint64_t first = call == 0 ? 0x20 : call == 1 ? static_cast<uint64_t>(kFirstResult) : 0;
        CHECK_EQ(arguments.values[0], first);
        for (size_t i = 1; i < hal::syscall::kArgumentCount; ++i)
            CHECK_EQ(arguments.values[i], 0x20 + i);
    }
    REQUIRE(state.faulted);
    CHECK_EQ(state.fault.address, 8u);
}

KERNEL_TEST(rv_user, illegal_instruction_is_a_user_fault) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_illegal));
    CHECK_EQ(state.call_count, 0u);
    REQUIRE(state.faulted);
    CHECK_EQ(state.fault.pc, kCodeAddress + offset_of(riscv64_user_blob_illegal));
    CHECK_EQ(state.fault.address, 0u);
    CHECK(contains(state.description, "illegal instruction"));
}

KERNEL_TEST(rv_user, breakpoint_is_a_user_fault) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_breakpoint));
    REQUIRE(state.faulted);
    CHECK_EQ(state.fault.pc, kCodeAddress + offset_of(riscv64_user_blob_breakpoint));
    CHECK(contains(state.description, "breakpoint"));
}

KERNEL_TEST(rv_user, interrupts_from_user_mode_keep_registers) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_spin));
    CHECK(state.interrupts_from_user >= 1);
    REQUIRE_EQ(state.call_count, 1u);
    const hal::syscall::Arguments& report = state.calls[0];
    CHECK_EQ(report.number, 2u);
    CHECK_EQ(report.values[1], 0u);  // registers the interrupts did not preserve
    CHECK_EQ(report.values[2], kThreadPointer);
    CHECK_EQ(report.values[3], kStackTop);
    CHECK_EQ(report.values[4], kArgument0);
    CHECK_EQ(report.values[5], kArgument1);
    REQUIRE(state.faulted);
    CHECK_EQ(state.fault.address, 8u);
}

// FP state is switched lazily (context/switch.S): two threads with different
// FP registers and fcsr (rounding mode and flags) take turns on the CPU, by
// a yield, by a preemption from an interrupt, then by parking (the second
// to park resumes the first through park_and_resume with its FP registers
// Dirty, which it must save; the first's report resumes the second the same
// way), and each finds its own values every time. A return that restored the FS of its trap frame
// instead of the live one would leave a thread running on the other's
// registers marked Clean or Dirty, and this would count them.
KERNEL_TEST(rv_user, switches_keep_each_threads_fp_state) {
    constexpr uint64_t kArguments[kMaxThreads][2] = {
        {0x1111222233334444, (1 << 5) | 0x01},  // frm RTZ, NX set
        {0x5555666677778888, (3 << 5) | 0x10},  // frm RUP, NV set
    };
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_fp, kMaxThreads, kArguments));
    CHECK(!state.faulted);
    CHECK_EQ(state.preemptions, 2);
    CHECK_EQ(state.parked_resumptions, 2);
    CHECK_EQ(state.cpu_lock, 0u);  // released by park_and_resume
    for (int i = 0; i < kMaxThreads; ++i) {
        REQUIRE(state.reported[i]);
        CHECK_EQ(state.reports[i].values[1], 0u);  // f0..f31 and fcsr after the yield
        CHECK_EQ(state.reports[i].values[2], 0u);  // ... after the preemption
        CHECK_EQ(state.reports[i].values[3], 0u);  // ... after the park
    }
}

// The cost of a system call that does nothing, from one ecall to the next
// (the loop adds three instructions). Under QEMU -icount the cycle counter
// counts instructions.
KERNEL_TEST(rv_user, null_system_call_round_trip) {
    static UserRun state;
    state = UserRun{};
    REQUIRE(run_user_code(state, riscv64_user_blob_loop));
    REQUIRE_EQ(state.call_count, kNullCallCount);
    CHECK(state.faulted);
    uint64_t per_call =
        (state.last_loop_call_cycles - state.first_loop_call_cycles) / (kNullCallCount - 1);
    kernel::print("rv_user: null system call round trip: %llu cycles\n",
                  static_cast<unsigned long long>(per_call));
}

// `test=rv_fatal_kernel_stack`: a trap on a kernel stack the frame cannot be
// stored on (here a user address, which S-mode cannot write with SUM off)
// faults inside the trap vector; that nested trap goes to the CPU's trap
// stack and is reported, instead of faulting forever.
KERNEL_TEST(rv_fatal_kernel_stack, trap_on_an_unusable_stack_is_reported) {
    hal::disable_interrupts();
    asm volatile(
        "li sp, 0x1000\n"
        "unimp\n" ::
            : "memory");
}

}  // namespace
}  // namespace hal::riscv64
