#include "kernel/elf/elf_image.h"

#include <gtest/gtest.h>

#include <random>

#include "kernel/elf/tests/elf_builder.h"

namespace kernel::elf {
namespace {

using testing::bytes_of;
using testing::ElfBuilder;
using testing::file_header;
using testing::program_header;
using testing::SegmentSpec;
using testing::set_file_header;
using testing::set_program_header;
using testing::test_limits;

ElfError parse_file(const std::vector<unsigned char>& file, Image* image = nullptr) {
    Image scratch;
    return parse(bytes_of(file), test_limits(), image != nullptr ? image : &scratch);
}

ElfError parse_built(const ElfBuilder& builder) {
    return parse_file(builder.build());
}

TEST(ElfImage, TypicalProgramParses) {
    std::vector<unsigned char> file = ElfBuilder::typical().build();
    Image image;
    ASSERT_EQ(parse_file(file, &image), ElfError::kOk);
    EXPECT_EQ(image.type, kTypeExecutable);
    EXPECT_EQ(image.entry, 0x400100u);
    EXPECT_EQ(image.load_bias, 0u);
    ASSERT_EQ(image.segment_count, 3u);
    EXPECT_EQ(image.segments[0].address, 0x400000u);
    EXPECT_TRUE(image.segments[0].read && image.segments[0].execute && !image.segments[0].write);
    EXPECT_EQ(image.segments[0].file_size, 0x1800u);
    EXPECT_EQ(image.segments[2].address, 0x403010u);
    EXPECT_EQ(image.segments[2].memory_size, 0x3000u);
    EXPECT_EQ(image.segments[2].file_size, 0x100u);
    EXPECT_TRUE(image.segments[2].write);
    EXPECT_EQ(image.segments[2].file_offset % 0x1000, 0x010u);
}

TEST(ElfImage, StaticPieIsRelocatedToTheFixedBase) {
    ElfBuilder builder = ElfBuilder::typical();
    builder.header.type = kTypeShared;
    for (SegmentSpec& segment : builder.segments)
        segment.address -= 0x400000 - 0x1000;
    builder.header.entry = 0x1100;
    builder.segments.push_back({kSegmentDynamic, kFlagRead, 0x4010, 0x10, {}, 8});
    Image image;
    ASSERT_EQ(parse_file(builder.build(), &image), ElfError::kOk);
    EXPECT_EQ(image.load_bias, kPieLoadBase);
    EXPECT_EQ(image.entry, kPieLoadBase + 0x1100);
    EXPECT_EQ(image.segments[0].address, kPieLoadBase + 0x1000);
}

TEST(ElfImage, UnknownSegmentTypesAndEmptyLoadsAreIgnored) {
    ElfBuilder builder = ElfBuilder::typical();
    builder.segments.push_back(
        {0x6474e551 /* PT_GNU_STACK */, kFlagRead | kFlagWrite | kFlagExecute, 0, 0, {}, 16});
    builder.segments.push_back({7 /* PT_TLS */, kFlagRead, 0x403010, 0x10, {}, 8});
    builder.segments.push_back({kSegmentLoad, kFlagRead, 0x900000, 0, {}, 0x1000});
    Image image;
    ASSERT_EQ(parse_file(builder.build(), &image), ElfError::kOk);
    EXPECT_EQ(image.segment_count, 3u);
}

TEST(ElfImage, HeaderErrors) {
    std::vector<unsigned char> good = ElfBuilder::typical().build();
    auto with = [&](auto change) {
        std::vector<unsigned char> file = good;
        FileHeader header = file_header(file);
        change(header);
        set_file_header(file, header);
        return parse_file(file);
    };
    EXPECT_EQ(parse_file(std::vector<unsigned char>(good.begin(), good.begin() + 63)),
              ElfError::kTooSmall);
    EXPECT_EQ(parse_file({}), ElfError::kTooSmall);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[0] = 0x7e; }), ElfError::kBadMagic);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[3] = 'G'; }), ElfError::kBadMagic);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[kIdentClass] = 1; }), ElfError::kNot64Bit);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[kIdentData] = 2; }), ElfError::kNotLittleEndian);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[kIdentVersion] = 0; }), ElfError::kBadVersion);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[kIdentOsAbi] = 9; }), ElfError::kBadOsAbi);
    EXPECT_EQ(with([](FileHeader& h) { h.ident[kIdentOsAbi] = kOsAbiGnu; }), ElfError::kOk);
    EXPECT_EQ(with([](FileHeader& h) { h.type = 1; }), ElfError::kNotExecutable);
    EXPECT_EQ(with([](FileHeader& h) { h.type = 4; }), ElfError::kNotExecutable);
    EXPECT_EQ(with([](FileHeader& h) { h.machine = 183; }), ElfError::kWrongMachine);
    EXPECT_EQ(with([](FileHeader& h) { h.version = 2; }), ElfError::kBadVersion);
    EXPECT_EQ(with([](FileHeader& h) { h.header_size = 63; }), ElfError::kBadHeaderSize);
    EXPECT_EQ(with([](FileHeader& h) { h.program_header_size = 55; }),
              ElfError::kBadProgramHeaderSize);
    EXPECT_EQ(with([](FileHeader& h) { h.program_header_size = 64; }),
              ElfError::kBadProgramHeaderSize);
    EXPECT_EQ(with([](FileHeader& h) { h.program_header_count = 0; }), ElfError::kNoProgramHeaders);
    EXPECT_EQ(with([](FileHeader& h) { h.program_header_count = kMaxProgramHeaders + 1; }),
              ElfError::kTooManyProgramHeaders);
    EXPECT_EQ(with([&](FileHeader& h) { h.program_header_offset = good.size() - 100; }),
              ElfError::kProgramHeadersOutsideFile);
    EXPECT_EQ(with([](FileHeader& h) { h.program_header_offset = ~uint64_t{0} - 8; }),
              ElfError::kProgramHeadersOutsideFile);
    EXPECT_EQ(with([](FileHeader& h) { h.entry = 0x402000; }), ElfError::kEntryNotExecutable);
    EXPECT_EQ(with([](FileHeader& h) { h.entry = 0x401800; }), ElfError::kEntryNotExecutable);
    EXPECT_EQ(with([](FileHeader& h) { h.entry = 0x4017ff; }), ElfError::kOk);
}

