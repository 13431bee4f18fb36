// A reader for cpio "newc" archives (the format of Linux initramfs), which is
// the format of the boot archive: a sequence of 110-byte ASCII-hex headers,
// each followed by a NUL-terminated name and the file data, 4-byte aligned,
// ended by an entry named "TRAILER!!!".
//
// open() validates the whole archive before anything is read from it: magic,
// every hex field, name and data bounds, NUL termination, the trailer. A
// corrupt or truncated archive yields an error, never an out-of-bounds read.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace os::cpio {

struct Entry {
    const char* name = "";  // NUL-terminated, points into the archive
    uint32_t mode = 0;      // file type and permission bits, as in st_mode
    Bytes data;

    bool is_regular_file() const { return (mode & 0170000) == 0100000; }
};

class Archive {
public:
    static constexpr size_t kMaxEntries = 4096;

    static ErrorOr<Archive> open(Bytes archive);

    size_t entry_count() const { return entry_count_; }

    // Calls visit(const Entry&) for each entry in archive order (trailer excluded).
    template <typename Visitor>
    void for_each(Visitor visit) const {
        size_t offset = 0;
        Entry entry;
        while (next_entry(offset, entry)) visit(entry);
    }

    ErrorOr<Entry> find(const char* name) const;

private:
    explicit Archive(Bytes bytes, size_t entry_count) : bytes_(bytes), entry_count_(entry_count) {}

    // Decodes the entry at `offset` of a validated archive and advances
    // `offset` past it; false at the trailer.
    bool next_entry(size_t& offset, Entry& entry) const;

    Bytes bytes_;
    size_t entry_count_ = 0;
};

}  // namespace os::cpio
