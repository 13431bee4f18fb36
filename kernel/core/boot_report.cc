#include "kernel/core/boot_report.h"

#include "kernel/debug/print.h"
#include "kernel/lib/cpio.h"

namespace kernel {
namespace {

constexpr uint64_t kKiB = 1024;

void report_memory(const os::MemoryMap& map) {
    print("memory map: %zu ranges\n", map.size());
    for (const os::MemoryRange& range : map) {
        print("  [0x%016llx-0x%016llx] %10llu KiB  %s\n",
              static_cast<unsigned long long>(range.base),
              static_cast<unsigned long long>(range.end() - 1),
              static_cast<unsigned long long>(range.size / kKiB), os::to_string(range.kind));
    }
    uint64_t usable = map.total(os::MemoryKind::kUsable);
    // "ram" is what the firmware reports as RAM: everything except holes the
    // firmware keeps (kReserved) and broken memory. Boot tests compare it with
    // the memory size QEMU was given.
    uint64_t ram = 0;
    for (const os::MemoryRange& range : map) {
        if (range.kind != os::MemoryKind::kReserved && range.kind != os::MemoryKind::kDefective) {
            ram += range.size;
        }
    }
    print("memory: ram %llu KiB, usable %llu KiB, kernel %llu KiB, boot archive %llu KiB\n",
          static_cast<unsigned long long>(ram / kKiB),
          static_cast<unsigned long long>(usable / kKiB),
          static_cast<unsigned long long>(map.total(os::MemoryKind::kKernel) / kKiB),
          static_cast<unsigned long long>(map.total(os::MemoryKind::kBootArchive) / kKiB));
}

void report_boot_archive(os::Bytes bytes) {
    if (bytes.empty()) {
        print("bootfs: none\n");
        return;
    }
    auto archive = os::cpio::Archive::open(bytes);
    if (archive.is_error()) {
        print("bootfs: rejected (%s), %zu bytes\n", os::to_string(archive.error()), bytes.size());
        return;
    }
    print("bootfs: %zu entries, %zu bytes\n", archive.value().entry_count(), bytes.size());
    archive.value().for_each([](const os::cpio::Entry& entry) {
        print("  %-32s %8zu bytes\n", entry.name, entry.data.size());
    });
}

void report_numa(const hal::NumaTopology& numa) {
    print("numa: %u node%s, boot cpu on node %u\n", numa.node_count,
          numa.node_count == 1 ? "" : "s", numa.boot_cpu_node);
    for (size_t i = 0; i < numa.range_count; ++i) {
        const hal::MemoryAffinity& range = numa.ranges[i];
        print("  [0x%016llx-0x%016llx] node %u\n", static_cast<unsigned long long>(range.base),
              static_cast<unsigned long long>(range.base + range.size - 1), range.node);
    }
}

}  // namespace

void report_boot_info(const hal::BootInfo& boot_info) {
    print("command line: \"%s\"\n", boot_info.command_line);
    print("cpus: %u\n", boot_info.cpu_count);
    report_memory(boot_info.memory_map);
    report_numa(boot_info.numa);
    report_boot_archive(boot_info.boot_archive);
}

}  // namespace kernel
