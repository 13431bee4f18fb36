#include "hal/x86_64/acpi/processors.h"

#include "hal/x86_64/acpi/interrupt_controllers.h"
#include "hal/x86_64/acpi/tables.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::acpi {

uint32_t count_processors() {
    // find_table() has checked that the MADT's `length` bytes are mapped and
    // sum to zero, and reported it if not.
    const TableHeader* madt = find_table("APIC");
    if (madt == nullptr) {
        kernel::print("acpi: no valid MADT; assuming 1 CPU\n");
        return 1;
    }
    auto count = count_madt_processors(
        os::Bytes(reinterpret_cast<const unsigned char*>(madt), madt->length));
    if (count.is_error()) {
        kernel::print("acpi: MADT rejected (%s); assuming 1 CPU\n", os::to_string(count.error()));
        return 1;
    }
    if (count.value() == 0) {
        kernel::print("acpi: the MADT lists no enabled processor; assuming 1 CPU\n");
        return 1;
    }
    return count.value();
}

}  // namespace hal::x86_64::acpi