// Rewrites program header `index` of the typical file and parses.
template <typename Change>
ElfError with_segment(size_t index, Change change) {
    std::vector<unsigned char> file = ElfBuilder::typical().build();
    ProgramHeader program = program_header(file, index);
    change(program);
    set_program_header(file, index, program);
    return parse_file(file);
}

TEST(ElfImage, SegmentErrors) {
    EXPECT_EQ(with_segment(1, [](ProgramHeader& p) { p.type = kSegmentInterpreter; }),
              ElfError::kInterpreterRefused);
    EXPECT_EQ(with_segment(1, [](ProgramHeader& p) { p.type = kSegmentDynamic; }),
              ElfError::kDynamicRefused);
    EXPECT_EQ(with_segment(2, [](ProgramHeader& p) { p.file_size = p.memory_size + 1; }),
              ElfError::kFileSizeAboveMemorySize);
    EXPECT_EQ(with_segment(1, [](ProgramHeader& p) { p.offset = 0x100000; }),
              ElfError::kSegmentOutsideFile);
    EXPECT_EQ(with_segment(1, [](ProgramHeader& p) { p.offset = ~uint64_t{0} - 4; }),
              ElfError::kSegmentOutsideFile);
    EXPECT_EQ(with_segment(0,
                           [](ProgramHeader& p) {
                               p.file_size = 0x10000;
                               p.memory_size = 0x10000;
                           }),
              ElfError::kSegmentOutsideFile);
    EXPECT_EQ(with_segment(1, [](ProgramHeader& p) { p.align = 0x1800; }), ElfError::kBadAlignment);
    EXPECT_EQ(with_segment(2, [](ProgramHeader& p) { p.virtual_address += 8; }),
              ElfError::kBadAlignment);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.align = 0;
                               p.virtual_address += 8;
                           }),
              ElfError::kOk);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.align = 1;
                               p.virtual_address = ~uint64_t{0} - 0x100;
                           }),
              ElfError::kSegmentAddressOverflow);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.align = 1;
                               p.virtual_address = ~uint64_t{0} - 0x3800;
                           }),
              ElfError::kSegmentAddressOverflow);
    EXPECT_EQ(with_segment(2, [](ProgramHeader& p) { p.virtual_address = 0x10; }),
              ElfError::kSegmentOutsideUserSpace);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.virtual_address = uint64_t{1} << 46;
                               p.offset = 0;
                               p.file_size = 0;
                           }),
              ElfError::kSegmentOutsideUserSpace);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.virtual_address = (uint64_t{1} << 46) - 0x1000;
                               p.offset = 0;
                               p.file_size = 0;
                           }),
              ElfError::kSegmentOutsideUserSpace);
    EXPECT_EQ(with_segment(2,
                           [](ProgramHeader& p) {
                               p.virtual_address = 0xffff800000000000;
                               p.offset = 0;
                               p.file_size = 0;
                           }),
              ElfError::kSegmentOutsideUserSpace);
    EXPECT_EQ(with_segment(2, [](ProgramHeader& p) { p.flags |= kFlagExecute; }),
              ElfError::kWritableAndExecutable);
    EXPECT_EQ(with_segment(0, [](ProgramHeader& p) { p.flags |= kFlagWrite; }),
              ElfError::kWritableAndExecutable);
    EXPECT_EQ(with_segment(0, [](ProgramHeader& p) { p.flags &= ~kFlagExecute; }),
              ElfError::kEntryNotExecutable);
    // rodata moved into the last page of text: they would share a page.
    EXPECT_EQ(with_segment(1,
                           [](ProgramHeader& p) {
                               p.virtual_address = 0x401900;
                               p.offset = 0x1900;
                           }),
              ElfError::kSegmentsOverlap);
    EXPECT_EQ(with_segment(2, [](ProgramHeader& p) { p.virtual_address = 0x400010; }),
              ElfError::kSegmentsOverlap);
    EXPECT_EQ(with_segment(0,
                           [](ProgramHeader& p) {
                               p.virtual_address = 0x403000;
                               p.memory_size = 0x800;
                               p.file_size = 0x800;
                           }),
              ElfError::kSegmentsOverlap);
}

