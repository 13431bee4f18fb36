#include "hal/x86_64/acpi/srat.h"

#include <stddef.h>

#include "hal/x86_64/acpi/table_header.h"

namespace hal::x86_64::acpi {
namespace {

// The table: a header, 12 reserved bytes, then a list of variable-length
// "static resource allocation structures", each starting with type and length.
constexpr size_t kFixedPartLength = sizeof(TableHeader) + 12;

struct [[gnu::packed]] EntryHeader {
    uint8_t type;
    uint8_t length;
};

constexpr uint8_t kProcessorLocalApic = 0;
constexpr uint8_t kMemory = 1;
constexpr uint8_t kProcessorLocalX2Apic = 2;

// Processor local APIC affinity (5.2.16.1): domain bits 0-7 at offset 2, APIC
// ID at 3, flags at 4, domain bits 8-31 at 9 (valid from table revision 2).
constexpr size_t kLocalApicLength = 16;
// Memory affinity (5.2.16.2): domain at 2, base at 8, length at 16, flags at 28.
constexpr size_t kMemoryLength = 40;
// Processor local x2APIC affinity (5.2.16.3): domain at 4, x2APIC ID at 8, flags at 12.
constexpr size_t kLocalX2ApicLength = 24;

constexpr uint32_t kEnabled = 1 << 0;  // the same bit in all three entry types
constexpr uint8_t kFirstRevisionWithWideDomains = 2;

// One enabled entry, as far as NUMA cares.
struct Affinity {
    enum class Kind { kNone, kProcessor, kMemory } kind = Kind::kNone;
    uint32_t domain = 0;
    uint32_t apic_id = 0;  // processors
    uint64_t base = 0;     // memory
    uint64_t size = 0;
};

// Decodes one entry; `entry` holds exactly the bytes its length claims.
os::ErrorOr<Affinity> decode(os::Bytes entry, uint8_t revision) {
    const uint8_t* bytes = entry.data();
    Affinity affinity;
    switch (read_field<EntryHeader>(bytes, 0).type) {
        case kProcessorLocalApic: {
            if (entry.size() < kLocalApicLength) return os::Error::kMalformed;
            if (!(read_field<uint32_t>(bytes, 4) & kEnabled)) return affinity;
            affinity.kind = Affinity::Kind::kProcessor;
            affinity.domain = bytes[2];
            if (revision >= kFirstRevisionWithWideDomains) {
                affinity.domain |=
                    uint32_t{bytes[9]} << 8 | uint32_t{bytes[10]} << 16 | uint32_t{bytes[11]} << 24;
            }
            affinity.apic_id = bytes[3];
            return affinity;
        }
        case kMemory: {
            if (entry.size() < kMemoryLength) return os::Error::kMalformed;
            affinity.size = read_field<uint64_t>(bytes, 16);
            if (!(read_field<uint32_t>(bytes, 28) & kEnabled) || affinity.size == 0)
                return affinity;
            affinity.kind = Affinity::Kind::kMemory;
            affinity.domain = read_field<uint32_t>(bytes, 2);
            affinity.base = read_field<uint64_t>(bytes, 8);
            if (affinity.base + affinity.size < affinity.base) return os::Error::kMalformed;
            return affinity;
        }
        case kProcessorLocalX2Apic: {
            if (entry.size() < kLocalX2ApicLength) return os::Error::kMalformed;
            if (!(read_field<uint32_t>(bytes, 12) & kEnabled)) return affinity;
            affinity.kind = Affinity::Kind::kProcessor;
            affinity.domain = read_field<uint32_t>(bytes, 4);
            affinity.apic_id = read_field<uint32_t>(bytes, 8);
            return affinity;
        }
        default:
            return affinity;
    }
}

// Calls `visit(const Affinity&)` for every enabled entry, after checking
// every entry's bounds; stops at the first error `visit` returns.
template <typename Visitor>
os::ErrorOr<void> for_each_affinity(os::Bytes srat, Visitor visit) {
    uint8_t revision = read_field<TableHeader>(srat.data(), 0).revision;
    for (size_t offset = kFixedPartLength; offset < srat.size();) {
        size_t remaining = srat.size() - offset;
        if (remaining < sizeof(EntryHeader)) return os::Error::kMalformed;
        size_t length = read_field<EntryHeader>(srat.data(), offset).length;
        if (length < sizeof(EntryHeader) || length > remaining) return os::Error::kMalformed;
        Affinity affinity = TRY(decode(srat.slice(offset, length), revision));
        if (affinity.kind != Affinity::Kind::kNone) TRY(visit(affinity));
        offset += length;
    }
    return {};
}

// The distinct proximity domains, ascending: a domain's index is its node id.
class DomainSet {
public:
    os::ErrorOr<void> add(uint32_t domain) {
        size_t position = 0;
        while (position < count_ && domains_[position] < domain)
            ++position;
        if (position < count_ && domains_[position] == domain) return {};
        if (count_ == NumaTopology::kMaxNodes) return os::Error::kNoSpace;
        for (size_t index = count_; index > position; --index)
            domains_[index] = domains_[index - 1];
        domains_[position] = domain;
        ++count_;
        return {};
    }
    uint32_t node_of(uint32_t domain) const {
        uint32_t node = 0;
        while (domains_[node] != domain)
            ++node;  // only asked for domains added before
        return node;
    }
    uint32_t count() const { return count_; }

private:
    uint32_t domains_[NumaTopology::kMaxNodes] = {};
    uint32_t count_ = 0;
};

// Inserts `range` keeping `topology.ranges` sorted by base.
os::ErrorOr<void> insert_sorted(NumaTopology& topology, const MemoryAffinity& range) {
    if (topology.range_count == NumaTopology::kMaxRanges) return os::Error::kNoSpace;
    size_t position = topology.range_count;
    while (position > 0 && topology.ranges[position - 1].base > range.base) {
        topology.ranges[position] = topology.ranges[position - 1];
        --position;
    }
    topology.ranges[position] = range;
    ++topology.range_count;
    return {};
}

// Merges touching or overlapping ranges of one node; overlapping ranges of
// different nodes contradict each other.
os::ErrorOr<void> merge_ranges(NumaTopology& topology) {
    size_t kept = 0;
    for (size_t index = 0; index < topology.range_count; ++index) {
        const MemoryAffinity& next = topology.ranges[index];
        if (kept > 0) {
            MemoryAffinity& last = topology.ranges[kept - 1];
            uint64_t last_end = last.base + last.size;
            if (next.base < last_end && next.node != last.node) return os::Error::kMalformed;
            if (next.base <= last_end && next.node == last.node) {
                uint64_t next_end = next.base + next.size;
                if (next_end > last_end) last.size = next_end - last.base;
                continue;
            }
        }
        topology.ranges[kept++] = next;
    }
    topology.range_count = kept;
    return {};
}

}  // namespace

os::ErrorOr<void> parse_srat(os::Bytes srat, uint32_t boot_apic_id, SratContents& result,
                             const uint32_t* cpu_apic_ids, uint32_t cpu_count) {
    if (cpu_apic_ids == nullptr || cpu_count > kMaxCpus) cpu_count = cpu_apic_ids ? kMaxCpus : 0;
    if (srat.size() < kFixedPartLength) return os::Error::kMalformed;

    // Two passes: node ids are ranks among all domains, known only at the end.
    DomainSet domains;
    TRY(for_each_affinity(srat,
                          [&](const Affinity& affinity) { return domains.add(affinity.domain); }));

    SratContents contents;
    NumaTopology& topology = contents.topology;
    uint64_t cpu_listed[(kMaxCpus + 63) / 64] = {};
    topology.node_count = domains.count() > 0 ? domains.count() : 1;
    TRY(for_each_affinity(srat, [&](const Affinity& affinity) -> os::ErrorOr<void> {
        uint32_t node = domains.node_of(affinity.domain);
        if (affinity.kind == Affinity::Kind::kMemory) {
            return insert_sorted(topology,
                                 {.base = affinity.base, .size = affinity.size, .node = node});
        }
        ++contents.processor_count;
        if (affinity.apic_id == boot_apic_id && !contents.boot_cpu_listed) {
            contents.boot_cpu_listed = true;
            topology.boot_cpu_node = node;
        }
        // The first entry for an APIC ID decides, as for the boot CPU.
        for (uint32_t cpu = 0; cpu < cpu_count; ++cpu) {
            if (cpu_apic_ids[cpu] == affinity.apic_id &&
                !(cpu_listed[cpu / 64] >> (cpu % 64) & 1)) {
                cpu_listed[cpu / 64] |= uint64_t{1} << (cpu % 64);
                topology.cpu_nodes[cpu] = static_cast<uint8_t>(node);
            }
        }
        return {};
    }));
    topology.cpu_nodes[0] = static_cast<uint8_t>(topology.boot_cpu_node);
    TRY(merge_ranges(topology));
    result = contents;
    return {};
}

}  // namespace hal::x86_64::acpi
