// GICv3 ("arm,gic-v3"): a distributor for SPIs, one redistributor per CPU
// for its SGIs and PPIs, and the CPU interface as ICC_* system registers.
// SPIs are routed by MPIDR affinity (GICD_IROUTER, affinity routing on).
#pragma once

#include <stdint.h>

#include "hal/aarch64/interrupts/gic.h"
#include "hal/cpu.h"

namespace hal::aarch64 {

class GicV3 final : public Gic {
public:
    const char* name() const override { return "gicv3"; }
    os::ErrorOr<void> initialize() override;
    bool acknowledge(irq::Line* line) override;
    void end_of_interrupt(irq::Line line) override;
    os::ErrorOr<void> set_affinity(irq::Line line, uint32_t cpu) override;

    os::ErrorOr<void> initialize_this_cpu() override;
    os::ErrorOr<void> send_sgi(uint32_t cpu, uint32_t intid) override;

private:
    void unmask(irq::Line line) override;
    void mask(irq::Line line) override;
    // This CPU's redistributor frames: RD_base (control) and SGI_base
    // (SGI/PPI enables, priorities, groups), found by matching GICR_TYPER's
    // affinity against MPIDR_EL1.
    os::ErrorOr<void> find_redistributor(uint32_t cpu);
    void wait_for_distributor() const;
    void wait_for_redistributor(uint32_t cpu) const;

    uintptr_t distributor_ = 0;
    uintptr_t redistributors_[hal::kMaxCpus] = {};  // RD_base, per CPU
    uintptr_t sgi_frames_[hal::kMaxCpus] = {};      // SGI_base, per CPU
};

}  // namespace hal::aarch64
