// What trap.cc calls for interrupts (scause bit 63), and the CSR bits the
// interrupt code shares.
#pragma once

#include <stdint.h>

namespace hal::riscv64 {

// Interrupt codes in scause and bit numbers in sie/sip (privileged
// specification v1.12, table 4.2).
inline constexpr uint64_t kSupervisorSoftwareInterrupt = 1;
inline constexpr uint64_t kSupervisorTimerInterrupt = 5;
inline constexpr uint64_t kSupervisorExternalInterrupt = 9;

// Enables `code` in sie (sstatus.SIE still gates delivery).
inline void enable_interrupt_source(uint64_t code) {
    asm volatile("csrs sie, %0" ::"r"(uint64_t{1} << code) : "memory");
}

// interrupts.cc: handles the interrupt with scause code `code`: software
// (IPI), timer or external (PLIC). False for any other code, which the HAL
// never enables.
bool handle_interrupt_trap(uint64_t code);

// timer.cc: the timer fired; disarms it and calls kernel::handle_timer_tick().
void handle_timer_interrupt();

}  // namespace hal::riscv64
