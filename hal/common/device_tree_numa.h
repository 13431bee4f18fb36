// The NUMA topology a device tree describes (Linux's devicetree binding
// "numa.txt"): a `numa-node-id` cell on /memory nodes and on /cpus/cpu nodes.
// Architecture-neutral and free of boot-time state, so host tests run it on
// QEMU's trees.
#pragma once

#include <stdint.h>

#include "hal/boot_info.h"
#include "kernel/lib/error.h"
#include "kernel/lib/fdt/device_tree.h"

namespace hal {

// Fills `numa` from `tree`:
//  - ranges: every reg entry of every enabled memory node that has a
//    numa-node-id, with that node;
//  - boot_cpu_node: the numa-node-id of the /cpus/cpu node whose reg is
//    `boot_cpu_id` (the MPIDR_EL1 affinity bits on aarch64, the hart id on
//    riscv64);
//  - cpu_nodes: the numa-node-id of every enabled /cpus/cpu node by CPU
//    index, numbered as the aarch64 and riscv64 HALs number CPUs: the boot
//    CPU is 0, the other enabled cpu nodes follow in tree order;
//  - node_count: one more than the largest node id on any memory or enabled
//    CPU node.
// A tree without numa-node-id leaves the single-node default (every byte and
// every CPU on node 0). Errors, after which `numa` is that default again:
//   kMalformed    a numa-node-id that is not one cell, a reg that cannot be read
//   kUnsupported  a node id of NumaTopology::kMaxNodes or more
//   kNoSpace      more than NumaTopology::kMaxRanges memory ranges with a node
//   kNotFound     CPUs carry node ids but no cpu node has the boot CPU's reg
os::ErrorOr<void> read_numa_topology(const os::fdt::DeviceTree& tree, uint64_t boot_cpu_id,
                                     NumaTopology& numa);

}  // namespace hal
