// Self-tests of 2 MiB pages in user address spaces on the real MMU: a
// physical (device) region over RAM the buddy allocator gave us, checked
// byte by byte against the direct map, and anonymous transparent huge pages
// through a clone and copy-on-write. Every user access goes through
// copy_{from,to}_user, so the CPU walks the 2 MiB leaves and the tables that
// splitting them left.
#include "hal/mm.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/selftest/selftest_support.h"
#include "kernel/mm/vm/memory_object.h"
#include "kernel/selftest/selftest.h"

namespace kernel::mm {
namespace {

using namespace selftest_support;

constexpr hal::mm::VirtualAddress kBase = 0x40000000;  // 2 MiB-aligned
constexpr size_t kPage = hal::mm::kPageSize;
constexpr size_t kHuge = 2 * 1024 * 1024;

bool translate(AddressSpace* space, hal::mm::VirtualAddress address,
               PageTable::Translation* translation) {
    return space->translate(address, translation);
}

bool is_mapped(AddressSpace* space, hal::mm::VirtualAddress address) {
    PageTable::Translation translation;
    return space->translate(address, &translation);
}

uint8_t* direct(hal::mm::PhysicalAddress physical) {
    return static_cast<uint8_t*>(hal::mm::physical_to_virtual(physical));
}

// Offsets in each 2 MiB page that the device test moves bytes through: the
// first byte, the middle, the last.
constexpr size_t kProbeOffsets[] = {0, kHuge / 2 + 3, kHuge - 1};

KERNEL_TEST(mm, huge_pages_physical_region) {
    // 4 MiB of RAM (2 MiB if no 4 MiB block is free) stands in for a
    // device's memory: buddy blocks are naturally aligned, so 2 MiB-aligned.
    PageFrame* block = nullptr;
    for (unsigned order = 10; order >= 9 && block == nullptr; --order) {
        auto allocated = physical_memory().allocate(PageRequest{.order = order, .zeroed = true});
        if (!allocated.is_error()) block = allocated.value();
    }
    REQUIRE(block != nullptr);
    const size_t size = kPage << block->order();
    const hal::mm::PhysicalAddress physical = physical_memory().address_of(block);
    REQUIRE_EQ(physical % kHuge, 0u);
    auto object = MemoryObject::create_physical(physical, size);
    REQUIRE(!object.is_error());
    {
        ScratchSpace space;
        REQUIRE(space.valid());
        MapRequest request;
        request.type = RegionType::kDevice;
        request.permissions = kReadWrite;
        request.length = size;
        request.object = object.value();
        request.address = kBase;
        request.fixed = true;
        REQUIRE(!space->map(request).is_error());

        for (size_t huge = 0; huge < size; huge += kHuge) {
            PageTable::Translation translation;
            REQUIRE(translate(space.get(), kBase + huge + 5, &translation));
            CHECK(translation.size == PageSize::k2MiB);
            CHECK_EQ(translation.physical, physical + huge + 5);
            CHECK(translation.attributes.cache == CachePolicy::kDevice);
            CHECK(translation.attributes.user && translation.attributes.writable);
            // User writes land in the right physical bytes, and bytes put
            // there through the direct map are what the user reads.
            for (size_t offset : kProbeOffsets) {
                hal::mm::VirtualAddress address = kBase + huge + offset;
                uint8_t value = static_cast<uint8_t>(0xa0 + huge / kHuge * 3 + offset % 7);
                CHECK(!write_byte(address, value).is_error());
                CHECK_EQ(direct(physical + huge + offset)[0], value);
                direct(physical + huge + offset)[0] = static_cast<uint8_t>(~value);
                CHECK_EQ(peek(address), static_cast<uint8_t>(~value));
            }
            // A run of aligned 8-byte copies as well.
            CHECK(write_pattern(kBase + huge + kHuge - 256, 256, 17));
            CHECK(check_pattern(kBase + huge + kHuge - 256, 256, 17));
        }

        // A 4 KiB hole in the first 2 MiB page: the leaf splits, the hole
        // faults, its neighbours and the rest keep their translations.
        const hal::mm::VirtualAddress hole = kBase + 5 * kPage;
        CHECK(!space->unmap(hole, kPage).is_error());
        CHECK(!is_mapped(space.get(), hole));
        CHECK(read_byte(hole).error() == os::Error::kBadAddress);
        CHECK(write_byte(hole + 9, 1).error() == os::Error::kBadAddress);
        PageTable::Translation translation;
        CHECK(translate(space.get(), hole - kPage, &translation) &&
              translation.size == PageSize::k4KiB && translation.physical == physical + 4 * kPage);
        CHECK(translate(space.get(), hole + kPage, &translation) &&
              translation.size == PageSize::k4KiB && translation.physical == physical + 6 * kPage);
        CHECK(!write_byte(hole + kPage, 0x3c).is_error());
        CHECK_EQ(direct(physical + 6 * kPage)[0], 0x3cu);
        CHECK(!write_byte(hole - 1, 0x3d).is_error());
        CHECK_EQ(direct(physical + 5 * kPage - 1)[0], 0x3du);
        CHECK_EQ(peek(kBase), direct(physical)[0]);
        CHECK_EQ(peek(kBase + kHuge - 1), direct(physical + kHuge - 1)[0]);
        if (size > kHuge) {
            CHECK(translate(space.get(), kBase + kHuge, &translation) &&
                  translation.size == PageSize::k2MiB);
        }
        CHECK(space->check_invariants());
    }
    object.value()->release();
    physical_memory().free(block);
}

KERNEL_TEST(mm, huge_pages_anonymous) {
    ScratchSpace parent;
    REQUIRE(parent.valid());
    MapRequest request;
    request.type = RegionType::kAnonymous;
    request.permissions = kReadWrite;
    request.length = 2 * kHuge;
    request.address = kBase;
    request.fixed = true;
    request.huge_pages = true;
    REQUIRE(!parent->map(request).is_error());

    // One fault maps the whole first 2 MiB, zero-filled; the second waits.
    REQUIRE(!write_byte(kBase + 12345, 0x5a).is_error());
    PageTable::Translation translation;
    REQUIRE(translate(parent.get(), kBase, &translation));
    CHECK(translation.size == PageSize::k2MiB);
    CHECK_EQ(translation.physical % kHuge, 0u);
    const hal::mm::PhysicalAddress base = translation.physical;
    CHECK(!is_mapped(parent.get(), kBase + kHuge));
    CHECK_EQ(peek(kBase + kHuge - 1), 0u);
    CHECK_EQ(direct(base + 12345)[0], 0x5au);
    CHECK(write_pattern(kBase + 3 * kPage, 16 * kPage, 21));
    CHECK(check_pattern(kBase + 3 * kPage, 16 * kPage, 21));

    // A clone shares the block page by page; the parent's leaf stays whole,
    // read-only, until a write splits it.
    auto cloned = parent->clone();
    REQUIRE(!cloned.is_error());
    AddressSpace* child = cloned.value();
    CHECK(translate(parent.get(), kBase, &translation) && translation.size == PageSize::k2MiB &&
          !translation.attributes.writable);
    CHECK(translate(child, kBase + 4 * kPage, &translation) &&
          translation.size == PageSize::k4KiB && translation.physical == base + 4 * kPage);
    as_switch(child);
    CHECK(check_pattern(kBase + 3 * kPage, 16 * kPage, 21));
    CHECK(write_pattern(kBase + 4 * kPage, kPage, 22));  // copies that page only
    CHECK(translate(child, kBase + 4 * kPage, &translation) &&
          translation.physical != base + 4 * kPage);
    CHECK(translate(child, kBase + 5 * kPage, &translation) &&
          translation.physical == base + 5 * kPage);
    as_switch(parent.get());
    CHECK(check_pattern(kBase + 3 * kPage, 16 * kPage, 21));  // untouched by the child
    CHECK(!write_byte(kBase + 5 * kPage, 0x77).is_error());   // shared: copied, leaf split
    CHECK(translate(parent.get(), kBase, &translation) && translation.size == PageSize::k4KiB);
    CHECK(translate(parent.get(), kBase + 5 * kPage, &translation) &&
          translation.physical != base + 5 * kPage && translation.attributes.writable);
    CHECK(!write_byte(kBase + 4 * kPage, 0x78).is_error());  // the parent's alone: in place
    CHECK(translate(parent.get(), kBase + 4 * kPage, &translation) &&
          translation.physical == base + 4 * kPage);
    as_switch(child);  // sees neither of the parent's writes
    CHECK(check_pattern(kBase + 4 * kPage, kPage, 22));
    CHECK(peek(kBase + 5 * kPage) != 0x77);
    CHECK(check_pattern(kBase + 3 * kPage, kPage, 21));
    as_switch(parent.get());
    child->destroy();

    // The second 2 MiB, with a 4 KiB hole punched into it.
    CHECK_EQ(peek(kBase + kHuge + 7), 0u);
    REQUIRE(translate(parent.get(), kBase + kHuge, &translation));
    CHECK(translation.size == PageSize::k2MiB);
    CHECK(write_pattern(kBase + kHuge, 8 * kPage, 23));
    CHECK(!parent->unmap(kBase + kHuge + 2 * kPage, kPage).is_error());
    CHECK(read_byte(kBase + kHuge + 2 * kPage).error() == os::Error::kBadAddress);
    CHECK(check_pattern(kBase + kHuge, 2 * kPage, 23));
    CHECK(translate(parent.get(), kBase + kHuge + 3 * kPage, &translation) &&
          translation.size == PageSize::k4KiB);
    CHECK(parent->check_invariants());
}

}  // namespace
}  // namespace kernel::mm
