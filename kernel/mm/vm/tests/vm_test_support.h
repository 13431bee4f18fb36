// A simulated machine for the address-space tests: RAM from //hal/host, a
// real PhysicalMemory over it, page-table pages (FrameTablePageSource) and
// user pages from it,
// counted small-object allocations, and an MMU model that turns an access
// into the faults real hardware would raise.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <memory>
#include <set>

#include "hal/boot_info.h"
#include "hal/host/host_hal.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/asid_allocator.h"
#include "kernel/mm/vm/frame_table_source.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm::testing {

inline constexpr uint64_t kPage = hal::mm::kPageSize;
inline constexpr uint64_t kMiB = 1024 * 1024;

// malloc with a live count, and a switch to make the next allocations fail.
class CountingObjectAllocator final : public ObjectAllocator {
public:
    void* allocate(size_t size) override {
        if (failures_pending_ > 0) {
            --failures_pending_;
            return nullptr;
        }
        ++live_;
        return malloc(size);
    }
    void free(void* object, size_t) override {
        --live_;
        ::free(object);
    }
    int64_t live() const { return live_; }
    void fail_next(int count) { failures_pending_ = count; }

private:
    int64_t live_ = 0;
    int failures_pending_ = 0;
};

// Fills page `index` with byte (index * 7 + offset) & 0xff; fails for the
// indices in `failing` without supplying anything.
class PatternPager final : public Pager {
public:
    static uint8_t byte_at(uint64_t index, size_t offset) {
        return static_cast<uint8_t>(index * 7 + offset);
    }
    os::ErrorOr<void> supply(MemoryObject& object, uint64_t page_index) override {
        ++calls;
        if (failing.count(page_index) != 0) return os::Error::kNotFound;
        uint8_t data[kPage];
        for (size_t i = 0; i < kPage; ++i)
            data[i] = byte_at(page_index, i);
        return object.supply_page(page_index, os::Bytes(data, sizeof(data)));
    }

    std::set<uint64_t> failing;
    int calls = 0;
};

// Every test gets fresh RAM, allocators and environment; the fixture checks
// at the end that the test gave everything back.
class VmTest : public ::testing::Test {
protected:
    static constexpr uint64_t kRamBase = 0x40000000;
    static constexpr uint64_t kRamSize = 8 * kMiB;

    // Tests that need more room (huge pages) ask for more RAM.
    explicit VmTest(uint64_t ram_size = kRamSize)
        : ram_size_(ram_size),
          ram_(kRamBase, ram_size),
          frames_(std::make_unique<PhysicalMemory>()),
          tables_(*frames_),
          asids_(hal::mm::asid_count()) {}

    void SetUp() override {
        hal::host::set_current_cpu(0);
        os::MemoryMap map;
        ASSERT_FALSE(map.add({kRamBase, ram_size_, os::MemoryKind::kUsable}).is_error());
        ASSERT_FALSE(frames_->initialize(map, hal::NumaTopology{}).is_error());
        environment_.frames = frames_.get();
        environment_.tables = &tables_;
        environment_.asids = &asids_;
        environment_.objects = &objects_;
        environment_.empty_user_root();  // made once, kept: part of the baseline
        baseline_free_bytes_ = frames_->free_bytes();
        baseline_tables_ = tables_.tables_in_use();
    }

    void TearDown() override {
        if (current_address_space() != nullptr) as_switch(nullptr);
        EXPECT_EQ(objects_.live(), 0) << "regions, objects or address spaces leaked";
        EXPECT_EQ(tables_.tables_in_use(), baseline_tables_) << "page-table pages leaked";
        EXPECT_EQ(frames_->free_bytes(), baseline_free_bytes_) << "frames leaked";
    }

    AddressSpace* create_space() {
        auto space = AddressSpace::create(environment_);
        EXPECT_FALSE(space.is_error());
        return space.is_error() ? nullptr : space.value();
    }

    static MapRequest anonymous(uint64_t address, uint64_t length, Permissions permissions) {
        MapRequest request;
        request.type = RegionType::kAnonymous;
        request.address = address;
        request.length = length;
        request.permissions = permissions;
        request.fixed = true;
        return request;
    }

    static hal::mm::PageFault page_fault(hal::mm::VirtualAddress address, hal::mm::Access access) {
        hal::mm::PageFault fault;
        fault.address = address;
        fault.pc = 0x401000;
        fault.access = access;
        fault.from_user = true;
        return fault;
    }

    FaultResolution fault(AddressSpace* space, hal::mm::VirtualAddress address,
                          hal::mm::Access access) {
        return space->handle_fault(page_fault(address, access));
    }

    // What the MMU would do: if the entry does not allow the access, raise
    // a fault and retry once it is resolved. False if the access faults for
    // good. A resolved fault that does not fix the entry would loop on
    // hardware: that fails the test.
    bool access(AddressSpace* space, hal::mm::VirtualAddress address, hal::mm::Access access) {
        for (int attempt = 0; attempt < 3; ++attempt) {
            PageTable::Translation translation;
            if (space->translate(address, &translation) && allows(translation, access)) {
                EXPECT_TRUE(translation.attributes.user);
                return true;
            }
            if (fault(space, address, access) == FaultResolution::kUnresolved) return false;
        }
        ADD_FAILURE() << "the fault at 0x" << std::hex << address << " keeps recurring";
        return false;
    }

    static bool allows(const PageTable::Translation& translation, hal::mm::Access access) {
        switch (access) {
            case hal::mm::Access::kRead:
                return true;
            case hal::mm::Access::kWrite:
                return translation.attributes.writable;
            case hal::mm::Access::kExecute:
                return translation.attributes.executable;
        }
        return false;
    }

    // The byte at a mapped user address, through the direct map.
    uint8_t* byte_at(AddressSpace* space, hal::mm::VirtualAddress address) {
        PageTable::Translation translation;
        if (!space->translate(address, &translation)) return nullptr;
        return static_cast<uint8_t*>(hal::mm::physical_to_virtual(translation.physical));
    }

    // Reads or writes one byte the way a user program would (faulting as
    // needed); false if the access faults for good.
    bool user_read(AddressSpace* space, hal::mm::VirtualAddress address, uint8_t* value) {
        if (!access(space, address, hal::mm::Access::kRead)) return false;
        *value = *byte_at(space, address);
        return true;
    }
    bool user_write(AddressSpace* space, hal::mm::VirtualAddress address, uint8_t value) {
        if (!access(space, address, hal::mm::Access::kWrite)) return false;
        *byte_at(space, address) = value;
        return true;
    }

    PageFrame* frame_at(AddressSpace* space, hal::mm::VirtualAddress address) {
        PageTable::Translation translation;
        if (!space->translate(address, &translation)) return nullptr;
        return frames_->frame_of(translation.physical);
    }

    uint64_t ram_size_;
    hal::host::SimulatedPhysicalMemory ram_;
    std::unique_ptr<PhysicalMemory> frames_;
    FrameTablePageSource tables_;
    AsidAllocator asids_;
    CountingObjectAllocator objects_;
    VmEnvironment environment_;
    uint64_t baseline_free_bytes_ = 0;
    uint64_t baseline_tables_ = 0;
};

inline constexpr Permissions kNone{};
inline constexpr Permissions kReadOnly{.read = true};
inline constexpr Permissions kReadWrite{.read = true, .write = true};
inline constexpr Permissions kReadExecute{.read = true, .execute = true};
inline constexpr Permissions kReadWriteExecute{.read = true, .write = true, .execute = true};

}  // namespace kernel::mm::testing
