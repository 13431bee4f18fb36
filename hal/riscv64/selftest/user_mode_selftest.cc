// `test=rv_user`: U-mode on riscv64 below the scheduler and the system call
// layer. A hal::context thread enters user code copied from user_blob.S into
// a fresh address space; the HAL's test hooks (user_trap.h) stand in for the
// kernel's system call, fault and return hooks, record what arrives and end
// the run by switching back to the test when the user code faults.
#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/riscv64/user_trap.h"
#include "hal/thread_context.h"
#include "hal/user_mode.h"
#include "kernel/debug/print.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/selftest/selftest.h"

extern "C" const char riscv64_user_blob[], riscv64_user_blob_end[];
extern "C" const char riscv64_user_blob_fault[], riscv64_user_blob_illegal[],
    riscv64_user_blob_breakpoint[], riscv64_user_blob_spin[], riscv64_user_blob_loop[];

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

struct UserRun {
    hal::context::ThreadContext test_context{};
    hal::context::ThreadContext user_context{};
    hal::context::UserEntry entry;
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
alignas(16) unsigned char user_kernel_stack[kKernelStackSize];

int64_t record_syscall(const hal::syscall::Arguments& arguments) {
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
    hal::context::switch_to(run->user_context, run->test_context);
    hal::halt();
}

// After an interrupt from U-mode, sets the word riscv64_user_blob_spin waits
// for.
void record_return_to_user() {
    ++run->returns_to_user;
    const TrapFrame* frame = current_user_frame();
    if (frame == nullptr || (frame->scause >> 63) == 0) return;
    ++run->interrupts_from_user;
    uint32_t one = 1;
    (void)hal::mm::copy_to_user(kStackAddress, &one, sizeof(one));
}

// No preemption while the test's threads run behind the scheduler's back.
void ignore_interrupt_return() {}

UserTrapHooks hooks{record_syscall, record_fault, record_return_to_user, ignore_interrupt_return};

void user_thread(void*) {
    hal::context::enter_user_mode(run->entry);
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

// Runs the blob from `entry_point` in a new address space until it faults.
// false if the address space could not be set up.
bool run_user_code(UserRun& state, const char* entry_point) {
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
        state.entry.pc = kCodeAddress + static_cast<uint64_t>(entry_point - riscv64_user_blob);
        state.entry.stack_pointer = kStackTop;
        state.entry.argument0 = kArgument0;
        state.entry.argument1 = kArgument1;
        state.entry.thread_pointer = kThreadPointer;
        run = &state;
        hal::context::initialize(state.user_context,
                                 reinterpret_cast<uintptr_t>(user_kernel_stack + kKernelStackSize),
                                 user_thread, nullptr);
        hal::context::enable_user_state(state.user_context);
        hal::InterruptState interrupts = hal::disable_interrupts();
        user_trap_hooks = &hooks;
        hal::context::switch_to(state.test_context, state.user_context);
        user_trap_hooks = nullptr;
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
