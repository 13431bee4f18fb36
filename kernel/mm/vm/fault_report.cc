#include "kernel/mm/vm/fault_report.h"

#include "kernel/debug/print.h"
#include "kernel/lib/format.h"

namespace kernel::mm {

size_t format_fault_report(const FaultReport& report, char* buffer, size_t capacity) {
    char cause[160];
    const RegionInfo* region = report.region;
    const char* reason = report.reason != nullptr ? report.reason : "no region";
    const char* detail_separator = report.has_error ? ": " : "";
    const char* detail = report.has_error ? os::to_string(report.error) : "";
    if (region != nullptr) {
        os::format(cause, sizeof(cause), "region [0x%lx, 0x%lx) %s %s: %s%s%s",
                   static_cast<unsigned long>(region->start),
                   static_cast<unsigned long>(region->end), region->permissions.to_string(),
                   to_string(region->type), reason, detail_separator, detail);
    } else {
        os::format(cause, sizeof(cause), "%s%s%s", reason, detail_separator, detail);
    }
    return os::format(buffer, capacity, "page fault: %s at 0x%lx (%s) pc 0x%lx",
                      to_string(report.fault.access),
                      static_cast<unsigned long>(report.fault.address), cause,
                      static_cast<unsigned long>(report.fault.pc));
}

void print_fault_report(const FaultReport& report) {
    char line[256];
    format_fault_report(report, line, sizeof(line));
    print("%s\n", line);
}

}  // namespace kernel::mm
