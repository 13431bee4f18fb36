// Shared by ipi.cc and ipi_halt.cc; not for other users.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::interrupt {

enum class Reason : uint32_t {
    kReschedule = 1,
    kCall = 2,
    kHalt = 4,
};

// Marks `reason` pending on `cpu` and interrupts it.
os::ErrorOr<void> post(uint32_t cpu, Reason reason);

}  // namespace kernel::interrupt
