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

constinit SpinCount spin_counts[kMaxCpus] = {};

// riscv64_spin_yield: spin_pause()'s way to yield_to_other_harts() (timer.cc),
// entered with `jalr t0` from its inline assembly, which clobbers only t0.
// So it saves every register a C++ callee may clobber (no floating point in
// the kernel: rv64imac), 16 bytes of alignment kept.
asm(R"(
    .pushsection .text.riscv64_spin_yield, "ax", @progbits
    .globl riscv64_spin_yield
    .type riscv64_spin_yield, @function
    .p2align 2
riscv64_spin_yield:
    addi sp, sp, -128
    sd ra, 0(sp)
    sd t0, 8(sp)
    sd t1, 16(sp)
    sd t2, 24(sp)
    sd a0, 32(sp)
    sd a1, 40(sp)
    sd a2, 48(sp)
    sd a3, 56(sp)
    sd a4, 64(sp)
    sd a5, 72(sp)
    sd a6, 80(sp)
    sd a7, 88(sp)
    sd t3, 96(sp)
    sd t4, 104(sp)
    sd t5, 112(sp)
    sd t6, 120(sp)
    call riscv64_yield_to_other_harts
    ld ra, 0(sp)
    ld t0, 8(sp)
    ld t1, 16(sp)
    ld t2, 24(sp)
    ld a0, 32(sp)
    ld a1, 40(sp)
    ld a2, 48(sp)
    ld a3, 56(sp)
    ld a4, 64(sp)
    ld a5, 72(sp)
    ld a6, 80(sp)
    ld a7, 88(sp)
    ld t3, 96(sp)
    ld t4, 104(sp)
    ld t5, 112(sp)
    ld t6, 120(sp)
    addi sp, sp, 128
    jr t0
    .size riscv64_spin_yield, . - riscv64_spin_yield
    .popsection
)");

void probe_cycle_counter() {
    cycle_csr_readable = riscv64_probe_cycle_counter() != 0;
}

const char* cycle_counter_source() {
    return cycle_csr_readable ? "rdcycle" : "rdtime (cycle CSR not enabled for S-mode)";
}

}  // namespace hal::riscv64
