// hal/cpu.h on riscv64: interrupts, wfi, and switching off through the SBI.
#include "hal/cpu.h"

#include "hal/riscv64/sbi.h"
#include "kernel/debug/print.h"

namespace hal {
namespace {

void disable_interrupts() {
    // sstatus.SIE masks every S-mode interrupt; clearing sie as well keeps
    // wfi from being woken by sources we never asked for.
    asm volatile("csrci sstatus, 1 << 1" ::: "memory");
    asm volatile("csrw sie, zero" ::: "memory");
}

}  // namespace

void halt() {
    disable_interrupts();
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

}  // namespace hal
