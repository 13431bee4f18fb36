// Builds small ELF64 files in memory for the loader's tests.
#pragma once

#include <string.h>

#include <vector>

#include "kernel/elf/elf_format.h"
#include "kernel/elf/elf_image.h"
#include "kernel/lib/span.h"

namespace kernel::elf::testing {

inline constexpr uint16_t kTestMachine = 62;

inline Limits test_limits() {
    Limits limits;
    limits.machine = kTestMachine;
    limits.user_start = 0x1000;
    limits.user_end = uint64_t{1} << 46;
    limits.page_size = 0x1000;
    return limits;
}

struct SegmentSpec {
    uint32_t type = kSegmentLoad;
    uint32_t flags = kFlagRead;
    uint64_t address = 0;
    uint64_t memory_size = 0;
    std::vector<unsigned char> bytes;  // file contents (file_size = size)
    uint64_t align = 0x1000;
};

// A file: header, program headers right after it, then each segment's bytes
// at a file offset congruent to its address modulo 4 KiB.
class ElfBuilder {
public:
    ElfBuilder() {
        memcpy(header.ident, kMagic, 4);
        header.ident[kIdentClass] = kClass64;
        header.ident[kIdentData] = kDataLittleEndian;
        header.ident[kIdentVersion] = kCurrentVersion;
        header.type = kTypeExecutable;
        header.machine = kTestMachine;
        header.version = 1;
        header.header_size = sizeof(FileHeader);
        header.program_header_size = sizeof(ProgramHeader);
    }

    // A typical static program: text r-x at 0x400000 with the entry, rodata
    // r-- and data+bss rw-.
    static ElfBuilder typical() {
        ElfBuilder builder;
        SegmentSpec text{kSegmentLoad, kFlagRead | kFlagExecute, 0x400000, 0x1800, {}, 0x1000};
        for (int i = 0; i < 0x1800; ++i)
            text.bytes.push_back(static_cast<unsigned char>(i * 3));
        SegmentSpec rodata{kSegmentLoad, kFlagRead, 0x402000, 0x20, {}, 0x1000};
        for (int i = 0; i < 0x20; ++i)
            rodata.bytes.push_back(static_cast<unsigned char>(0xa0 + i));
        SegmentSpec data{kSegmentLoad, kFlagRead | kFlagWrite, 0x403010, 0x3000, {}, 0x1000};
        for (int i = 0; i < 0x100; ++i)
            data.bytes.push_back(static_cast<unsigned char>(0x55 ^ i));
        builder.segments = {text, rodata, data};
        builder.header.entry = 0x400100;
        return builder;
    }

    std::vector<unsigned char> build() const {
        std::vector<ProgramHeader> programs;
        uint64_t offset = sizeof(FileHeader) + segments.size() * sizeof(ProgramHeader);
        std::vector<uint64_t> offsets;
        for (const SegmentSpec& spec : segments) {
            uint64_t page_offset = spec.address & 0xfff;
            if (!spec.bytes.empty()) offset = ((offset + 0xfff) & ~uint64_t{0xfff}) + page_offset;
            offsets.push_back(spec.bytes.empty() ? page_offset : offset);
            ProgramHeader program{};
            program.type = spec.type;
            program.flags = spec.flags;
            program.offset = offsets.back();
            program.virtual_address = spec.address;
            program.physical_address = spec.address;
            program.file_size = spec.bytes.size();
            program.memory_size = spec.memory_size;
            program.align = spec.align;
            programs.push_back(program);
            if (!spec.bytes.empty()) offset += spec.bytes.size();
        }
        std::vector<unsigned char> file(offset > 0x1000 ? offset : 0x1000, 0);
        FileHeader h = header;
        h.program_header_offset = sizeof(FileHeader);
        h.program_header_count = static_cast<uint16_t>(programs.size());
        memcpy(file.data(), &h, sizeof(h));
        for (size_t i = 0; i < programs.size(); ++i) {
            memcpy(file.data() + sizeof(FileHeader) + i * sizeof(ProgramHeader), &programs[i],
                   sizeof(ProgramHeader));
            const SegmentSpec& spec = segments[i];
            if (!spec.bytes.empty()) {
                memcpy(file.data() + offsets[i], spec.bytes.data(), spec.bytes.size());
            }
        }
        return file;
    }

    FileHeader header{};
    std::vector<SegmentSpec> segments;
};

inline os::Bytes bytes_of(const std::vector<unsigned char>& file) {
    return os::Bytes(file.data(), file.size());
}

// Where the program headers of a built file are and how to rewrite one.
inline ProgramHeader program_header(const std::vector<unsigned char>& file, size_t index) {
    ProgramHeader program;
    memcpy(&program, file.data() + sizeof(FileHeader) + index * sizeof(ProgramHeader),
           sizeof(program));
    return program;
}
inline void set_program_header(std::vector<unsigned char>& file, size_t index,
                               const ProgramHeader& program) {
    memcpy(file.data() + sizeof(FileHeader) + index * sizeof(ProgramHeader), &program,
           sizeof(program));
}
inline FileHeader file_header(const std::vector<unsigned char>& file) {
    FileHeader header;
    memcpy(&header, file.data(), sizeof(header));
    return header;
}
inline void set_file_header(std::vector<unsigned char>& file, const FileHeader& header) {
    memcpy(file.data(), &header, sizeof(header));
}

}  // namespace kernel::elf::testing
