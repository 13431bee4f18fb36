// The SBI services the kernel uses, named. See sbi_call.h for the calling
// convention and the SBI specification (v1.0) for the numbers in sbi.cc.
#pragma once

#include <stdint.h>

namespace hal::riscv64::sbi {

struct FirmwareVersion {
    bool has_base_extension = false;  // false: a legacy SBI v0.1 firmware
    uint32_t spec_major = 0;
    uint32_t spec_minor = 0;
    long implementation_id = 0;                // 1 = OpenSBI, see implementation_name()
    unsigned long implementation_version = 0;  // encoding defined by the implementation
};

// Reads the specification and implementation versions (base extension).
FirmwareVersion firmware_version();

// "OpenSBI", "RustSBI", ...; nullptr for an id the SBI specification does not list.
const char* implementation_name(long implementation_id);

// Whether the firmware implements extension `extension_id` (base extension
// probe_extension). False on a legacy SBI v0.1 firmware.
bool has_extension(uint64_t extension_id);

inline constexpr uint64_t kTimerExtension = 0x54494d45;    // "TIME"
inline constexpr uint64_t kIpiExtension = 0x735049;        // "sPI"
inline constexpr uint64_t kHartStateExtension = 0x48534d;  // "HSM"

// Programs the next timer interrupt for when the time CSR reaches
// `time_value` and clears the pending one (TIME extension, or the v0.1 call
// where the firmware lacks it). UINT64_MAX: no timer interrupt.
void set_timer(uint64_t time_value);

// Raises a supervisor software interrupt on the harts hart_mask_base +
// each set bit of `hart_mask` (IPI extension). Returns the SBI error code:
// kSuccess, or kErrorInvalidParameter for a hart the firmware does not know.
long send_ipi(uint64_t hart_mask, uint64_t hart_mask_base);

// Starts the stopped hart `hart_id` in S-mode at the physical address
// `start_address`, with paging off, a0 = hart id and a1 = `opaque` (HSM
// extension, hart_start). Returns the SBI error code: kSuccess, or e.g.
// kErrorAlreadyAvailable for a hart that already runs.
long hart_start(uint64_t hart_id, uint64_t start_address, uint64_t opaque);

// Stops the calling hart (HSM hart_stop), back into the firmware's stopped
// state. Returns only on failure, with the SBI error code.
long hart_stop();

// Switches the machine off (System Reset extension). Returns only on failure,
// with the SBI error code.
long system_shutdown();

// The SBI v0.1 shutdown, for firmware without the System Reset extension.
// Returns only on failure.
void legacy_shutdown();

// Writes one byte on the firmware's console (SBI v0.1 console_putchar): slow,
// but needs no device of our own. Deprecated by the specification, still
// provided by OpenSBI.
void legacy_console_putchar(char c);

}  // namespace hal::riscv64::sbi
