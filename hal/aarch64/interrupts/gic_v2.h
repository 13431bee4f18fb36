// GICv2 ("arm,cortex-a15-gic", "arm,gic-400"): a distributor and a
// memory-mapped CPU interface. SGI and PPI registers of the distributor
// are banked per CPU.
#pragma once

#include <stdint.h>

#include "hal/aarch64/interrupts/gic.h"
#include "hal/cpu.h"

namespace hal::aarch64 {

class GicV2 final : public Gic {
public:
    const char* name() const override { return "gicv2"; }
    os::ErrorOr<void> initialize() override;
    bool acknowledge(irq::Line* line) override;
    void end_of_interrupt(irq::Line line) override;
    os::ErrorOr<void> set_affinity(irq::Line line, uint32_t cpu) override;

    os::ErrorOr<void> initialize_this_cpu() override;
    os::ErrorOr<void> send_sgi(uint32_t cpu, uint32_t intid) override;

private:
    void unmask(irq::Line line) override;
    void mask(irq::Line line) override;

    uintptr_t distributor_ = 0;
    uintptr_t cpu_interface_ = 0;
    // Each CPU's CPU interface bit for ITARGETSR and GICD_SGIR, which a CPU
    // learns only about itself (from the banked ITARGETSR0): 0 until that
    // CPU ran initialize_this_cpu().
    uint8_t interface_masks_[hal::kMaxCpus] = {};
    // The whole IAR of the interrupt each CPU handles: for an SGI it names
    // the sending CPU, and EOIR must get the same value back.
    uint32_t acknowledged_[hal::kMaxCpus] = {};
};

}  // namespace hal::aarch64
