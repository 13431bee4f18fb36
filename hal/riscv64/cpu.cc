// hal/cpu.h on riscv64: wfi, the cycle counter, and switching off through the
// SBI. The inline part (CPU index, interrupt masking, spin_pause) is in
// include/hal/arch/cpu_inline.h.
#include "hal/cpu.h"

#include "hal/riscv64/cycle_counter.h"
#include "hal/riscv64/sbi.h"
#include "kernel/debug/print.h"

extern "C" uint64_t riscv64_probe_cycle_counter();  // probes.S

namespace hal {
namespace {

// Whether S-mode may read the cycle CSR: the firmware decides, through
// mcounteren.CY, which S-mode cannot read. Probed once at boot.
constinit bool cycle_csr_readable = false;

void mask_all_interrupts() {
    // sstatus.SIE masks every S-mode interrupt; clearing sie as well keeps
    // wfi from being woken by sources we never asked for.
    asm volatile("csrci sstatus, 1 << 1" ::: "memory");
    asm volatile("csrw sie, zero" ::: "memory");
}

}  // namespace

void halt() {
    mask_all_interrupts();
    // wfi may return without an interrupt (the specification allows it to be
    // a no-op), hence the loop.
    for (;;)
        asm volatile("wfi");
}

void power_off() {
    long error = riscv64::sbi::system_shutdown();
    // SBI v0.1 firmware has no System Reset extension: try its own shutdown.
    riscv64::sbi::legacy_shutdown();
    kernel::print("riscv64: the SBI firmware did not power off (SRST error %ld); halting\n", error);
    halt();
}

void wait_for_interrupt() {
    asm volatile("wfi" ::: "memory");
}

uint64_t cycle_counter() {
    uint64_t value;
    if (cycle_csr_readable) {
        asm volatile("rdcycle %0" : "=r"(value));
    } else {
        // The time CSR (mtime's S-mode view) always exists; OpenSBI emulates
        // it where the hart lacks it. Coarser, but monotonic.
        asm volatile("rdtime %0" : "=r"(value));
    }
    return value;
}

}  // namespace hal

namespace hal::riscv64 {

void probe_cycle_counter() {
    cycle_csr_readable = riscv64_probe_cycle_counter() != 0;
}

const char* cycle_counter_source() {
    return cycle_csr_readable ? "rdcycle" : "rdtime (cycle CSR not enabled for S-mode)";
}

}  // namespace hal::riscv64
