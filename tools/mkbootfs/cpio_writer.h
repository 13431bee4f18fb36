// Writes cpio "newc" archives, the boot archive format the kernel reads with
// os::cpio::Archive (kernel/lib/cpio.h). Output is reproducible: inode
// numbers count up from 1, and times, owners and devices are zero.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tools {

class CpioWriter {
public:
    // Appends a regular file; `mode` holds the permission bits (e.g. 0755).
    void add_file(std::string_view name, std::string_view contents, uint32_t mode = 0644);

    // Appends the trailer and returns the archive; the writer is empty after.
    std::string finish();

private:
    void add_entry(std::string_view name, std::string_view contents, uint32_t mode);

    std::string archive_;
    uint32_t next_inode_ = 1;
};

}  // namespace tools
