// What a page mapping allows, independent of any page-table format. Each
// hal/<arch>/mmu/page_table_format.h encodes these into entry bits and
// decodes them back; kernel/mm/vm uses them as kernel::mm::MappingAttributes.
#pragma once

#include <stdint.h>

namespace hal::mm {

enum class CachePolicy : uint8_t {
    kNormal,  // write-back cacheable RAM
    kDevice,  // memory-mapped I/O: uncached, no speculation, no merging
};

// Every mapping is readable; these add to that. A default-constructed value
// is a kernel-only, read-only, non-executable, non-global RAM mapping.
struct MappingAttributes {
    bool writable = false;
    bool executable = false;
    bool user = false;    // reachable from user mode
    bool global = false;  // the same in every address space (kernel mappings)
    CachePolicy cache = CachePolicy::kNormal;

    friend bool operator==(const MappingAttributes&, const MappingAttributes&) = default;
};

}  // namespace hal::mm
