// The RISC-V Platform-Level Interrupt Controller ("sifive,plic-1.0.0",
// "riscv,plic0"; PLIC specification v1.0.0) as hal::irq::InterruptController.
//
// Lines are PLIC sources 1..riscv,ndev (source 0 does not exist). The PLIC
// routes each source to "contexts", one per hart and privilege level; this
// driver uses only the boot hart's S-mode context, which the device tree
// names in interrupts-extended (the entry that targets the boot hart's
// riscv,cpu-intc with IRQ 9, supervisor external). Until the other harts
// run (SMP, issue 4 item 3), set_affinity() accepts only CPU 0.
#pragma once

#include <stdint.h>

#include "hal/interrupts.h"

namespace hal::riscv64 {

class Plic final : public hal::irq::InterruptController {
public:
    constexpr Plic() = default;

    const char* name() const override { return "plic"; }
    // riscv,ndev + 1 (0 before initialize()): lines 1..ndev are valid.
    hal::irq::Line line_count() const override;
    // Finds the PLIC and the boot hart's context in the device tree, maps the
    // four register pages it uses, disables every source (priority 0, enable
    // bit clear) and sets the context's threshold to 0. kNotFound without a
    // PLIC or a context for the boot hart; kMalformed for an unusable node;
    // kNoSpace if the device mappings are full.
    os::ErrorOr<void> initialize() override;
    // Priority 1 and the context's enable bit; kInvalidArgument for line 0
    // or a line above riscv,ndev.
    os::ErrorOr<void> enable(hal::irq::Line line) override;
    // Priority 0 and the enable bit cleared.
    os::ErrorOr<void> disable(hal::irq::Line line) override;
    // Claims the highest-priority pending source; false if none (claim 0).
    bool acknowledge(hal::irq::Line* line) override;
    // Completes the claim of `line`.
    void end_of_interrupt(hal::irq::Line line) override;
    // Only CPU 0 (the boot hart, whose context every line is routed to);
    // kInvalidArgument for any other CPU until SMP gives them contexts.
    os::ErrorOr<void> set_affinity(hal::irq::Line line, uint32_t cpu) override;

private:
    bool is_valid(hal::irq::Line line) const { return line != 0 && line <= source_count_; }
    void set_enable_bit(hal::irq::Line line, bool enabled);
    bool enable_bit(hal::irq::Line line) const;

    // Register pages in the fixmap; null until initialize().
    volatile uint32_t* priorities_ = nullptr;  // one word per source, from source 0
    volatile uint32_t* enables_ = nullptr;     // this context's enable bits, 32 per word
    volatile uint32_t* threshold_ = nullptr;   // this context's threshold; the next word claims
    uint32_t source_count_ = 0;                // riscv,ndev
    uint32_t context_ = 0;
    // Enable words are shared read-modify-write state: a lock with
    // interrupts masked (kernel/sync is not visible to the HAL).
    bool enables_locked_ = false;
};

}  // namespace hal::riscv64
