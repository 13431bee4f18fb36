// The RISC-V Platform-Level Interrupt Controller ("sifive,plic-1.0.0",
// "riscv,plic0"; PLIC specification v1.0.0) as hal::irq::InterruptController.
//
// Lines are PLIC sources 1..riscv,ndev (source 0 does not exist). The PLIC
// routes each source to "contexts", one per hart and privilege level; this
// driver uses each running hart's S-mode context, which the device tree
// names in interrupts-extended (the entry that targets the hart's
// riscv,cpu-intc with IRQ 9, supervisor external). initialize() sets up the
// boot hart's; for another hart, add_cpu() before SMP starts it and
// start_this_cpu() on it once it runs. Every line is
// enabled in exactly one context, that of its target CPU (CPU 0 until
// set_affinity() moves it); claims and completions use the context of the
// CPU that runs the handler.
#pragma once

#include <stdint.h>

#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/riscv64/harts.h"

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
    // Routes `line` to CPU `cpu` only (moving its enable bit, if set, to
    // that CPU's context); kInvalidArgument for a CPU without a context.
    os::ErrorOr<void> set_affinity(hal::irq::Line line, uint32_t cpu) override;

    // Finds and maps the S-mode context of hart `hart_id`, which will run
    // as CPU `cpu`. On the boot hart only, after initialize() (the fixmap
    // takes no lock), before the hart starts.
    os::ErrorOr<void> add_cpu(uint32_t cpu, uint64_t hart_id);
    // On the CPU itself once it runs (the firmware's start of a hart resets
    // its contexts): no line enabled, threshold 0; from now on
    // set_affinity() accepts the CPU.
    void start_this_cpu();

private:
    struct Context {
        volatile uint32_t* enables = nullptr;    // enable bits, 32 per word
        volatile uint32_t* threshold = nullptr;  // threshold; the next word claims
        uint32_t number = 0;
        bool online = false;  // start_this_cpu() ran
    };

    bool is_valid(hal::irq::Line line) const { return line != 0 && line <= source_count_; }
    bool has_context(uint32_t cpu) const {
        return cpu < hal::kMaxCpus && __atomic_load_n(&contexts_[cpu].online, __ATOMIC_ACQUIRE);
    }
    Context& this_cpu_context();
    static void set_enable_bit(Context& context, hal::irq::Line line, bool enabled);
    static bool enable_bit(const Context& context, hal::irq::Line line);
    hal::InterruptState lock();
    void unlock(hal::InterruptState state);

    // Register pages in the fixmap; null until initialize() / add_cpu().
    volatile uint32_t* priorities_ = nullptr;  // one word per source, from source 0
    Context contexts_[hal::kMaxCpus] = {};     // by CPU index
    // The CPU each line is routed to: whose context holds its enable bit.
    uint8_t targets_[1024] = {};
    uint64_t base_ = 0;
    uint64_t size_ = 0;
    uint32_t source_count_ = 0;  // riscv,ndev
    // Enable words and targets_ are shared read-modify-write state: a lock
    // with interrupts masked (kernel/sync is not visible to the HAL).
    bool enables_locked_ = false;
};

}  // namespace hal::riscv64
