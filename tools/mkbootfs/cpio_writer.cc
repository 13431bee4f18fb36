#include "tools/mkbootfs/cpio_writer.h"

#include <cstdio>

namespace tools {
namespace {

void pad_to_4(std::string& out) {
    while (out.size() % 4 != 0) out.push_back('\0');
}

}  // namespace

void CpioWriter::add_file(std::string_view name, std::string_view contents, uint32_t mode) {
    add_entry(name, contents, 0100000 | (mode & 07777));
}

void CpioWriter::add_entry(std::string_view name, std::string_view contents, uint32_t mode) {
    // Fields: ino mode uid gid nlink mtime filesize devmajor devminor
    // rdevmajor rdevminor namesize check, each 8 hex digits.
    const uint32_t fields[13] = {next_inode_++, mode, 0, 0, 1, 0,
                                 static_cast<uint32_t>(contents.size()), 0, 0, 0, 0,
                                 static_cast<uint32_t>(name.size() + 1), 0};
    archive_ += "070701";
    for (uint32_t field : fields) {
        char hex[9];
        std::snprintf(hex, sizeof(hex), "%08X", field);
        archive_ += hex;
    }
    archive_ += name;
    archive_.push_back('\0');
    pad_to_4(archive_);
    archive_ += contents;
    pad_to_4(archive_);
}

std::string CpioWriter::finish() {
    add_entry("TRAILER!!!", "", 0);
    std::string result;
    result.swap(archive_);
    next_inode_ = 1;
    return result;
}

}  // namespace tools
