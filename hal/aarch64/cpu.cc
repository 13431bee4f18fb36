// hal/cpu.h for aarch64: stopping the CPU, switching the machine off, the
// CPU's identity and cycle counter. The inline part (CPU index, interrupt
// mask, spin_pause) is in include/hal/arch/cpu_inline.h.
#include "hal/cpu.h"

#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/psci.h"
#include "hal/aarch64/system_registers.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal {
namespace {

constexpr uint64_t kAffinityMask = 0xff00ffffff;

// Without an architected PMU, cycle_counter() falls back to the generic
// timer's virtual count, which every ARMv8 CPU has.
constinit bool have_cycle_counter = false;

bool has_architected_pmu() {
    uint64_t dfr0;
    asm("mrs %0, id_aa64dfr0_el1" : "=r"(dfr0));
    uint64_t version = (dfr0 >> ID_AA64DFR0_EL1_PMUVER_SHIFT) & 0xf;
    return version != 0 && version != 0xf;
}

}  // namespace

namespace aarch64 {

uint64_t current_cpu_affinity() {
    uint64_t mpidr;
    asm("mrs %0, mpidr_el1" : "=r"(mpidr));
    return mpidr & kAffinityMask;
}

void initialize_boot_cpu() {
    initialize_this_cpu(0);
}

void initialize_this_cpu(uint32_t index) {
    // Checked once here, so that no user of current_cpu_index() needs to.
    KERNEL_ASSERT(index < kMaxCpus);
    // current_cpu_index() is `index` here from now on.
    asm volatile("msr tpidr_el1, %0" : : "r"(kCpuIndexTag | index) : "memory");
    // Every CPU has the same answer; only the boot CPU records it (before
    // any other CPU runs), so the others never write what it reads.
    bool pmu = has_architected_pmu();
    if (index == 0) have_cycle_counter = pmu;
    if (pmu) {
        // Count cycles from zero, 64 bits wide, at EL0 and EL1 (PMCCFILTR_EL0
        // resets to counting both).
        asm volatile("msr pmcr_el0, %0\n\tmsr pmcntenset_el0, %1\n\tisb"
                     :
                     : "r"(uint64_t{PMCR_EL0_E | PMCR_EL0_C | PMCR_EL0_LC}),
                       "r"(uint64_t{PMCNTENSET_EL0_C}));
    }
}

void report_unstarted_cpu(uint64_t tpidr) {
    kernel::panic(
        "CPU with MPIDR affinity 0x%llx runs kernel code but was never started"
        " (TPIDR_EL1 0x%llx)",
        static_cast<unsigned long long>(current_cpu_affinity()),
        static_cast<unsigned long long>(tpidr));
}

}  // namespace aarch64

void halt() {
    // wfi also wakes for masked interrupts that become pending, hence the loop.
    asm volatile("msr daifset, #0xf" ::: "memory");
    for (;;)
        asm volatile("wfi");
}

void power_off() {
    using namespace hal::aarch64;
    if (psci_conduit() == os::fdt::PsciConduit::kNone) {
        kernel::print("power off: the device tree describes no PSCI; halting instead\n");
        halt();
    }
    // SYSTEM_OFF does not return when it works.
    int64_t status = psci_call(PsciFunction::kSystemOff);
    kernel::print("power off: PSCI SYSTEM_OFF failed with status %lld; halting instead\n",
                  static_cast<long long>(status));
    halt();
}

void wait_for_interrupt() {
    asm volatile("wfi" ::: "memory");
}

uint64_t cycle_counter() {
    uint64_t count;
    if (have_cycle_counter)
        asm volatile("mrs %0, pmccntr_el0" : "=r"(count));
    else
        asm volatile("mrs %0, cntvct_el0" : "=r"(count));
    return count;
}

}  // namespace hal
