// Validation of an ELF64 user program before anything of it is used.
//
// parse() reads only through bounds-checked copies and accepts a file only
// if every fact the loader relies on holds (each error below names one):
//  - ident: magic, 64-bit class, little endian, version 1, System V or GNU
//    OS ABI; e_type ET_EXEC (or ET_DYN: a static PIE, loaded at
//    kPieLoadBase); e_machine the one asked for; e_version 1;
//  - e_ehsize >= 64, e_phentsize == 56, 1..kMaxProgramHeaders headers that
//    lie inside the file;
//  - every PT_LOAD with memsz > 0: filesz <= memsz, [offset, offset +
//    filesz) inside the file, p_align 0 or a power of two with vaddr and
//    offset congruent modulo it, [vaddr, vaddr + memsz) without overflow
//    inside [limits.user_start, limits.user_end), not writable and
//    executable at once, and no two segments touching the same page (each
//    becomes its own region);
//  - no PT_INTERP (static programs only); PT_DYNAMIC only in a static PIE,
//    which relocates itself; other segment types are ignored;
//  - at least one loadable segment, and the entry point inside an
//    executable one.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace kernel::elf {

enum class ElfError : uint8_t {
    kOk,
    kTooSmall,
    kBadMagic,
    kNot64Bit,
    kNotLittleEndian,
    kBadVersion,
    kBadOsAbi,
    kNotExecutable,
    kWrongMachine,
    kBadHeaderSize,
    kBadProgramHeaderSize,
    kNoProgramHeaders,
    kTooManyProgramHeaders,
    kProgramHeadersOutsideFile,
    kInterpreterRefused,
    kDynamicRefused,
    kFileSizeAboveMemorySize,
    kSegmentOutsideFile,
    kBadAlignment,
    kSegmentAddressOverflow,
    kSegmentOutsideUserSpace,
    kWritableAndExecutable,
    kSegmentsOverlap,
    kTooManySegments,
    kNoLoadableSegment,
    kEntryNotExecutable,
};

// "segment is writable and executable (W^X)", ...: one sentence per error.
const char* to_string(ElfError error);
// The system call status for an error: kMalformed for a corrupt file,
// kUnsupported for a valid one this kernel does not run (wrong machine,
// dynamic linking), kPermissionDenied for W+X.
os::Error to_os_error(ElfError error);

// Where static PIEs (ET_DYN) are placed: their vaddrs are offsets from it.
inline constexpr uint64_t kPieLoadBase = 0x400000;
inline constexpr size_t kMaxProgramHeaders = 64;
inline constexpr size_t kMaxSegments = 16;

struct Limits {
    uint16_t machine = 0;     // e_machine to accept (hal::kElfMachine)
    uint64_t user_start = 0;  // lowest address a segment may use (page 0 excluded)
    uint64_t user_end = 0;    // one past the highest
    uint64_t page_size = 4096;
};

// One PT_LOAD segment, relocated to where it goes (load bias added).
struct Segment {
    uint64_t address = 0;  // p_vaddr + bias
    uint64_t memory_size = 0;
    uint64_t file_offset = 0;
    uint64_t file_size = 0;
    bool read = false;
    bool write = false;
    bool execute = false;
};

struct Image {
    uint16_t type = 0;
    uint64_t entry = 0;      // relocated
    uint64_t load_bias = 0;  // 0 for ET_EXEC, kPieLoadBase for ET_DYN
    Segment segments[kMaxSegments];
    size_t segment_count = 0;
};

// Validates `file` and describes it in `image`; kOk or the first problem.
ElfError parse(os::Bytes file, const Limits& limits, Image* image);

}  // namespace kernel::elf
