// The harts the device tree lists under /cpus, and what the interrupt and
// timer code needs to know about them.
//
// CPU indices (hal::current_cpu_index()) map to hart ids this way: index 0
// is the boot hart; the other enabled /cpus/cpu nodes follow in tree order.
// SMP bring-up (smp/start.cc) starts the harts in the same order.
#pragma once

#include <stdint.h>

#include "hal/cpu.h"
#include "kernel/lib/error.h"
#include "kernel/lib/fdt/device_tree.h"

namespace hal::riscv64 {

// The hart id of CPU `cpu`; false for an index the device tree does not list.
bool hart_of_cpu(uint32_t cpu, uint64_t* hart_id);

// How many CPU indices exist (the boot hart and every other enabled hart,
// up to hal::kMaxCpus).
uint32_t cpu_count();

// The /cpus/cpu node of hart `hart_id` / of the boot hart; kNotFound if no
// node has that hart id.
os::ErrorOr<os::fdt::Node> hart_node(uint64_t hart_id);
os::ErrorOr<os::fdt::Node> boot_hart_node();

// The phandle of hart `hart_id`'s (the boot hart's) local interrupt
// controller (the "riscv,cpu-intc" child of its cpu node), which PLIC
// contexts name.
os::ErrorOr<uint32_t> hart_interrupt_controller(uint64_t hart_id);
os::ErrorOr<uint32_t> boot_hart_interrupt_controller();

// The frequency of the time CSR in Hz: /cpus timebase-frequency, or the boot
// hart's own. kNotFound without one, kMalformed if it is 0 or unreadable.
os::ErrorOr<uint64_t> timebase_frequency();

// Whether the boot hart's ISA (riscv,isa or riscv,isa-extensions) lists
// the multi-letter extension `name`, such as "sstc".
bool boot_hart_has_extension(const char* name);

// The node whose phandle is `phandle`; kNotFound if none.
os::ErrorOr<os::fdt::Node> node_with_phandle(uint32_t phandle);

}  // namespace hal::riscv64
