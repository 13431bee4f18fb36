#include "hal/riscv64/sbi.h"

#include "hal/riscv64/sbi_call.h"

namespace hal::riscv64::sbi {
namespace {

// Extension ids (SBI specification v1.0, chapters 4, 5 and 10).
constexpr uint64_t kLegacySetTimer = 0x00;
constexpr uint64_t kLegacyConsolePutchar = 0x01;
constexpr uint64_t kLegacyShutdown = 0x08;
constexpr uint64_t kBaseExtension = 0x10;
constexpr uint64_t kSystemResetExtension = 0x53525354;  // "SRST"

// Base extension functions.
constexpr uint64_t kGetSpecVersion = 0;
constexpr uint64_t kGetImplementationId = 1;
constexpr uint64_t kGetImplementationVersion = 2;
constexpr uint64_t kProbeExtension = 3;

// TIME and IPI functions.
constexpr uint64_t kSetTimer = 0;
constexpr uint64_t kSendIpi = 0;

// HSM functions.
constexpr uint64_t kHartStart = 0;
constexpr uint64_t kHartStop = 1;

// System Reset: function, reset types and reasons.
constexpr uint64_t kSystemReset = 0;
constexpr uint64_t kResetTypeShutdown = 0;
constexpr uint64_t kResetReasonNone = 0;

// Legacy calls return their result in a0 only; a7 alone selects the call.
void legacy_call(uint64_t extension, uint64_t argument0 = 0) {
    call(extension, 0, argument0);
}

}  // namespace

FirmwareVersion firmware_version() {
    FirmwareVersion version;
    Result spec = call(kBaseExtension, kGetSpecVersion);
    // A v0.1 firmware has no base extension and fails the call.
    if (spec.error != kSuccess) return version;
    version.has_base_extension = true;
    // Bits 30:24 are the major version, bits 23:0 the minor one.
    version.spec_major = static_cast<uint32_t>(spec.value >> 24) & 0x7f;
    version.spec_minor = static_cast<uint32_t>(spec.value) & 0xffffff;
    version.implementation_id = call(kBaseExtension, kGetImplementationId).value;
    version.implementation_version =
        static_cast<unsigned long>(call(kBaseExtension, kGetImplementationVersion).value);
    return version;
}

const char* implementation_name(long implementation_id) {
    // The SBI specification's registry of implementation ids.
    static constexpr const char* kNames[] = {
        "Berkeley Boot Loader",
        "OpenSBI",
        "Xvisor",
        "KVM",
        "RustSBI",
        "Diosix",
        "Coffer",
        "Xen",
        "PolarFire Hart Software Services",
    };
    if (implementation_id < 0) return nullptr;
    if (static_cast<unsigned long>(implementation_id) >= sizeof(kNames) / sizeof(kNames[0])) {
        return nullptr;
    }
    return kNames[implementation_id];
}

bool has_extension(uint64_t extension_id) {
    Result probe = call(kBaseExtension, kProbeExtension, extension_id);
    return probe.error == kSuccess && probe.value != 0;
}

void set_timer(uint64_t time_value) {
    // Probed on first use, not on every tick; harts racing here store the
    // same answer.
    static constinit int has_time_extension = -1;
    if (has_time_extension < 0) has_time_extension = has_extension(kTimerExtension) ? 1 : 0;
    if (has_time_extension != 0) {
        call(kTimerExtension, kSetTimer, time_value);
    } else {
        legacy_call(kLegacySetTimer, time_value);
    }
}

long send_ipi(uint64_t hart_mask, uint64_t hart_mask_base) {
    return call(kIpiExtension, kSendIpi, hart_mask, hart_mask_base).error;
}

long hart_start(uint64_t hart_id, uint64_t start_address, uint64_t opaque) {
    return call(kHartStateExtension, kHartStart, hart_id, start_address, opaque).error;
}

long hart_stop() {
    return call(kHartStateExtension, kHartStop).error;
}

long system_shutdown() {
    return call(kSystemResetExtension, kSystemReset, kResetTypeShutdown, kResetReasonNone).error;
}

void legacy_shutdown() {
    legacy_call(kLegacyShutdown);
}

void legacy_console_putchar(char c) {
    legacy_call(kLegacyConsolePutchar, static_cast<unsigned char>(c));
}

}  // namespace hal::riscv64::sbi
