// Lets GoogleTest compare and print memory map ranges.
#pragma once

#include <ostream>

#include "kernel/lib/memory_map.h"

namespace os {

inline bool operator==(const MemoryRange& a, const MemoryRange& b) {
    return a.base == b.base && a.size == b.size && a.kind == b.kind;
}

inline std::ostream& operator<<(std::ostream& out, const MemoryRange& range) {
    return out << std::hex << "{0x" << range.base << ", 0x" << range.size << ", "
               << to_string(range.kind) << "}" << std::dec;
}

}  // namespace os
