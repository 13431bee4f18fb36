// IPI multiplexing (see ipi.h). Per CPU: the pending reasons and the set of
// CPUs with a remote call for it; per calling CPU: one call request, which
// the caller's masked interrupts keep to one at a time.
#include "kernel/interrupt/ipi.h"

#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "kernel/interrupt/ipi_internal.h"
#include "kernel/smp/online.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::interrupt {
namespace {

using hal::kMaxCpus;

struct alignas(64) CpuRequests {
    uint32_t reasons = 0;  // Reason bits not yet served
    CpuMask callers = 0;   // CPUs whose call request this CPU has yet to run
    uint64_t ipis = 0;     // IPIs taken
    uint64_t calls_served = 0;
};

// Written by the calling CPU before it publishes itself in the targets'
// `callers`; `pending` is cleared bit by bit as targets finish.
struct alignas(64) CallRequest {
    RemoteFunction function = nullptr;
    void* argument = nullptr;
    CpuMask pending = 0;
};

CpuRequests requests_for[kMaxCpus];
CallRequest calls_by[kMaxCpus];
RescheduleHandler reschedule_handler = nullptr;
CpuMask halted = 0;

CpuMask bit(uint32_t cpu) {
    return CpuMask{1} << cpu;
}

void serve_calls(uint32_t cpu) {
    CpuMask callers = __atomic_exchange_n(&requests_for[cpu].callers, 0, __ATOMIC_ACQUIRE);
    while (callers != 0) {
        uint32_t caller = static_cast<uint32_t>(__builtin_ctzll(callers));
        callers &= callers - 1;
        CallRequest& call = calls_by[caller];
        call.function(call.argument);
        __atomic_add_fetch(&requests_for[cpu].calls_served, 1, __ATOMIC_RELAXED);
        // The caller may reuse `call` as soon as its last bit goes.
        __atomic_fetch_and(&call.pending, ~bit(cpu), __ATOMIC_RELEASE);
    }
}

[[noreturn]] void stop(uint32_t cpu) {
    __atomic_fetch_or(&halted, bit(cpu), __ATOMIC_RELEASE);
    hal::halt();
}

}  // namespace

os::ErrorOr<void> post(uint32_t cpu, Reason reason) {
    if (cpu >= kMaxCpus) return os::Error::kInvalidArgument;
    __atomic_fetch_or(&requests_for[cpu].reasons, static_cast<uint32_t>(reason), __ATOMIC_RELEASE);
    return hal::irq::send_ipi(cpu);
}

void set_reschedule_handler(RescheduleHandler handler) {
    __atomic_store_n(&reschedule_handler, handler, __ATOMIC_RELEASE);
}

os::ErrorOr<void> send_reschedule(uint32_t cpu) {
    return post(cpu, Reason::kReschedule);
}

CpuMask call_on_cpus(CpuMask cpus, RemoteFunction function, void* argument) {
    // Masked interrupts keep this CPU's request slot to one call at a time
    // and the CPU index stable while we wait.
    InterruptGuard masked;
    const uint32_t self = hal::current_cpu_index();
    cpus &= smp::online_cpu_mask();
    if (cpus & bit(self)) function(argument);
    CpuMask targets = cpus & ~bit(self);
    if (targets == 0 || self >= kMaxCpus) return cpus;

    CallRequest& call = calls_by[self];
    call.function = function;
    call.argument = argument;
    __atomic_store_n(&call.pending, targets, __ATOMIC_RELEASE);
    for (CpuMask left = targets; left != 0; left &= left - 1) {
        uint32_t cpu = static_cast<uint32_t>(__builtin_ctzll(left));
        __atomic_fetch_or(&requests_for[cpu].callers, bit(self), __ATOMIC_RELEASE);
        if (post(cpu, Reason::kCall).is_error()) {
            // The HAL cannot reach it: it will not run the call.
            __atomic_fetch_and(&requests_for[cpu].callers, ~bit(self), __ATOMIC_RELAXED);
            __atomic_fetch_and(&call.pending, ~bit(cpu), __ATOMIC_RELEASE);
            targets &= ~bit(cpu);
        }
    }
    // Serve what others ask of us while we wait: they may be waiting for us
    // in this same loop. A CPU that halted (panic) never answers.
    while ((__atomic_load_n(&call.pending, __ATOMIC_ACQUIRE) &
            ~__atomic_load_n(&halted, __ATOMIC_ACQUIRE)) != 0) {
        serve_pending_requests();
        hal::spin_pause();
    }
    return (cpus & bit(self)) | targets;
}

bool call_on_cpu(uint32_t cpu, RemoteFunction function, void* argument) {
    return cpu < kMaxCpus && call_on_cpus(bit(cpu), function, argument) != 0;
}

void serve_pending_requests() {
    const uint32_t cpu = hal::current_cpu_index();
    if (cpu >= kMaxCpus) return;
    // Reschedule requests stay pending: their IPI is still on its way (we
    // run with interrupts masked) and handle_ipi() serves them.
    constexpr uint32_t kServedHere =
        static_cast<uint32_t>(Reason::kHalt) | static_cast<uint32_t>(Reason::kCall);
    uint32_t reasons =
        __atomic_fetch_and(&requests_for[cpu].reasons, ~kServedHere, __ATOMIC_ACQUIRE);
    if (reasons & static_cast<uint32_t>(Reason::kHalt)) stop(cpu);
    serve_calls(cpu);
}

CpuMask halted_cpus() {
    return __atomic_load_n(&halted, __ATOMIC_ACQUIRE);
}

uint64_t remote_calls_served(uint32_t cpu) {
    return cpu < kMaxCpus ? __atomic_load_n(&requests_for[cpu].calls_served, __ATOMIC_RELAXED) : 0;
}

uint64_t ipi_count() {
    return ipi_count_of(hal::current_cpu_index());
}

uint64_t ipi_count_of(uint32_t cpu) {
    return cpu < kMaxCpus ? __atomic_load_n(&requests_for[cpu].ipis, __ATOMIC_RELAXED) : 0;
}

}  // namespace kernel::interrupt

namespace kernel {

void handle_ipi() {
    using namespace interrupt;
    const uint32_t cpu = hal::current_cpu_index();
    if (cpu >= kMaxCpus) return;
    __atomic_add_fetch(&requests_for[cpu].ipis, 1, __ATOMIC_RELAXED);
    uint32_t reasons = __atomic_exchange_n(&requests_for[cpu].reasons, 0, __ATOMIC_ACQUIRE);
    if (reasons & static_cast<uint32_t>(Reason::kHalt)) stop(cpu);
    // Always: a request may have been published after an earlier IPI's
    // reasons were taken; serving an empty set costs one exchange.
    serve_calls(cpu);
    if (reasons & static_cast<uint32_t>(Reason::kReschedule)) {
        RescheduleHandler handler = __atomic_load_n(&reschedule_handler, __ATOMIC_ACQUIRE);
        if (handler != nullptr) handler();
    }
}

}  // namespace kernel
