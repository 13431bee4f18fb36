#include "hal/x86_64/acpi/numa.h"

#include "hal/x86_64/acpi/interrupt_controllers.h"
#include "hal/x86_64/acpi/srat.h"
#include "hal/x86_64/acpi/tables.h"
#include "hal/x86_64/cpu/features.h"
#include "kernel/debug/print.h"

namespace hal::x86_64::acpi {
namespace {

// Outside the boot stack: they are about 1.6 and 3 KiB.
SratContents contents;
InterruptControllers madt;

// Only the boot CPU when the MADT is missing or unreadable (which the
// interrupt code reports).
uint32_t number_cpus_from_madt(uint32_t boot_apic_id, uint32_t* apic_ids) {
    madt = {};
    if (const TableHeader* table = find_table("APIC")) {
        os::Bytes bytes(reinterpret_cast<const unsigned char*>(table), table->length);
        if (parse_interrupt_controllers(bytes, &madt).is_error()) madt = {};
    }
    return number_cpus(madt, boot_apic_id, apic_ids, kMaxCpus);
}

}  // namespace

void read_numa_topology(NumaTopology& topology) {
    // find_table() has checked that the SRAT's `length` bytes are mapped and
    // sum to zero, and reported it if not.
    const TableHeader* srat = find_table("SRAT");
    if (srat == nullptr) return;
    uint32_t boot_apic_id = current_apic_id();
    // CPU indices as the interrupt code will number them, from the MADT.
    uint32_t cpu_apic_ids[kMaxCpus];
    uint32_t cpu_count = number_cpus_from_madt(boot_apic_id, cpu_apic_ids);
    auto result = parse_srat(os::Bytes(reinterpret_cast<const unsigned char*>(srat), srat->length),
                             boot_apic_id, contents, cpu_apic_ids, cpu_count);
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
