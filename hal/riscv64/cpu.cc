// hal/cpu.h on riscv64: interrupts, wfi, counters, and switching off through
// the SBI.
#include "hal/cpu.h"

#include "hal/riscv64/cycle_counter.h"
#include "hal/riscv64/sbi.h"
#include "kernel/debug/print.h"

extern "C" uint64_t riscv64_probe_cycle_counter();  // probes.S

namespace hal {
namespace {

constexpr uint64_t kSstatusSie = uint64_t{1} << 1;

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

uint32_t current_cpu_index() {
    return 0;  // only the boot hart runs until SMP starts the others
}

InterruptState disable_interrupts() {
    uint64_t previous;
    asm volatile("csrrci %0, sstatus, 1 << 1" : "=r"(previous)::"memory");
    return previous & kSstatusSie;
}

void restore_interrupts(InterruptState previous) {
    if ((previous & kSstatusSie) != 0) asm volatile("csrsi sstatus, 1 << 1" ::: "memory");
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

void spin_pause() {
    // Zihintpause's `pause`, encoded as the FENCE hint it is (pred = W,
    // succ = 0): a CPU without the extension executes it as a fence that
    // orders nothing, i.e. a nop, so it needs no detection.
    asm volatile(".insn i 0x0f, 0, x0, x0, 0x010");
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
