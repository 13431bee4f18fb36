// System calls: the MSRs behind the `syscall` instruction, and the C++ half
// of its entry (cpu/syscall_entry.S builds the frame). The register
// convention is hal/user_mode.h's: number in rax, arguments in rdi, rsi,
// rdx, r10, r8, r9, result in rax; rcx and r11 are lost to the instruction.
#include "hal/x86_64/cpu/syscall.h"

#include <stddef.h>

#include "hal/cpu.h"
#include "hal/user_mode.h"
#include "hal/x86_64/cpu/exception_frame.h"
#include "hal/x86_64/cpu/exceptions.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/thread/test_hooks.h"

extern "C" void x86_64_syscall_entry();
extern "C" void x86_64_syscall_entry_without_fast_path();

namespace hal::x86_64 {
namespace {

constexpr uint32_t kMsrEfer = 0xc0000080;
constexpr uint32_t kMsrStar = 0xc0000081;
constexpr uint32_t kMsrLstar = 0xc0000082;
constexpr uint32_t kMsrFmask = 0xc0000084;
constexpr uint64_t kEferSystemCallEnable = 1 << 0;

// RFLAGS bits `syscall` clears: IF (the entry has no stack yet), DF (the ABI
// wants it clear), TF (no single-step trap on the kernel's first
// instructions), AC (no SMAP override inherited from user mode), NT.
constexpr uint64_t kFlagsTrap = 1 << 8;
constexpr uint64_t kFlagsDirection = 1 << 10;
constexpr uint64_t kFlagsNestedTask = 1 << 14;
constexpr uint64_t kEntryFlagsMask =
    kFlagsTrap | kFlagsInterruptEnable | kFlagsDirection | kFlagsNestedTask | kFlagsAlignmentCheck;

}  // namespace

test_hooks::Hooks test_hooks::hooks;

void test_hooks::install(const Hooks& installed) {
    hooks = installed;
    write_msr(kMsrLstar, reinterpret_cast<uint64_t>(&x86_64_syscall_entry_without_fast_path));
}

void test_hooks::remove() {
    hooks = {};
    write_msr(kMsrLstar, reinterpret_cast<uint64_t>(&x86_64_syscall_entry));
}

void enable_system_calls_on_this_cpu() {
    // STAR[47:32]: CS on entry (SS = +8); STAR[63:48]: the base sysret adds
    // 16 (CS) and 8 (SS) to (cpu/gdt.h orders the GDT for it).
    write_msr(kMsrStar,
              (uint64_t{kKernelDataSelector} << 48) | (uint64_t{kKernelCodeSelector} << 32));
    write_msr(kMsrLstar, reinterpret_cast<uint64_t>(&x86_64_syscall_entry));
    write_msr(kMsrFmask, kEntryFlagsMask);
    write_msr(kMsrEfer, read_msr(kMsrEfer) | kEferSystemCallEnable);
}

}  // namespace hal::x86_64

// Called by syscall_entry.S with interrupts masked, on the thread's kernel
// stack, `frame` at its top and the call's `arguments` (the frame's rax, rdi,
// rsi, rdx, r10, r8, r9) below it; returns with interrupts masked.
extern "C" void x86_64_handle_system_call(hal::x86_64::ExceptionFrame* frame,
                                          const hal::syscall::Arguments* arguments) {
    using namespace hal::x86_64;
    enable_interrupts();
    if (test_hooks::active()) [[unlikely]] {
        frame->rax = static_cast<uint64_t>(test_hooks::hooks.system_call(*arguments));
        disable_interrupts();
    } else {
        // return_to_user() without its second look at the hooks.
        frame->rax = static_cast<uint64_t>(kernel::handle_syscall(*arguments));
        disable_interrupts();
        kernel::handle_return_to_user();
    }
    // `sysret` to a non-canonical rip raises #GP in ring 0 (Intel) with the
    // user's rsp and GS base, and `iretq` faults there too: only a `syscall`
    // in the last bytes of the user half gets here (the next instruction is
    // past its end). Such a thread is ended as if its next fetch faulted.
    if (frame->rip >= kUserSpaceEnd) [[unlikely]] {
        report_user_fault(*frame, "return past the end of user space", 0);
    }
}

// syscall_entry.S's numbers of the calls that have a fast path, and what
// its checks before offering them assume.
static_assert(hal::syscall::has_fast_path(98) && hal::syscall::has_fast_path(100));
static_assert(hal::x86_64::kUserSpaceEnd == uint64_t{1} << 47);
static_assert(offsetof(hal::x86_64::ExceptionFrame, r10) == 40 &&
              offsetof(hal::x86_64::ExceptionFrame, r9) == 48 &&
              offsetof(hal::x86_64::ExceptionFrame, r8) == 56 &&
              offsetof(hal::x86_64::ExceptionFrame, rdi) == 72 &&
              offsetof(hal::x86_64::ExceptionFrame, rsi) == 80 &&
              offsetof(hal::x86_64::ExceptionFrame, rdx) == 88 &&
              offsetof(hal::x86_64::ExceptionFrame, rax) == 112);
