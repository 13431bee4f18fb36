// PSCI, the Arm Power State Coordination Interface: how an OS asks firmware
// (or QEMU, which implements it itself) to switch CPUs and the machine off.
#pragma once

#include <stdint.h>

#include "kernel/lib/fdt/platform.h"

namespace hal::aarch64 {

// Function IDs from the PSCI specification (Arm DEN 0022), SMC32 convention.
enum class PsciFunction : uint32_t {
    kSystemOff = 0x84000008,
};

// Records how PSCI is reached (the device tree's /psci "method"). Until this
// is called there is no conduit and every call fails with kNotSupported.
void set_psci_conduit(os::fdt::PsciConduit conduit);

os::fdt::PsciConduit psci_conduit();

// PSCI return code for "no such function"; also what psci_call returns when
// there is no conduit to call through.
inline constexpr int64_t kPsciNotSupported = -1;

// Issues a PSCI call with no arguments and returns its status.
int64_t psci_call(PsciFunction function);

}  // namespace hal::aarch64
