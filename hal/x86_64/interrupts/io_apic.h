// The I/O APICs: each serves a range of global system interrupts (GSIs) and
// turns them into messages to local APICs through its redirection table.
#pragma once

#include <stdint.h>

#include "hal/x86_64/acpi/interrupt_controllers.h"
#include "kernel/lib/error.h"

namespace hal::x86_64 {

class IoApic {
public:
    // Maps the registers (uncached) and masks every input.
    os::ErrorOr<void> initialize(const acpi::IoApicEntry& entry);

    uint32_t gsi_base() const { return gsi_base_; }
    uint32_t input_count() const { return input_count_; }
    bool serves(uint32_t gsi) const { return gsi - gsi_base_ < input_count_; }

    // Programs `gsi`'s entry: fixed delivery of `vector` to the APIC ID
    // `destination`, with the polarity and trigger given, masked or not.
    void program(uint32_t gsi, uint32_t vector, acpi::GsiMode mode, uint32_t destination,
                 bool masked);
    void set_masked(uint32_t gsi, bool masked);
    void set_destination(uint32_t gsi, uint32_t destination);

private:
    uint32_t read(uint32_t index);
    void write(uint32_t index, uint32_t value);

    volatile uint32_t* registers_ = nullptr;
    uint32_t gsi_base_ = 0;
    uint32_t input_count_ = 0;
};

}  // namespace hal::x86_64
