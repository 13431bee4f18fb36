// hal/smp.h for aarch64: secondary CPUs through PSCI CPU_ON.
//
// The boot CPU starts the CPUs of /cpus one at a time, in the order the
// interrupt code numbers them (index 0 = the boot CPU, then tree order), at
// secondary_entry.S with the CPU's index as PSCI's context argument. It
// waits (at most kStartTimeoutNs) until that CPU has brought up its part of
// the GIC and its timer; only then does it start the next. So the HAL's
// per-CPU set-up (map_device() for a GICv3 redistributor, among others),
// which takes no locks, never runs on two CPUs at once.
//
// Each CPU's start is a small handshake in start_states[index]:
//   boot CPU: kOff -> kStarting, then CPU_ON
//   new CPU:  kStarting -> kOnline (or kFailed, with the reason in
//             failures[index]) once set up; then kernel::secondary_main()
//   boot CPU: kStarting -> kAbandoned if it gives up waiting
// The two transitions out of kStarting are compare-and-swaps, so exactly one
// wins: a CPU that comes up after the boot CPU gave up finds kAbandoned and
// parks instead of entering the kernel unannounced.
#include "hal/smp.h"

#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/early_mappings.h"
#include "hal/aarch64/interrupts/gic.h"
#include "hal/aarch64/psci.h"
#include "hal/aarch64/secondary_cpus.h"
#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/debug/print.h"

extern "C" char secondary_entry[];

namespace hal::aarch64 {
namespace {

static_assert(SECONDARY_CPUS_MAX + 1 == hal::kMaxCpus,
              "one boot stack for every CPU the interrupt code can number");

constexpr uint64_t kStartTimeoutNs = 1000000000;
// In case the clock does not advance: the wait ends after this many polls.
constexpr uint64_t kMaxPolls = uint64_t{1} << 32;

enum StartState : uint32_t { kOff, kStarting, kOnline, kFailed, kAbandoned };

struct Failure {
    const char* step;
    os::Error error;
};

constinit uint32_t start_states[hal::kMaxCpus] = {};
// Written by the new CPU before its kFailed store (release), read by the
// boot CPU after seeing kFailed (acquire).
constinit Failure failures[hal::kMaxCpus] = {};

bool leave_starting(uint32_t cpu, uint32_t new_state) {
    uint32_t expected = kStarting;
    return __atomic_compare_exchange_n(&start_states[cpu], &expected, new_state, false,
                                       __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

void report_not_started(uint32_t cpu, uint64_t affinity, const char* why, const char* detail) {
    kernel::print("aarch64: cpu %u (mpidr 0x%llx) did not start: %s%s\n", cpu,
                  static_cast<unsigned long long>(affinity), why, detail);
}

// Starts CPU `cpu` and waits until it is set up. True if it is.
bool start_cpu(uint32_t cpu, uint64_t affinity, mm::PhysicalAddress entry) {
    __atomic_store_n(&start_states[cpu], kStarting, __ATOMIC_RELEASE);
    // Everything written so far reaches memory the new CPU's walks and
    // cacheable loads see (it reads nothing before its caches are on).
    asm volatile("dsb sy" ::: "memory");
    int64_t status = psci_call(PsciFunction::kCpuOn, affinity, entry, cpu);
    if (status != 0) {
        __atomic_store_n(&start_states[cpu], kOff, __ATOMIC_RELEASE);
        kernel::print(
            "aarch64: cpu %u (mpidr 0x%llx) did not start: PSCI CPU_ON failed: %s (%lld)\n", cpu,
            static_cast<unsigned long long>(affinity), psci_status_name(status),
            static_cast<long long>(status));
        return false;
    }
    uint64_t start = timer::monotonic_ns();
    for (uint64_t polls = 0; polls < kMaxPolls; ++polls) {
        uint32_t state = __atomic_load_n(&start_states[cpu], __ATOMIC_ACQUIRE);
        if (state == kOnline) return true;
        if (state == kFailed) {
            report_not_started(cpu, affinity, failures[cpu].step,
                               os::to_string(failures[cpu].error));
            return false;
        }
        if (timer::monotonic_ns() - start >= kStartTimeoutNs) break;
        spin_pause();
    }
    if (!leave_starting(cpu, kAbandoned)) {
        // It made it (or failed) just now.
        if (__atomic_load_n(&start_states[cpu], __ATOMIC_ACQUIRE) == kOnline) return true;
        report_not_started(cpu, affinity, failures[cpu].step, os::to_string(failures[cpu].error));
        return false;
    }
    report_not_started(cpu, affinity, "no sign of it within 1 s", "");
    return false;
}

// Tells the boot CPU why this CPU cannot run the kernel, and stops.
[[noreturn]] void fail(uint32_t cpu, const char* step, os::Error error) {
    failures[cpu] = {step, error};
    leave_starting(cpu, kFailed);
    halt();
}

}  // namespace

// secondary_entry.S calls this on the new CPU: MMU and caches on, at the
// linked addresses, on its own stack, VBAR_EL1 set, interrupts masked.
extern "C" [[noreturn]] void aarch64_secondary_main(uint64_t index) {
    auto cpu = static_cast<uint32_t>(index);
    // First: current_cpu_index() works from here on.
    initialize_this_cpu(cpu);
    if (auto gic = active_gic().initialize_this_cpu(); gic.is_error())
        fail(cpu, "GIC CPU interface: ", gic.error());
    if (auto timer = timer::initialize(); timer.is_error()) fail(cpu, "timer: ", timer.error());
    // The boot CPU may have given up on us: then stay out of the kernel.
    if (!leave_starting(cpu, kOnline)) halt();
    kernel::secondary_main();
}

}  // namespace hal::aarch64

namespace hal::smp {

using namespace hal::aarch64;

uint32_t start_secondary_cpus() {
    const CpuAffinities& cpus = interrupt_platform().cpus;
    if (cpus.count <= 1) return 0;
    if (psci_conduit() == os::fdt::PsciConduit::kNone) {
        kernel::print("aarch64: the device tree describes no PSCI; the other %u CPUs stay off\n",
                      cpus.count - 1);
        return 0;
    }
    mm::PhysicalAddress entry = image_physical_address(secondary_entry);
    uint32_t started = 0;
    for (uint32_t cpu = 1; cpu < cpus.count; ++cpu) {
        if (start_cpu(cpu, cpus.affinity[cpu], entry)) ++started;
    }
    return started;
}

}  // namespace hal::smp
