// memtest's "quota" case (quota.cc): kernel objects are charged to the
// quota the call names, refused when it is too small, refunded when they die.
#pragma once

#include <stdint.h>

#include "cairn/sys.h"

namespace memtest {

// Bytes left in a quota (cap_info); all ones if the slot is not one.
inline uint64_t left(cairn::CapSlot quota) {
    cairn::CapInfo info{};
    if (!cairn::sys::cap_info(quota, &info)) return ~uint64_t{0};
    return info.size;
}

// The kernel's object bytes (system_info: every process's), once they
// stopped moving: threads and processes that ended a moment ago are freed
// by the reaper shortly after, and their bytes leave then.
uint64_t settled_object_bytes();

// Touches 32 KiB of stack below the caller, so that what follows does not
// fault in (and pay for) stack pages of its own while a test compares
// quotas.
void pre_touch_stack();

// What a child_sleep child costs once it runs (its spawn, and the pages and
// tables it has touched by then); 0 on failure.
uint64_t running_cost();

// Runs the case; returns how many checks failed.
int run_quota();

// The "process_quota" case (process_quota.cc): processes, threads and
// address spaces charged to a memory quota. Returns how many checks failed.
int run_process_quota();
// Its children's sides (main's argument "child_threads" / "child_sleep").
int child_threads();
int child_sleep();

// The "mm_quota" case (mm_quota.cc): page tables and anonymous pages charged
// to the memory quota. Returns how many checks failed.
int run_mm_quota();
// Its children's sides.
int child_touch();
int child_map_tables();
int child_take();

}  // namespace memtest
