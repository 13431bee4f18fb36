// The parts of the ELF64 format the loader reads (System V gABI), as they
// lie in the file: little-endian, no padding. The loader copies headers out
// of the file with memcpy, so the file needs no particular alignment.
#pragma once

#include <stdint.h>

namespace kernel::elf {

inline constexpr unsigned char kMagic[4] = {0x7f, 'E', 'L', 'F'};

// e_ident indices and values.
inline constexpr int kIdentClass = 4;
inline constexpr int kIdentData = 5;
inline constexpr int kIdentVersion = 6;
inline constexpr int kIdentOsAbi = 7;
inline constexpr unsigned char kClass64 = 2;
inline constexpr unsigned char kDataLittleEndian = 1;
inline constexpr unsigned char kCurrentVersion = 1;
inline constexpr unsigned char kOsAbiSystemV = 0;
inline constexpr unsigned char kOsAbiGnu = 3;  // GNU ld marks IFUNC users so

// e_type.
inline constexpr uint16_t kTypeExecutable = 2;  // ET_EXEC
inline constexpr uint16_t kTypeShared = 3;      // ET_DYN (static-PIE)

// p_type.
inline constexpr uint32_t kSegmentLoad = 1;
inline constexpr uint32_t kSegmentDynamic = 2;
inline constexpr uint32_t kSegmentInterpreter = 3;

// p_flags.
inline constexpr uint32_t kFlagExecute = 1;
inline constexpr uint32_t kFlagWrite = 2;
inline constexpr uint32_t kFlagRead = 4;

struct FileHeader {
    unsigned char ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint64_t entry;
    uint64_t program_header_offset;
    uint64_t section_header_offset;
    uint32_t flags;
    uint16_t header_size;
    uint16_t program_header_size;
    uint16_t program_header_count;
    uint16_t section_header_size;
    uint16_t section_header_count;
    uint16_t section_name_index;
};
static_assert(sizeof(FileHeader) == 64);

struct ProgramHeader {
    uint32_t type;
    uint32_t flags;
    uint64_t offset;
    uint64_t virtual_address;
    uint64_t physical_address;
    uint64_t file_size;
    uint64_t memory_size;
    uint64_t align;
};
static_assert(sizeof(ProgramHeader) == 56);

}  // namespace kernel::elf
