// Self-tests of the allocators as the booted kernel set them up: the buddy
// allocator over the machine's real memory map and NUMA nodes, and the heap.
#include "hal/boot_info.h"
#include "hal/cpu.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/init.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/selftest/selftest.h"

namespace kernel::mm {
namespace {

KERNEL_TEST(mm, buddy_blocks_are_aligned_ram) {
    PhysicalMemory& frames = physical_memory();
    uint64_t free_before = frames.free_bytes();
    PageFrame* blocks[kMaxOrder + 1] = {};
    for (unsigned order = 0; order <= kMaxOrder; ++order) {
        auto block = frames.allocate(PageRequest{.order = order, .zeroed = true});
        if (!CHECK(!block.is_error())) continue;
        blocks[order] = block.value();
        hal::mm::PhysicalAddress address = frames.address_of(block.value());
        uint64_t bytes = hal::mm::kPageSize << order;
        CHECK_EQ(address % bytes, 0u);
        CHECK_EQ(block.value()->order(), order);
        // Zeroed, and ours to write: first and last byte through the direct map.
        auto* memory = static_cast<uint8_t*>(frames.virtual_address_of(block.value()));
        CHECK_EQ(memory[0], 0u);
        CHECK_EQ(memory[bytes - 1], 0u);
        memory[bytes - 1] = 0x5a;
    }
    for (PageFrame* block : blocks) {
        if (block != nullptr) frames.free(block);
    }
    CHECK_EQ(frames.free_bytes(), free_before);
}

// Every node that has memory serves an exact-node request from its own
// ranges, and an unqualified request comes from the boot CPU's node.
KERNEL_TEST(mm, allocation_from_the_right_numa_node) {
    PhysicalMemory& frames = physical_memory();
    const hal::NumaTopology& numa = boot_numa_topology();
    int nodes_checked = 0;
    for (uint32_t node = 0; node < numa.node_count; ++node) {
        if (!frames.node_has_memory(node)) continue;
        auto frame = frames.allocate(PageRequest{.node = node, .exact_node = true});
        if (!CHECK(!frame.is_error())) continue;
        CHECK_EQ(frame.value()->node(), node);
        CHECK_EQ(numa.node_of(frames.address_of(frame.value())), node);
        frames.free(frame.value());
        ++nodes_checked;
    }
    CHECK(nodes_checked >= 1);
    CHECK_EQ(frames.node_of_cpu(hal::current_cpu_index()), numa.boot_cpu_node);
    if (frames.node_has_memory(numa.boot_cpu_node)) {
        auto local = frames.allocate(PageRequest{});
        REQUIRE(!local.is_error());
        CHECK_EQ(local.value()->node(), numa.boot_cpu_node);
        frames.free(local.value());
    }
}

KERNEL_TEST(mm, kmalloc_sizes) {
    static constexpr size_t kSizes[] = {1, 16, 24, 64, 100, 512, 4096, 8192, 20000, 1 << 20};
    void* blocks[sizeof(kSizes) / sizeof(kSizes[0])];
    for (size_t i = 0; i < sizeof(kSizes) / sizeof(kSizes[0]); ++i) {
        blocks[i] = kmalloc(kSizes[i]);
        if (!CHECK(blocks[i] != nullptr)) continue;
        CHECK_EQ(reinterpret_cast<uintptr_t>(blocks[i]) % 16, 0u);
        auto* bytes = static_cast<uint8_t*>(blocks[i]);
        for (size_t b = 0; b < kSizes[i]; b += 61)
            bytes[b] = static_cast<uint8_t>(i);
    }
    for (size_t i = 0; i < sizeof(kSizes) / sizeof(kSizes[0]); ++i) {
        if (blocks[i] == nullptr) continue;
        auto* bytes = static_cast<uint8_t*>(blocks[i]);
        bool intact = true;
        for (size_t b = 0; b < kSizes[i]; b += 61)
            intact = intact && bytes[b] == i;
        CHECK(intact);
        kfree(blocks[i]);
    }
    // A freed small object is reused by the next allocation of its class
    // (the per-CPU magazine hands back the most recent free).
    void* first = kmalloc(64);
    kfree(first);
    void* again = kmalloc(64);
    CHECK(first == again);
    kfree(again);
}

}  // namespace
}  // namespace kernel::mm