TEST(ElfImage, NoLoadableSegment) {
    ElfBuilder builder;
    builder.segments.push_back({7, kFlagRead, 0x400000, 0x10, {}, 8});
    EXPECT_EQ(parse_built(builder), ElfError::kNoLoadableSegment);
    builder.segments.push_back({kSegmentLoad, kFlagRead, 0x400000, 0, {}, 0x1000});
    EXPECT_EQ(parse_built(builder), ElfError::kNoLoadableSegment);
}

TEST(ElfImage, TooManySegments) {
    ElfBuilder builder;
    for (uint64_t i = 0; i <= kMaxSegments; ++i) {
        builder.segments.push_back(
            {kSegmentLoad, kFlagRead | kFlagExecute, 0x400000 + i * 0x1000, 0x10, {}, 0x1000});
    }
    builder.header.entry = 0x400000;
    EXPECT_EQ(parse_built(builder), ElfError::kTooManySegments);
    builder.segments.pop_back();
    EXPECT_EQ(parse_built(builder), ElfError::kOk);
}

TEST(ElfImage, EveryErrorHasItsOwnMessageAndStatus) {
    for (int i = 0; i <= static_cast<int>(ElfError::kEntryNotExecutable); ++i) {
        auto error = static_cast<ElfError>(i);
        EXPECT_STRNE(to_string(error), "unknown ELF error") << i;
        for (int j = 0; j < i; ++j)
            EXPECT_STRNE(to_string(error), to_string(static_cast<ElfError>(j)));
    }
    EXPECT_EQ(to_os_error(ElfError::kBadMagic), os::Error::kMalformed);
    EXPECT_EQ(to_os_error(ElfError::kWrongMachine), os::Error::kUnsupported);
    EXPECT_EQ(to_os_error(ElfError::kInterpreterRefused), os::Error::kUnsupported);
    EXPECT_EQ(to_os_error(ElfError::kWritableAndExecutable), os::Error::kPermissionDenied);
}

