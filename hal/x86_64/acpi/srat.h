// Reading the System Resource Affinity Table (ACPI 6.5, 5.2.16), which puts
// processors and memory ranges into proximity domains: the NUMA nodes.
#pragma once

#include <stdint.h>

#include "hal/boot_info.h"
#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace hal::x86_64::acpi {

struct SratContents {
    // Node ids are dense, 0 .. node_count-1: the distinct proximity domains
    // of the enabled entries in ascending order (firmware's domain numbers
    // may have gaps). Adjacent ranges of one node are merged; ranges are
    // sorted by base.
    NumaTopology topology;
    uint32_t processor_count = 0;  // enabled processor affinity entries
    bool boot_cpu_listed = false;  // an enabled entry names the boot CPU's APIC ID
};

// Parses `srat` (the whole table, header included). `boot_apic_id` is the
// (x2)APIC ID of the boot CPU, whose node becomes topology.boot_cpu_node
// (and cpu_nodes[0]). `cpu_apic_ids` (`cpu_count` entries, may be null) is
// the APIC ID of each CPU index (see number_cpus()): the node of each CPU
// listed in the SRAT goes to topology.cpu_nodes[index].
// Uses the enabled processor local APIC, local x2APIC and memory affinity
// entries; others (GICC, ITS, generic initiators) are skipped. Errors:
// kMalformed for a table shorter than its fixed part, an impossible entry
// length, an entry too short for its fields, a range that wraps around, or
// ranges of different nodes that overlap; kNoSpace for more nodes or ranges
// (enabled entries, counted before merging) than NumaTopology holds.
// `result` is written only on success.
os::ErrorOr<void> parse_srat(os::Bytes srat, uint32_t boot_apic_id, SratContents& result,
                             const uint32_t* cpu_apic_ids = nullptr, uint32_t cpu_count = 0);

}  // namespace hal::x86_64::acpi
