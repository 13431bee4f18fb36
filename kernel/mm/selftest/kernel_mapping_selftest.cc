// Self-tests of the kernel half as kernel::mm::initialize() left it: W^X on
// the kernel image and a direct map that reaches all of RAM.
#include "hal/boot_info.h"
#include "hal/mm.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/page_table.h"
#include "kernel/mm/vm/vm_environment.h"
#include "kernel/selftest/selftest.h"

namespace kernel::mm {
namespace {

KERNEL_TEST(mm, kernel_image_is_write_xor_execute) {
    PageTable kernel_table(hal::mm::kernel_root_table(), *vm_environment().tables);
    hal::mm::KernelSegment segments[8];
    size_t count = hal::mm::kernel_segments(segments, 8);
    REQUIRE(count >= 2);
    for (size_t i = 0; i < count && i < 8; ++i) {
        const hal::mm::KernelSegment& segment = segments[i];
        for (hal::mm::VirtualAddress page = segment.start; page < segment.end;
             page += hal::mm::kPageSize) {
            PageTable::Translation translation;
            if (!CHECK(kernel_table.query(page, &translation))) break;
            CHECK(!(translation.attributes.writable && translation.attributes.executable));
            CHECK_EQ(translation.attributes.writable, segment.writable);
            CHECK_EQ(translation.attributes.executable, segment.executable);
            CHECK(!translation.attributes.user);
            CHECK_EQ(translation.physical, segment.physical_start + (page - segment.start));
        }
    }
}

// The first and last page of every zone the buddy allocator manages is
// reachable, writable and not executable through the direct map.
KERNEL_TEST(mm, direct_map_covers_all_ram) {
    PhysicalMemory& frames = physical_memory();
    PageTable kernel_table(hal::mm::kernel_root_table(), *vm_environment().tables);
    REQUIRE(frames.zone_count() > 0);
    for (size_t zone = 0; zone < frames.zone_count(); ++zone) {
        ZoneInfo info = frames.zone_info(zone);
        hal::mm::PhysicalAddress pages[2] = {
            info.base, info.base + (info.frame_count - 1) * hal::mm::kPageSize};
        for (hal::mm::PhysicalAddress physical : pages) {
            auto address =
                reinterpret_cast<hal::mm::VirtualAddress>(hal::mm::physical_to_virtual(physical));
            PageTable::Translation translation;
            if (!CHECK(kernel_table.query(address, &translation))) continue;
            CHECK_EQ(translation.physical, physical);
            CHECK(!translation.attributes.executable);
            CHECK(!translation.attributes.user);
        }
    }
}

}  // namespace
}  // namespace kernel::mm
