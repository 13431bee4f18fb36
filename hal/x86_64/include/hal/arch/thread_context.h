// ThreadContext on x86_64 (hal/thread_context.h includes this; include that
// instead). The implementation is in hal/x86_64/thread/ (thread_context.cc,
// context_switch.S).
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::io_ports {
struct PortAccess;
}

namespace hal::context {

// What a thread that is not running keeps. The callee-saved registers and the
// return address live on its kernel stack, below `stack_pointer`.
struct ThreadContext {
    // The saved rsp while the thread is switched out (offset 0).
    uintptr_t stack_pointer = 0;
    // The top of its kernel stack: TSS.RSP0 and the system call stack while
    // it runs, and where its user register frame sits after a trap from
    // user mode (0 for a CPU's boot thread).
    uintptr_t kernel_stack_top = 0;
    // IA32_FS_BASE of its user code (the thread pointer).
    uintptr_t fs_base = 0;
    // Non-zero once enable_user_state() ran: the switch saves and restores
    // the FP/SSE registers and loads fs_base. Kernel-only threads leave both
    // alone (the kernel itself is built without FP/SSE).
    bool user_state = false;
    // The page fault the HAL is handing to kernel::handle_page_fault() on
    // this thread, if any (cpu/page_fault.cc): per thread, so that a fault on
    // another thread is not mistaken for a nested one.
    const void* fault_in_progress = nullptr;
    // The I/O ports its process may use (hal/io_ports.h), applied to the
    // TSS bitmap when a thread with user_state is switched in. Never null
    // once enable_user_state() ran (an empty PortAccess stands for none).
    const io_ports::PortAccess* io_ports = nullptr;
    // FXSAVE64 image of the user's x87/SSE state (fxsave needs 16-byte
    // alignment). XSAVE state (AVX) is not kept: CR4.OSXSAVE stays off, so
    // user code sees no AVX in CPUID and cannot run AVX instructions.
    alignas(16) uint8_t fp_state[512] = {};
};

static_assert(offsetof(ThreadContext, fp_state) % 16 == 0);

}  // namespace hal::context
