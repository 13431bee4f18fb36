#include "kernel/elf/elf_image.h"

#include "kernel/elf/elf_format.h"

namespace kernel::elf {

const char* to_string(ElfError error) {
    switch (error) {
        case ElfError::kOk:
            return "ok";
        case ElfError::kTooSmall:
            return "file is smaller than an ELF header";
        case ElfError::kBadMagic:
            return "not an ELF file (bad magic)";
        case ElfError::kNot64Bit:
            return "not a 64-bit ELF file";
        case ElfError::kNotLittleEndian:
            return "not little-endian";
        case ElfError::kBadVersion:
            return "unknown ELF version";
        case ElfError::kBadOsAbi:
            return "unsupported OS ABI";
        case ElfError::kNotExecutable:
            return "not an executable (ET_EXEC or static-PIE ET_DYN)";
        case ElfError::kWrongMachine:
            return "built for another machine";
        case ElfError::kBadHeaderSize:
            return "bad ELF header size";
        case ElfError::kBadProgramHeaderSize:
            return "bad program header entry size";
        case ElfError::kNoProgramHeaders:
            return "no program headers";
        case ElfError::kTooManyProgramHeaders:
            return "too many program headers";
        case ElfError::kProgramHeadersOutsideFile:
            return "program headers lie outside the file";
        case ElfError::kInterpreterRefused:
            return "needs an interpreter (PT_INTERP): only static programs run";
        case ElfError::kDynamicRefused:
            return "dynamically linked (PT_DYNAMIC): only static programs run";
        case ElfError::kFileSizeAboveMemorySize:
            return "segment's file size exceeds its memory size";
        case ElfError::kSegmentOutsideFile:
            return "segment's bytes lie outside the file";
        case ElfError::kBadAlignment:
            return "segment alignment is not a power of two or address and offset disagree";
        case ElfError::kSegmentAddressOverflow:
            return "segment's address range overflows";
        case ElfError::kSegmentOutsideUserSpace:
            return "segment lies outside user space";
        case ElfError::kWritableAndExecutable:
            return "segment is writable and executable (W^X)";
        case ElfError::kSegmentsOverlap:
            return "segments overlap (or share a page)";
        case ElfError::kTooManySegments:
            return "too many loadable segments";
        case ElfError::kNoLoadableSegment:
            return "no loadable segment";
        case ElfError::kEntryNotExecutable:
            return "entry point is not inside an executable segment";
    }
    return "unknown ELF error";
}

os::Error to_os_error(ElfError error) {
    switch (error) {
        case ElfError::kOk:
            break;
        case ElfError::kWrongMachine:
        case ElfError::kBadOsAbi:
        case ElfError::kInterpreterRefused:
        case ElfError::kDynamicRefused:
        case ElfError::kTooManySegments:
            return os::Error::kUnsupported;
        case ElfError::kWritableAndExecutable:
            return os::Error::kPermissionDenied;
        default:
            break;
    }
    return os::Error::kMalformed;
}

namespace {

bool is_power_of_two(uint64_t value) {
    return value != 0 && (value & (value - 1)) == 0;
}

// [offset, offset + length) inside a file of `size` bytes, without overflow.
bool inside(uint64_t offset, uint64_t length, size_t size) {
    return offset <= size && length <= size - offset;
}

ElfError check_ident(const FileHeader& header) {
    for (size_t i = 0; i < sizeof(kMagic); ++i) {
        if (header.ident[i] != kMagic[i]) return ElfError::kBadMagic;
    }
    if (header.ident[kIdentClass] != kClass64) return ElfError::kNot64Bit;
    if (header.ident[kIdentData] != kDataLittleEndian) return ElfError::kNotLittleEndian;
    if (header.ident[kIdentVersion] != kCurrentVersion) return ElfError::kBadVersion;
    unsigned char abi = header.ident[kIdentOsAbi];
    if (abi != kOsAbiSystemV && abi != kOsAbiGnu) return ElfError::kBadOsAbi;
    return ElfError::kOk;
}

ElfError check_file_header(const FileHeader& header, size_t file_size, const Limits& limits) {
    if (ElfError error = check_ident(header); error != ElfError::kOk) return error;
    if (header.type != kTypeExecutable && header.type != kTypeShared) {
        return ElfError::kNotExecutable;
    }
    if (header.machine != limits.machine) return ElfError::kWrongMachine;
    if (header.version != kCurrentVersion) return ElfError::kBadVersion;
    if (header.header_size < sizeof(FileHeader)) return ElfError::kBadHeaderSize;
    if (header.program_header_size != sizeof(ProgramHeader)) {
        return ElfError::kBadProgramHeaderSize;
    }
    if (header.program_header_count == 0) return ElfError::kNoProgramHeaders;
    if (header.program_header_count > kMaxProgramHeaders) return ElfError::kTooManyProgramHeaders;
    // count <= 64, so the product cannot overflow.
    uint64_t table_size = uint64_t{header.program_header_count} * sizeof(ProgramHeader);
    if (!inside(header.program_header_offset, table_size, file_size)) {
        return ElfError::kProgramHeadersOutsideFile;
    }
    return ElfError::kOk;
}

// Checks one PT_LOAD and describes it relocated by `bias`.
ElfError check_load(const ProgramHeader& program, uint64_t bias, size_t file_size,
                    const Limits& limits, Segment* segment) {
    if (program.file_size > program.memory_size) return ElfError::kFileSizeAboveMemorySize;
    if (!inside(program.offset, program.file_size, file_size)) {
        return ElfError::kSegmentOutsideFile;
    }
    if (program.align > 1 &&
        (!is_power_of_two(program.align) ||
         program.virtual_address % program.align != program.offset % program.align)) {
        return ElfError::kBadAlignment;
    }
    uint64_t start = program.virtual_address + bias;
    if (start < program.virtual_address) return ElfError::kSegmentAddressOverflow;
    uint64_t end = start + program.memory_size;
    if (end < start) return ElfError::kSegmentAddressOverflow;
    // The page-rounded end must not overflow either.
    if (end > ~uint64_t{0} - limits.page_size) return ElfError::kSegmentAddressOverflow;
    if (start < limits.user_start || end > limits.user_end) {
        return ElfError::kSegmentOutsideUserSpace;
    }
    bool write = (program.flags & kFlagWrite) != 0;
    bool execute = (program.flags & kFlagExecute) != 0;
    if (write && execute) return ElfError::kWritableAndExecutable;
    segment->address = start;
    segment->memory_size = program.memory_size;
    segment->file_offset = program.offset;
    segment->file_size = program.file_size;
    segment->read = (program.flags & kFlagRead) != 0;
    segment->write = write;
    segment->execute = execute;
    return ElfError::kOk;
}

// Segments become separate regions, so they may not share a page.
bool pages_overlap(const Segment& a, const Segment& b, uint64_t page_size) {
    uint64_t a_start = a.address & ~(page_size - 1);
    uint64_t a_end = (a.address + a.memory_size + page_size - 1) & ~(page_size - 1);
    uint64_t b_start = b.address & ~(page_size - 1);
    uint64_t b_end = (b.address + b.memory_size + page_size - 1) & ~(page_size - 1);
    return a_start < b_end && b_start < a_end;
}

}  // namespace

ElfError parse(os::Bytes file, const Limits& limits, Image* image) {
    *image = Image{};
    if (file.size() < sizeof(FileHeader)) return ElfError::kTooSmall;
    FileHeader header;
    __builtin_memcpy(&header, file.data(), sizeof(header));
    if (ElfError error = check_file_header(header, file.size(), limits); error != ElfError::kOk) {
        return error;
    }
    image->type = header.type;
    image->load_bias = header.type == kTypeShared ? kPieLoadBase : 0;

    for (size_t i = 0; i < header.program_header_count; ++i) {
        ProgramHeader program;
        __builtin_memcpy(&program,
                         file.data() + header.program_header_offset + i * sizeof(ProgramHeader),
                         sizeof(program));
        if (program.type == kSegmentInterpreter) return ElfError::kInterpreterRefused;
        if (program.type == kSegmentDynamic) {
            // A static PIE carries PT_DYNAMIC for its own start code to
            // relocate itself; anything else with it wants a dynamic linker.
            if (header.type != kTypeShared) return ElfError::kDynamicRefused;
            continue;
        }
        if (program.type != kSegmentLoad || program.memory_size == 0) continue;
        if (image->segment_count == kMaxSegments) return ElfError::kTooManySegments;
        Segment segment;
        ElfError error = check_load(program, image->load_bias, file.size(), limits, &segment);
        if (error != ElfError::kOk) return error;
        for (size_t j = 0; j < image->segment_count; ++j) {
            if (pages_overlap(segment, image->segments[j], limits.page_size)) {
                return ElfError::kSegmentsOverlap;
            }
        }
        image->segments[image->segment_count++] = segment;
    }
    if (image->segment_count == 0) return ElfError::kNoLoadableSegment;

    image->entry = header.entry + image->load_bias;
    for (size_t i = 0; i < image->segment_count; ++i) {
        const Segment& segment = image->segments[i];
        if (segment.execute && image->entry >= segment.address &&
            image->entry - segment.address < segment.memory_size) {
            return ElfError::kOk;
        }
    }
    return ElfError::kEntryNotExecutable;
}

}  // namespace kernel::elf
