#include "hal/riscv64/firmware_description.h"

#include "hal/riscv64/sbi.h"
#include "kernel/lib/format.h"

namespace hal::riscv64 {
namespace {

constexpr long kOpenSbiId = 1;

// Long enough for the longest registered implementation name; format()
// truncates rather than overflows should that change.
constinit char description[128];

}  // namespace

const char* describe_firmware() {
    // fw_dynamic hands over a device tree; the firmware behind it is named by
    // the base extension, when it has one.
    constexpr const char* kProtocol = "OpenSBI (device tree)";
    sbi::FirmwareVersion version = sbi::firmware_version();
    if (!version.has_base_extension) {
        os::format(description, sizeof(description), "%s, legacy SBI v0.1", kProtocol);
        return description;
    }

    const char* name = sbi::implementation_name(version.implementation_id);
    unsigned long implementation = version.implementation_version;
    if (version.implementation_id == kOpenSbiId) {
        // OpenSBI encodes its version as major << 16 | minor.
        os::format(description, sizeof(description), "%s, SBI v%u.%u, OpenSBI v%lu.%lu", kProtocol,
                   version.spec_major, version.spec_minor, implementation >> 16,
                   implementation & 0xffff);
    } else if (name != nullptr) {
        os::format(description, sizeof(description), "%s, SBI v%u.%u, %s version 0x%lx", kProtocol,
                   version.spec_major, version.spec_minor, name, implementation);
    } else {
        os::format(description, sizeof(description),
                   "%s, SBI v%u.%u, implementation %ld version 0x%lx", kProtocol,
                   version.spec_major, version.spec_minor, version.implementation_id,
                   implementation);
    }
    return description;
}

}  // namespace hal::riscv64
