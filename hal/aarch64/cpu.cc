// hal/cpu.h for aarch64: stopping the CPU, switching the machine off, and the
// CPU's identity, interrupt mask and cycle counter.
#include "hal/cpu.h"

#include "hal/aarch64/boot_cpu.h"
#include "hal/aarch64/psci.h"
#include "hal/aarch64/system_registers.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

namespace hal {
namespace {

constexpr uint64_t kAffinityMask = 0xff00ffffff;

constinit uint64_t boot_cpu_affinity = 0;
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
    boot_cpu_affinity = current_cpu_affinity();
    have_cycle_counter = has_architected_pmu();
    if (have_cycle_counter) {
        // Count cycles from zero, 64 bits wide, at EL0 and EL1 (PMCCFILTR_EL0
        // resets to counting both).
        asm volatile("msr pmcr_el0, %0\n\tmsr pmcntenset_el0, %1\n\tisb"
                     :
                     : "r"(uint64_t{PMCR_EL0_E | PMCR_EL0_C | PMCR_EL0_LC}),
                       "r"(uint64_t{PMCNTENSET_EL0_C}));
    }
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

uint32_t current_cpu_index() {
    // Only the boot CPU runs until SMP bring-up, which will number the others
    // (and may then keep the index in TPIDR_EL1 instead of searching).
    uint64_t affinity = aarch64::current_cpu_affinity();
    if (affinity != boot_cpu_affinity) {
        kernel::panic("CPU with MPIDR affinity 0x%llx runs kernel code but was never started",
                      static_cast<unsigned long long>(affinity));
    }
    return 0;
}

InterruptState disable_interrupts() {
    InterruptState previous;
    // IRQ and FIQ; debug exceptions and SErrors stay as they are.
    asm volatile("mrs %0, daif\n\tmsr daifset, #3" : "=r"(previous) : : "memory");
    return previous;
}

void restore_interrupts(InterruptState previous) {
    asm volatile("msr daif, %0" : : "r"(previous) : "memory");
}

uint64_t cycle_counter() {
    uint64_t count;
    if (have_cycle_counter)
        asm volatile("mrs %0, pmccntr_el0" : "=r"(count));
    else
        asm volatile("mrs %0, cntvct_el0" : "=r"(count));
    return count;
}

void spin_pause() {
    asm volatile("yield" ::: "memory");
}

}  // namespace hal
