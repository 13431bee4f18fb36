// PSCI, the Arm Power State Coordination Interface: how an OS asks firmware
// (or QEMU, which implements it itself) to switch CPUs and the machine off.
#pragma once

#include <stdint.h>

#include "kernel/lib/fdt/platform.h"

namespace hal::aarch64 {

// Function IDs from the PSCI specification (Arm DEN 0022), SMC32 convention.
enum class PsciFunction : uint32_t {
    kSystemOff = 0x84000008,
    // SMC64: x1 = target MPIDR, x2 = physical entry address, x3 = context
    // (the new CPU's x0).
    kCpuOn = 0xc4000003,
};

// Records how PSCI is reached (the device tree's /psci "method"). Until this
// is called there is no conduit and every call fails with kNotSupported.
void set_psci_conduit(os::fdt::PsciConduit conduit);

os::fdt::PsciConduit psci_conduit();

// PSCI return code for "no such function"; also what psci_call returns when
// there is no conduit to call through.
inline constexpr int64_t kPsciNotSupported = -1;

// PSCI return codes CPU_ON may give besides 0 (success).
inline constexpr int64_t kPsciInvalidParameters = -2;
inline constexpr int64_t kPsciDenied = -3;
inline constexpr int64_t kPsciAlreadyOn = -4;
inline constexpr int64_t kPsciOnPending = -5;
inline constexpr int64_t kPsciInternalFailure = -6;
inline constexpr int64_t kPsciInvalidAddress = -9;

// Issues a PSCI call with up to three arguments and returns its status.
int64_t psci_call(PsciFunction function, uint64_t argument1 = 0, uint64_t argument2 = 0,
                  uint64_t argument3 = 0);

// A PSCI status as words ("already on", ...), for messages.
const char* psci_status_name(int64_t status);

}  // namespace hal::aarch64
