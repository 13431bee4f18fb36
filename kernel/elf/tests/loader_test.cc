#include "kernel/elf/loader.h"

#include <gtest/gtest.h>
#include <string.h>

#include "cairn/syscalls.h"
#include "kernel/elf/tests/elf_builder.h"
#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::elf {
namespace {

using mm::testing::kReadExecute;
using mm::testing::kReadOnly;
using mm::testing::kReadWrite;
using testing::bytes_of;
using testing::ElfBuilder;

class LoaderTest : public mm::testing::VmTest {
protected:
    // Parses with the machine's limits (the host's e_machine is x86_64's).
    Image parse_image(const std::vector<unsigned char>& file) {
        Image image;
        EXPECT_EQ(parse(bytes_of(file), machine_limits(), &image), ElfError::kOk);
        return image;
    }

    std::vector<uint8_t> read(mm::AddressSpace* space, uint64_t address, size_t length) {
        std::vector<uint8_t> bytes(length);
        for (size_t i = 0; i < length; ++i) {
            EXPECT_TRUE(user_read(space, address + i, &bytes[i])) << std::hex << address + i;
        }
        return bytes;
    }

    mm::RegionInfo region_at(mm::AddressSpace* space, uint64_t address) {
        mm::RegionInfo info;
        EXPECT_TRUE(space->find_region(address, &info)) << std::hex << address;
        return info;
    }
};

TEST_F(LoaderTest, SegmentsGetTheirBytesZeroesAndPermissions) {
    ElfBuilder builder = ElfBuilder::typical();
    std::vector<unsigned char> file = builder.build();
    Image image = parse_image(file);
    mm::AddressSpace* space = create_space();
    ASSERT_FALSE(load_segments(image, bytes_of(file), *space).is_error());

    EXPECT_EQ(read(space, 0x400000, 0x1800), builder.segments[0].bytes);
    EXPECT_EQ(read(space, 0x402000, 0x20), builder.segments[1].bytes);
    EXPECT_EQ(read(space, 0x403010, 0x100), builder.segments[2].bytes);
    // bss, and the page parts outside the file bytes, are zero.
    for (uint8_t byte : read(space, 0x403110, 0x3000 - 0x100))
        ASSERT_EQ(byte, 0);
    for (uint8_t byte : read(space, 0x403000, 0x10))
        ASSERT_EQ(byte, 0);
    for (uint8_t byte : read(space, 0x401800, 0x800))
        ASSERT_EQ(byte, 0);

    mm::RegionInfo text = region_at(space, 0x400000);
    EXPECT_EQ(text.start, 0x400000u);
    EXPECT_EQ(text.end, 0x402000u);
    EXPECT_EQ(text.permissions, kReadExecute);
    EXPECT_EQ(region_at(space, 0x402000).permissions, kReadOnly);
    mm::RegionInfo data = region_at(space, 0x403010);
    EXPECT_EQ(data.start, 0x403000u);
    EXPECT_EQ(data.end, 0x407000u);
    EXPECT_EQ(data.permissions, kReadWrite);
    EXPECT_EQ(space->region_count(), 3u);
    // Text is no longer writable from user mode once loaded.
    EXPECT_FALSE(access(space, 0x400000, hal::mm::Access::kWrite));
    EXPECT_TRUE(access(space, 0x400000, hal::mm::Access::kExecute));
    EXPECT_FALSE(access(space, 0x402000, hal::mm::Access::kExecute));
    EXPECT_TRUE(space->check_invariants());
    space->destroy();
}

TEST_F(LoaderTest, WriteOnlyAndExecuteOnlySegmentsBecomeReadable) {
    ElfBuilder builder = ElfBuilder::typical();
    builder.segments[0].flags = kFlagExecute;
    builder.segments[2].flags = kFlagWrite;
    std::vector<unsigned char> file = builder.build();
    Image image = parse_image(file);
    mm::AddressSpace* space = create_space();
    ASSERT_FALSE(load_segments(image, bytes_of(file), *space).is_error());
    EXPECT_EQ(region_at(space, 0x400000).permissions, kReadExecute);
    EXPECT_EQ(region_at(space, 0x403000).permissions, kReadWrite);
    space->destroy();
}

TEST_F(LoaderTest, StackHoldsStartInfoAndStrings) {
    mm::AddressSpace* space = create_space();
    StackRequest request;
    request.program = "bin/init";
    request.argument = "hello world";
    request.process_id = 7;
    auto stack = build_main_stack(*space, request);
    ASSERT_FALSE(stack.is_error());
    const MainStack& main = stack.value();
    uint64_t top = hal::mm::user_space_end() - kStackTopGap;
    EXPECT_EQ(main.base, top - kStackSize);
    EXPECT_EQ(main.size, kStackSize);
    EXPECT_EQ(main.stack_pointer % 16, 0u);
    EXPECT_LE(main.stack_pointer, main.start_info);
    EXPECT_GT(main.stack_pointer, main.base + kStackSize - 256);
    ASSERT_FALSE(patch_thread_id(*space, main, 42).is_error());

    std::vector<uint8_t> raw = read(space, main.start_info, sizeof(cairn::StartInfo));
    cairn::StartInfo info;
    memcpy(&info, raw.data(), sizeof(info));
    EXPECT_EQ(info.version, cairn::kStartInfoVersion);
    EXPECT_EQ(info.process_id, 7u);
    EXPECT_EQ(info.thread_id, 42u);
    EXPECT_EQ(info.stack_base, main.base);
    EXPECT_EQ(info.stack_size, kStackSize);
    EXPECT_EQ(info.page_size, hal::mm::kPageSize);
    auto string_at = [&](const char* pointer) {
        std::string text;
        uint64_t address = reinterpret_cast<uint64_t>(pointer);
        for (;; ++address) {
            uint8_t byte = 0;
            EXPECT_TRUE(user_read(space, address, &byte));
            if (byte == 0) break;
            text.push_back(static_cast<char>(byte));
        }
        return text;
    };
    EXPECT_EQ(string_at(info.program), "bin/init");
    EXPECT_EQ(string_at(info.argument), "hello world");
    EXPECT_LT(reinterpret_cast<uint64_t>(info.program), top);

    // The guard below the stack is reserved: every access faults.
    mm::RegionInfo guard = region_at(space, main.base - 1);
    EXPECT_EQ(guard.type, mm::RegionType::kReserved);
    EXPECT_EQ(guard.end, main.base);
    EXPECT_FALSE(access(space, main.base - 8, hal::mm::Access::kWrite));
    EXPECT_TRUE(access(space, main.base, hal::mm::Access::kWrite));
    space->destroy();
}

TEST_F(LoaderTest, SegmentsMayNotCollideWithTheStack) {
    Limits limits = machine_limits();
    EXPECT_LE(limits.user_end,
              hal::mm::user_space_end() - kStackTopGap - kStackSize - kStackGuardSize);
    EXPECT_EQ(limits.user_start, hal::mm::kPageSize);
}

TEST_F(LoaderTest, WriteIntoRefusesUnmappedAndReadOnlyMemory) {
    mm::AddressSpace* space = create_space();
    ASSERT_FALSE(space->map(anonymous(0x500000, 0x1000, kReadOnly)).is_error());
    uint64_t value = 1;
    EXPECT_EQ(write_into(*space, 0x600000, &value, 8).error(), os::Error::kBadAddress);
    EXPECT_EQ(write_into(*space, 0x500000, &value, 8).error(), os::Error::kBadAddress);
    space->destroy();
}

TEST_F(LoaderTest, FailedLoadLeavesNothingBehindAfterDestroy) {
    // Two loads into one space collide (kAlreadyExists) half-way through;
    // destroying the space frees everything (the fixture checks).
    std::vector<unsigned char> file = ElfBuilder::typical().build();
    Image image = parse_image(file);
    mm::AddressSpace* space = create_space();
    ASSERT_FALSE(load_segments(image, bytes_of(file), *space).is_error());
    auto again = load_segments(image, bytes_of(file), *space);
    ASSERT_TRUE(again.is_error());
    EXPECT_EQ(again.error(), os::Error::kAlreadyExists);
    space->destroy();
}

TEST_F(LoaderTest, ManyLoadsLeakNothing) {
    std::vector<unsigned char> file = ElfBuilder::typical().build();
    Image image = parse_image(file);
    for (int i = 0; i < 50; ++i) {
        mm::AddressSpace* space = create_space();
        ASSERT_FALSE(load_segments(image, bytes_of(file), *space).is_error());
        StackRequest request;
        ASSERT_FALSE(build_main_stack(*space, request).is_error());
        space->destroy();
    }
}

}  // namespace
}  // namespace kernel::elf
