// hal/io_ports.h on x86_64: the running thread's process's port ranges are
// open in this CPU's TSS I/O permission bitmap (cpu/gdt.h), every other
// port is closed.
//
// Each CPU remembers which PortAccess (address and generation) it applied
// and a copy of the ranges it opened, so that it can close exactly those
// again without reading the PortAccess, which may have changed or been
// freed meanwhile. Invariant: outside apply_io_ports(), the bits clear in
// a CPU's bitmap are exactly the ranges of its Loaded record.
//
// Only switches into threads with user state apply anything: kernel
// threads never run in/out from user mode, so a switch user A -> idle ->
// user A costs nothing.
#include "hal/io_ports.h"

#include "hal/cpu.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/io_bitmap.h"
#include "hal/x86_64/cpu/io_ports.h"
#include "kernel/debug/panic.h"

namespace hal::io_ports {
namespace {

// The kernel's own ports (never given out): the legacy PICs (it masks
// them), the PIT and system control port B (timer calibration), the POST
// port io_delay() writes; then the ACPI power-management ports the FADT
// names (power off), added at the first call.
constexpr Range kFixedKernelRanges[] = {
    {0x20, 2}, {0x40, 4}, {0x61, 1}, {0x80, 1}, {0xa0, 2},
};
constexpr size_t kFixedCount = sizeof(kFixedKernelRanges) / sizeof(kFixedKernelRanges[0]);
constexpr size_t kMaxAcpiRanges = 5;

Range kernel_range_table[kFixedCount + kMaxAcpiRanges];
size_t kernel_range_count = 0;
// 0: not built, 1: being built, 2: ready.
uint32_t kernel_ranges_state = 0;

// A consistent copy of `access` (sequence lock: see hal/io_ports.h).
void snapshot(const PortAccess& access, Loaded& copy) {
    for (;;) {
        uint64_t before = __atomic_load_n(&access.generation, __ATOMIC_ACQUIRE);
        if (before % 2 != 0) {
            spin_pause();
            continue;
        }
        uint32_t count = __atomic_load_n(&access.range_count, __ATOMIC_RELAXED);
        if (count > kMaxRanges) count = kMaxRanges;
        for (uint32_t i = 0; i < count; ++i) {
            copy.ranges[i].first = __atomic_load_n(&access.ranges[i].first, __ATOMIC_RELAXED);
            copy.ranges[i].count = __atomic_load_n(&access.ranges[i].count, __ATOMIC_RELAXED);
        }
        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (__atomic_load_n(&access.generation, __ATOMIC_RELAXED) != before) continue;
        copy.range_count = count;
        copy.generation = before;
        return;
    }
}

}  // namespace

Loaded loaded[kMaxCpus];

bool supported() {
    return true;
}

const Range* kernel_ranges(size_t* count) {
    uint32_t expected = 0;
    if (__atomic_compare_exchange_n(&kernel_ranges_state, &expected, 1, false, __ATOMIC_ACQUIRE,
                                    __ATOMIC_ACQUIRE)) {
        for (size_t i = 0; i < kFixedCount; ++i)
            kernel_range_table[i] = kFixedKernelRanges[i];
        kernel_range_count = kFixedCount + x86_64::acpi::power_management_ports(
                                               &kernel_range_table[kFixedCount], kMaxAcpiRanges);
        __atomic_store_n(&kernel_ranges_state, 2, __ATOMIC_RELEASE);
    }
    while (__atomic_load_n(&kernel_ranges_state, __ATOMIC_ACQUIRE) != 2)
        spin_pause();
    *count = kernel_range_count;
    return kernel_range_table;
}

// What threads without ports point at: a PortAccess never edited.
const PortAccess no_ports;

void attach(context::ThreadContext& thread, const PortAccess* access) {
    // Never null for a thread with user state (see enable_user_state()).
    thread.io_ports = access != nullptr ? access : &no_ports;
}

void refresh() {
    x86_64::CpuLocal& cpu = x86_64::this_cpu();
    const context::ThreadContext* current = cpu.current_context;
    if (current != nullptr && current->user_state)
        x86_64::apply_io_ports(cpu.index, current->io_ports);
}

}  // namespace hal::io_ports

namespace hal::x86_64 {

void load_io_ports(uint32_t cpu, const io_ports::PortAccess* access) {
    // The executing CPU's own (apply_io_ports()'s contract): its CpuLocal
    // mirrors the range count.
    CpuLocal& local = this_cpu();
    KERNEL_ASSERT(local.index == cpu);
    io_ports::Loaded& state = io_ports::loaded[cpu];
    uint8_t* bitmap = io_permission_bitmap(cpu);
    for (uint32_t i = 0; i < state.range_count; ++i)
        set_port_bits(bitmap, state.ranges[i].first, state.ranges[i].count, false);
    state.range_count = 0;
    state.generation = 0;
    state.access = access;
    local.io_ports_open = 0;
    if (access == nullptr) return;
    io_ports::snapshot(*access, state);
    for (uint32_t i = 0; i < state.range_count; ++i)
        set_port_bits(bitmap, state.ranges[i].first, state.ranges[i].count, true);
    local.io_ports_open = state.range_count;
}

}  // namespace hal::x86_64
