// What happens on vectors 32-255 (cpu/exception_handler.cc passes them
// here, interrupts masked): the local APIC timer, IPIs and device lines go to
// the kernel, each followed by an end of interrupt.
#include "hal/interrupts.h"
#include "hal/x86_64/cpu/exceptions.h"
#include "hal/x86_64/interrupts/local_apic.h"
#include "hal/x86_64/interrupts/vectors.h"
#include "hal/x86_64/timer/local_apic_timer.h"
#include "kernel/debug/print.h"

namespace hal::x86_64 {
namespace {

uint64_t spurious_interrupts = 0;
uint64_t legacy_pic_interrupts = 0;

bool is_device_vector(uint64_t vector) {
    return vector >= kFirstDeviceVector && vector < kDeviceVectorEnd;
}

bool is_legacy_pic_vector(uint64_t vector) {
    return vector >= kLegacyPicFirstVector &&
           vector < kLegacyPicFirstVector + kLegacyPicVectorCount;
}

}  // namespace

void handle_interrupt_vector(ExceptionFrame& frame) {
    uint64_t vector = frame.vector;
    // Neither a local APIC spurious interrupt nor one from the masked PICs
    // (which can only be their spurious IRQ 7/15) is in service at the local
    // APIC: no end of interrupt.
    if (vector == kSpuriousVector) {
        ++spurious_interrupts;
        return;
    }
    if (is_legacy_pic_vector(vector)) {
        ++legacy_pic_interrupts;
        return;
    }
    if (!local_apic::initialized()) {
        // Nothing routes interrupts here before the controller is up.
        kernel::print("interrupts: vector %llu before the local APIC is set up; ignored\n",
                      static_cast<unsigned long long>(vector));
        return;
    }
    if (vector == kTimerVector) {
        handle_local_apic_timer_interrupt();
        local_apic::end_of_interrupt();
        return;
    }
    if (vector == kIpiVector) {
        kernel::handle_ipi();
        local_apic::end_of_interrupt();
        return;
    }
    if (is_device_vector(vector)) {
        hal::irq::InterruptController& controller = hal::irq::controller();
        hal::irq::Line line;
        if (controller.acknowledge(&line)) {
            kernel::handle_interrupt(line);
            controller.end_of_interrupt(line);
            return;
        }
    }
    // A vector nothing programs (or a device vector beyond the lines):
    // end it so that lower-priority interrupts are not blocked.
    kernel::print("interrupts: unexpected vector %llu\n", static_cast<unsigned long long>(vector));
    local_apic::end_of_interrupt();
}

}  // namespace hal::x86_64
