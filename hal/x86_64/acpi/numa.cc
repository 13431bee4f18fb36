#include "hal/x86_64/acpi/numa.h"

#include "hal/x86_64/acpi/srat.h"
#include "hal/x86_64/acpi/tables.h"
#include "hal/x86_64/cpu/features.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::acpi {
namespace {

// Outside the boot stack: it is about 1.6 KiB.
SratContents contents;

}  // namespace

void read_numa_topology(NumaTopology& topology) {
    // find_table() has checked that the SRAT's `length` bytes are mapped and
    // sum to zero, and reported it if not.
    const TableHeader* srat = find_table("SRAT");
    if (srat == nullptr) return;
    uint32_t boot_apic_id = current_apic_id();
    auto result = parse_srat(os::Bytes(reinterpret_cast<const unsigned char*>(srat), srat->length),
                             boot_apic_id, contents);
    if (result.is_error()) {
        kernel::print("acpi: SRAT rejected (%s); assuming one NUMA node\n",
                      os::to_string(result.error()));
        return;
    }
    topology = contents.topology;
    kernel::print("acpi: SRAT: %u NUMA node%s, %zu memory range%s, %u processor%s\n",
                  topology.node_count, topology.node_count == 1 ? "" : "s", topology.range_count,
                  topology.range_count == 1 ? "" : "s", contents.processor_count,
                  contents.processor_count == 1 ? "" : "s");
    if (!contents.boot_cpu_listed) {
        kernel::print("acpi: SRAT does not list the boot CPU (APIC ID %u); assuming node 0\n",
                      boot_apic_id);
    }
}

}  // namespace hal::x86_64::acpi
