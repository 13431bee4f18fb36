// The one line the kernel prints for a page fault it cannot resolve, until
// faults are delivered to their owner in user space:
//   page fault: write at 0x1000 (region [0x1000, 0x3000) r-- anonymous: permission denied) pc
//   0x4000 page fault: read at 0x20 (no region) pc 0x4010 page fault: read at 0x9000 (region
//   [0x8000, 0xa000) r-- file-backed: pager failed: not found) pc 0x4020
#pragma once

#include <stddef.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"
#include "kernel/mm/vm/region.h"

namespace kernel::mm {

struct FaultReport {
    hal::mm::PageFault fault;
    const RegionInfo* region = nullptr;  // the region the address is in, if any
    const char* reason = nullptr;        // why not resolved; nullptr: "no region"
    bool has_error = false;              // `error` explains `reason` further
    os::Error error{};
};

// Formats the line (without a newline) like os::format: returns the full
// length, writes at most `capacity` bytes including the terminating NUL.
size_t format_fault_report(const FaultReport& report, char* buffer, size_t capacity);

// Prints the line and a newline on the console.
void print_fault_report(const FaultReport& report);

}  // namespace kernel::mm
