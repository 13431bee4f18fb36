// What the two GIC drivers (gic_v2.cc, gic_v3.cc) share, and what the rest
// of the aarch64 HAL asks of them: the IRQ path (interrupts.cc) and the
// timer (timer.cc).
//
// Interrupt numbers are GIC INTIDs: SGIs 0-15 (software-generated: all of
// them are the HAL's, for inter-processor interrupts), PPIs 16-31 (per CPU:
// the generic timer's), SPIs from 32 (devices). Every line the HAL enables
// is Group 1 on a GICv3 and the group the firmware left on a GICv2 (Group 0
// without security extensions, as on QEMU; the CPU interface signals both
// as IRQ, never FIQ), at one priority: no interrupt preempts another, since
// interrupts stay masked while one is handled.
#pragma once

#include <stdint.h>

#include "hal/aarch64/interrupts/gic_discovery.h"
#include "hal/interrupts.h"
#include "kernel/lib/error.h"

namespace hal::aarch64 {

inline constexpr irq::Line kIpiSgi = 0;  // the SGI send_ipi() raises
inline constexpr irq::Line kFirstPpi = 16;
inline constexpr irq::Line kFirstSpi = 32;
inline constexpr irq::Line kFirstSpecial = 1020;  // 1020-1023: spurious and reserved
// Priorities: lower is more urgent. The mask lets every line the HAL sets
// up through; both leave room below for later urgent lines (and above for
// a GIC with only 4 or 5 priority bits).
inline constexpr uint8_t kDefaultPriority = 0xa0;
inline constexpr uint8_t kPriorityMask = 0xf0;

// The machine's interrupt hardware as the device tree describes it, read
// once on first use.
struct InterruptPlatform {
    bool has_gic = false;
    GicDescription gic;
    CpuAffinities cpus;  // index = hal::current_cpu_index() numbering
    uint32_t timer_intid = kVirtualTimerDefault;
};
const InterruptPlatform& interrupt_platform();

class Gic : public irq::InterruptController {
public:
    // Refuse lines the controller lacks and the HAL's own (SGIs, the timer
    // PPI); the rest is the driver's. PPIs are per CPU: these act on the
    // calling CPU's.
    os::ErrorOr<void> enable(irq::Line line) final;
    os::ErrorOr<void> disable(irq::Line line) final;

    irq::Line line_count() const final { return lines_; }

    // Enables one of the HAL's own lines (the timer's PPI) on this CPU.
    void enable_reserved(irq::Line line) { unmask(line); }
    // Brings up this CPU's part of the GIC (CPU interface; GICv3
    // redistributor) with its SGIs and PPIs masked but the IPI's. Called by
    // initialize() on the boot CPU; by the SMP code on every other CPU.
    virtual os::ErrorOr<void> initialize_this_cpu() = 0;
    // Raises SGI `intid` on CPU `cpu`. kInvalidArgument for a CPU the device
    // tree does not list.
    virtual os::ErrorOr<void> send_sgi(uint32_t cpu, uint32_t intid) = 0;

protected:
    ~Gic() = default;
    bool is_reserved(irq::Line line) const {
        return line < kFirstPpi || line == interrupt_platform().timer_intid;
    }
    virtual void unmask(irq::Line line) = 0;
    virtual void mask(irq::Line line) = 0;

    // A line's bit and the byte offset of its 32-bit word in the one-bit-per-
    // line register arrays (ISENABLER, ICENABLER, ICPENDR, IGROUPR).
    static uint32_t bit_of(irq::Line line) { return uint32_t{1} << (line % 32); }
    static uintptr_t word_of(irq::Line line) { return (line / 32) * 4; }

    irq::Line lines_ = 0;  // set by initialize()
};

// The GIC the device tree names (a GICv2 or GICv3), or a stand-in whose
// initialize() fails with kNotFound.
Gic& active_gic();

// The IRQ exception (exceptions.cc): acknowledges and dispatches every
// pending interrupt, then returns to the interrupted code.
void handle_irq();

// timer.cc: the generic timer's interrupt fired on this CPU.
void handle_timer_interrupt();

}  // namespace hal::aarch64
