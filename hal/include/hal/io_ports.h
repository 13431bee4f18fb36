// x86 I/O ports for user-space drivers (io_port_create / io_port_enable,
// kernel/io_ports). Only x86_64 has a port space; elsewhere supported() is
// false and the rest does nothing.
//
// Each process has one PortAccess: the port ranges all of its threads may
// use. kernel/io_ports owns and edits it; every thread of the process points
// at it (attach(), before the thread first runs), and the HAL applies it to
// the CPU whenever such a thread is switched in (x86_64: the TSS I/O
// permission bitmap). After an edit the kernel calls refresh() on every CPU,
// so a change holds everywhere once the editing call returns.
//
// Readers (the switch, on any CPU) and the single writer (under the kernel's
// lock, interrupts masked) use `generation` as a sequence lock: odd while an
// edit is in progress; each finished edit leaves a new even value that no
// PortAccess has had before (a global counter), so (address, generation)
// names one content even if the memory of a freed PortAccess is reused.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/thread_context.h"

namespace hal::io_ports {

inline constexpr uint32_t kPortCount = 65536;
inline constexpr size_t kMaxRanges = 8;

struct Range {
    uint32_t first = 0;
    uint32_t count = 0;  // >= 1; first + count <= kPortCount
};

struct PortAccess {
    uint64_t generation = 0;  // 0: never edited (no ports)
    uint32_t range_count = 0;
    Range ranges[kMaxRanges] = {};
};

// Whether this architecture has I/O ports user space can be given.
bool supported();

// The ports the kernel drives itself (interrupt controller, timer ...):
// never handed to user space. Sets *count.
const Range* kernel_ranges(size_t* count);

// Makes every later switch-in of the thread apply `access` (nullptr: no
// ports). Before the thread first runs.
void attach(context::ThreadContext& thread, const PortAccess* access);

// Applies the running thread's PortAccess to this CPU again if it changed.
// Interrupts masked (a remote call, kernel/interrupt/ipi.h).
void refresh();

}  // namespace hal::io_ports