// Whatever a mutant parses to, what the loader relies on holds.
void expect_image_sound(const Image& image, size_t file_size) {
    Limits limits = test_limits();
    ASSERT_GT(image.segment_count, 0u);
    ASSERT_LE(image.segment_count, kMaxSegments);
    bool entry_found = false;
    for (size_t i = 0; i < image.segment_count; ++i) {
        const Segment& s = image.segments[i];
        EXPECT_LE(s.file_size, s.memory_size);
        EXPECT_LE(s.file_offset, file_size);
        EXPECT_LE(s.file_size, file_size - s.file_offset);
        EXPECT_GE(s.address, limits.user_start);
        EXPECT_LE(s.address + s.memory_size, limits.user_end);
        EXPECT_GT(s.address + s.memory_size, s.address);
        EXPECT_FALSE(s.write && s.execute);
        if (s.execute && image.entry >= s.address && image.entry < s.address + s.memory_size) {
            entry_found = true;
        }
        for (size_t j = 0; j < i; ++j) {
            const Segment& t = image.segments[j];
            uint64_t s_end = (s.address + s.memory_size + 0xfff) & ~uint64_t{0xfff};
            uint64_t t_end = (t.address + t.memory_size + 0xfff) & ~uint64_t{0xfff};
            EXPECT_TRUE(s_end <= (t.address & ~uint64_t{0xfff}) ||
                        t_end <= (s.address & ~uint64_t{0xfff}));
        }
    }
    EXPECT_TRUE(entry_found);
}

// Random bytes of the header and program headers changed: each mutant is
// either refused or still sound. Some must be refused, and some survive
// (mutations of bytes the loader ignores).
TEST(ElfImage, MutantsAreRefusedOrSound) {
    const std::vector<unsigned char> good = ElfBuilder::typical().build();
    const size_t headers = sizeof(FileHeader) + 3 * sizeof(ProgramHeader);
    std::mt19937 random(4);
    int refused = 0, accepted = 0;
    for (int mutant = 0; mutant < 3000; ++mutant) {
        std::vector<unsigned char> file = good;
        int changes = 1 + static_cast<int>(random() % 3);
        for (int c = 0; c < changes; ++c) {
            size_t at = random() % headers;
            switch (random() % 3) {
                case 0:
                    file[at] ^= static_cast<unsigned char>(1u << (random() % 8));
                    break;
                case 1:
                    file[at] = static_cast<unsigned char>(random());
                    break;
                default:
                    file[at] = (random() % 2) ? 0xff : 0x00;
                    break;
            }
        }
        // An exactly sized heap copy so that reads past the end are caught
        // by sanitizers.
        std::vector<unsigned char> exact(file);
        Image image;
        ElfError error = parse_file(exact, &image);
        if (error == ElfError::kOk) {
            ++accepted;
            expect_image_sound(image, exact.size());
        } else {
            ++refused;
            EXPECT_NE(to_os_error(error), os::Error{});
        }
    }
    EXPECT_GT(refused, 1000);
    EXPECT_GT(accepted, 100);
}

TEST(ElfImage, EveryTruncationIsRefusedCleanly) {
    const std::vector<unsigned char> good = ElfBuilder::typical().build();
    Image image;
    for (size_t length = 0; length < good.size(); length += (length < 512 ? 1 : 97)) {
        std::vector<unsigned char> file(good.begin(), good.begin() + length);
        ElfError error = parse_file(file, &image);
        EXPECT_NE(error, ElfError::kOk) << length;
    }
}

}  // namespace
}  // namespace kernel::elf
