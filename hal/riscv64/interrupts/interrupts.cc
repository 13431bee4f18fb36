// hal/interrupts.h on riscv64: the PLIC for device interrupts, SBI IPIs for
// inter-processor interrupts, and the dispatch of interrupt traps.
#include "hal/interrupts.h"

#include "hal/riscv64/harts.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/interrupts/plic.h"
#include "hal/riscv64/sbi.h"
#include "hal/riscv64/sbi_call.h"
#include "hal/riscv64/smp/hart_setup.h"

namespace hal::riscv64 {
namespace {

constinit Plic plic;

// The IPI: the firmware raised sip.SSIP; it stays pending until cleared.
void handle_software_interrupt() {
    asm volatile("csrc sip, %0" ::"r"(uint64_t{1} << kSupervisorSoftwareInterrupt) : "memory");
    kernel::handle_ipi();
}

// Serves every pending source before returning: claiming is cheap, a trap
// per source is not.
void handle_external_interrupt() {
    hal::irq::Line line;
    while (plic.acknowledge(&line)) {
        kernel::handle_interrupt(line);
        plic.end_of_interrupt(line);
    }
}

}  // namespace

bool handle_interrupt_trap(uint64_t code) {
    switch (code) {
        case kSupervisorSoftwareInterrupt:
            handle_software_interrupt();
            return true;
        case kSupervisorTimerInterrupt:
            handle_timer_interrupt();
            return true;
        case kSupervisorExternalInterrupt:
            handle_external_interrupt();
            return true;
        default:
            return false;
    }
}

os::ErrorOr<void> prepare_interrupts_for_cpu(uint32_t cpu, uint64_t hart_id) {
    return plic.add_cpu(cpu, hart_id);
}

void enable_interrupt_sources_on_this_hart() {
    plic.start_this_cpu();
    enable_interrupt_source(kSupervisorExternalInterrupt);
    enable_interrupt_source(kSupervisorSoftwareInterrupt);
}

}  // namespace hal::riscv64

namespace hal::irq {

InterruptController& controller() {
    return riscv64::plic;
}

os::ErrorOr<void> send_ipi(uint32_t cpu) {
    uint64_t hart_id;
    if (!riscv64::hart_of_cpu(cpu, &hart_id)) return os::Error::kInvalidArgument;
    // A mask of one bit based at the hart itself: any hart id fits.
    long error = riscv64::sbi::send_ipi(1, hart_id);
    if (error == riscv64::sbi::kSuccess) return {};
    if (error == riscv64::sbi::kErrorInvalidParameter) return os::Error::kInvalidArgument;
    return os::Error::kUnsupported;  // no IPI extension
}

void enable_interrupts() {
    asm volatile("csrsi sstatus, 1 << 1" ::: "memory");
}

}  // namespace hal::irq
