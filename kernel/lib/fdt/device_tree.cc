#include "kernel/lib/fdt/device_tree.h"

#include "kernel/lib/utility.h"

namespace os::fdt {
namespace {

// The header: ten big-endian 32-bit fields. Version 16 lacks the last one.
enum HeaderField : uint32_t {
    kMagicField = 0,
    kTotalSize = 4,
    kStructureOffset = 8,
    kStringsOffset = 12,
    kReservationsOffset = 16,
    kVersionField = 20,
    kLastCompatibleVersion = 24,
    kBootCpuId = 28,
    kStringsSize = 32,
    kStructureSize = 36,
};
constexpr uint32_t kHeaderSizeV16 = 36;
constexpr uint32_t kHeaderSizeV17 = 40;
constexpr uint32_t kReservationEntrySize = 16;  // two big-endian 64-bit numbers

// True if [offset, offset + size) lies between the header and totalsize.
bool block_fits(uint64_t offset, uint64_t size, uint32_t header_size, uint32_t total_size) {
    return offset >= header_size && offset <= total_size && size <= total_size - offset;
}

// Counts the memory reservation entries before the terminating all-zero one.
ErrorOr<size_t> count_reservations(const unsigned char* blob, uint32_t offset,
                                   uint32_t total_size) {
    for (size_t count = 0;; ++count) {
        uint64_t entry = offset + uint64_t{kReservationEntrySize} * count;
        if (entry + kReservationEntrySize > total_size)
            return Error::kMalformed;
        uint64_t address = read_big_endian64(blob + entry);
        uint64_t size = read_big_endian64(blob + entry + 8);
        if (address == 0 && size == 0)
            return count;
        uint64_t end;
        if (!checked_add(address, size, &end))
            return Error::kMalformed;
    }
}

// Walks every token of the structure block once and returns the offset just
// past the END token. What this accepts is what the rest of the reader relies
// on: the root's BEGIN_NODE is the first token; every token decodes (names
// terminated, values and name offsets inside their blocks); properties come
// before the children of their node; nodes nest properly and at most kMaxDepth
// deep; exactly one root; an END token follows it.
ErrorOr<uint32_t> validate_structure(const Blocks& blocks) {
    uint32_t offset = 0;
    uint32_t open_nodes = 0;
    bool root_seen = false;
    bool after_child = false;  // the innermost open node already had a child
    for (;;) {
        auto decoded = read_token(blocks, offset);
        // Running off the end of the block means the END token is missing.
        if (decoded.is_error())
            return Error::kMalformed;
        const Token& token = decoded.value();
        if (offset == 0 && token.kind != TokenKind::kBeginNode)
            return Error::kMalformed;

        switch (token.kind) {
            case TokenKind::kBeginNode:
                if (root_seen && open_nodes == 0)
                    return Error::kMalformed;  // a second root
                if (open_nodes == kMaxDepth)
                    return Error::kUnsupported;
                ++open_nodes;
                root_seen = true;
                after_child = false;
                break;
            case TokenKind::kEndNode:
                if (open_nodes == 0)
                    return Error::kMalformed;
                --open_nodes;
                after_child = true;
                break;
            case TokenKind::kProperty:
                if (open_nodes == 0 || after_child)
                    return Error::kMalformed;
                break;
            case TokenKind::kNop:
                break;
            case TokenKind::kEnd:
                if (!root_seen || open_nodes != 0)
                    return Error::kMalformed;
                return token.next_offset;
        }
        offset = token.next_offset;
    }
}

// True if `text` is exactly the `length` bytes at `name`.
bool equals_slice(const char* text, const char* name, size_t length) {
    for (size_t i = 0; i < length; ++i) {
        // A shorter text fails here at its NUL, before reading past it.
        if (text[i] != name[i])
            return false;
    }
    return text[length] == '\0';
}

}  // namespace

ErrorOr<DeviceTree> DeviceTree::from_blob(const void* blob, size_t max_size) {
    if (blob == nullptr)
        return Error::kInvalidArgument;
    const auto* bytes = static_cast<const unsigned char*>(blob);
    auto field = [bytes](HeaderField offset) { return read_big_endian32(bytes + offset); };

    // Nothing past max_size may be read, and nothing past totalsize once it
    // is known. First: enough for magic and totalsize.
    if (max_size < kTotalSize + 4)
        return Error::kOutOfRange;
    if (field(kMagicField) != kMagic)
        return Error::kMalformed;
    uint32_t total_size = field(kTotalSize);
    if (total_size > max_size)
        return Error::kOutOfRange;
    if (total_size < kLastCompatibleVersion + 4)  // too short for the version fields
        return Error::kMalformed;

    // A blob of version v is readable by readers of any version from
    // last_comp_version to v.
    uint32_t version = field(kVersionField);
    if (version < kOldestVersion || field(kLastCompatibleVersion) > kVersion) {
        return Error::kUnsupported;
    }
    uint32_t header_size = version >= 17 ? kHeaderSizeV17 : kHeaderSizeV16;
    if (total_size < header_size)
        return Error::kMalformed;

    DeviceTree tree;
    tree.blob_ = bytes;
    tree.total_size_ = total_size;
    tree.version_ = version;
    tree.boot_cpu_id_ = field(kBootCpuId);

    uint32_t reservations_offset = field(kReservationsOffset);
    if (reservations_offset % 8 != 0)
        return Error::kMalformed;
    if (!block_fits(reservations_offset, kReservationEntrySize, header_size, total_size)) {
        return Error::kOutOfRange;
    }
    tree.reservations_offset_ = reservations_offset;
    tree.reservation_count_ = TRY(count_reservations(bytes, reservations_offset, total_size));

    uint32_t structure_offset = field(kStructureOffset);
    if (structure_offset % 4 != 0)
        return Error::kMalformed;
    if (!block_fits(structure_offset, 0, header_size, total_size))
        return Error::kOutOfRange;
    // Version 16 does not record the structure block's size: it ends at END.
    uint32_t structure_size =
        version >= 17 ? field(kStructureSize) : (total_size - structure_offset) & ~3u;
    if (structure_size % 4 != 0)
        return Error::kMalformed;
    if (!block_fits(structure_offset, structure_size, header_size, total_size)) {
        return Error::kOutOfRange;
    }

    uint32_t strings_offset = field(kStringsOffset);
    uint32_t strings_size = field(kStringsSize);
    if (!block_fits(strings_offset, strings_size, header_size, total_size)) {
        return Error::kOutOfRange;
    }

    tree.blocks_.structure = bytes + structure_offset;
    tree.blocks_.structure_size = structure_size;
    tree.blocks_.strings = reinterpret_cast<const char*>(bytes + strings_offset);
    tree.blocks_.strings_size = strings_size;
    // From here on no walk goes past the END token.
    tree.blocks_.structure_size = TRY(validate_structure(tree.blocks_));
    return tree;
}

bool DeviceTree::next_node(NodeWalk& walk, Node& node) const {
    for (;;) {
        auto token = read_token(blocks_, walk.offset);
        if (token.is_error())
            return false;
        switch (token.value().kind) {
            case TokenKind::kBeginNode: {
                // Validation bounds the depth; this keeps the array access
                // safe on its own.
                if (walk.depth >= kMaxDepth)
                    return false;
                CellFormat reg_format =
                    walk.depth == 0 ? CellFormat{} : walk.child_formats[walk.depth - 1];
                node = Node(blocks_, walk.offset, walk.depth, reg_format);
                walk.child_formats[walk.depth] = node.child_format();
                ++walk.depth;
                walk.offset = token.value().next_offset;
                return true;
            }
            case TokenKind::kEndNode:
                if (walk.depth == 0)
                    return false;
                --walk.depth;
                break;
            case TokenKind::kEnd:
                return false;
            default:
                break;
        }
        walk.offset = token.value().next_offset;
    }
}

namespace {

// Follows the '/'-separated components of path[0, length) down from `node`.
ErrorOr<Node> descend(Node node, const char* path, size_t length) {
    size_t position = 0;
    while (position < length) {
        if (path[position] == '/') {
            ++position;
            continue;
        }
        size_t component_end = position;
        while (component_end < length && path[component_end] != '/')
            ++component_end;
        node = TRY(node.child(path + position, component_end - position));
        position = component_end;
    }
    return node;
}

// The length of `path` without any ":options" suffix.
size_t path_length(const char* path) {
    size_t length = 0;
    while (path[length] != '\0' && path[length] != ':')
        ++length;
    return length;
}

}  // namespace

ErrorOr<Node> DeviceTree::find_node(const char* path) const {
    size_t length = path_length(path);
    if (length == 0)
        return Error::kNotFound;
    if (path[0] == '/')
        return descend(root(), path, length);

    // "alias/rest": the alias names a property of /aliases holding a full path.
    size_t alias_length = 0;
    while (alias_length < length && path[alias_length] != '/')
        ++alias_length;
    Node aliases = TRY(root().child("aliases"));
    Property alias;
    bool found = false;
    aliases.for_each_property([&](const Property& property) {
        if (!equals_slice(property.name(), path, alias_length))
            return IterationDecision::kContinue;
        alias = property;
        found = true;
        return IterationDecision::kBreak;
    });
    if (!found)
        return Error::kNotFound;
    const char* target = TRY(alias.as_string());
    // An alias must be a full path: following aliases in aliases could loop.
    if (target[0] != '/')
        return Error::kNotFound;
    Node base = TRY(descend(root(), target, path_length(target)));
    return descend(base, path + alias_length, length - alias_length);
}

ErrorOr<Node> DeviceTree::find_compatible_node(const char* compatible) const {
    Node found;
    bool was_found = false;
    for_each_node([&](const Node& node) {
        if (!node.is_compatible(compatible) || !node.is_enabled()) {
            return IterationDecision::kContinue;
        }
        found = node;
        was_found = true;
        return IterationDecision::kBreak;
    });
    if (!was_found)
        return Error::kNotFound;
    return found;
}

size_t DeviceTree::ancestors_of(const Node& node, Node (&ancestors)[kMaxDepth]) const {
    NodeWalk walk;
    Node current;
    while (next_node(walk, current)) {
        // ancestors[0 .. depth) always holds the path to `current`.
        if (current.offset() == node.offset())
            return current.depth();
        ancestors[current.depth()] = current;
    }
    return 0;
}

namespace {

// Translates `address` from the bus that `bus` declares for its children into
// the address space of `bus`'s own parent, through `bus`'s ranges.
ErrorOr<uint64_t> translate_through(const Node& bus, uint64_t address) {
    auto ranges = bus.property("ranges");
    if (ranges.is_error())
        return Error::kNotFound;
    if (ranges.value().is_empty())
        return address;

    // Each entry: (child-bus-address, parent-bus-address, length).
    CellFormat child = bus.child_format();
    CellFormat parent = bus.reg_format();
    if (child.address_cells > kMaxCells || child.size_cells > kMaxCells ||
        parent.address_cells > kMaxCells) {
        return Error::kMalformed;
    }
    size_t entry_size = (child.address_cells + parent.address_cells + child.size_cells) * 4;
    Bytes value = ranges.value().value();
    if (entry_size == 0 || value.size() % entry_size != 0)
        return Error::kMalformed;

    for (size_t offset = 0; offset < value.size(); offset += entry_size) {
        CellReader cells(value.slice(offset, entry_size));
        auto child_base = cells.read(child.address_cells);
        auto parent_base = cells.read(parent.address_cells);
        auto length = cells.read(child.size_cells);
        // Entries with numbers wider than 64 bits (PCI's space-code cell)
        // cannot hold a 64-bit address.
        if (child_base.is_error() || parent_base.is_error() || length.is_error())
            continue;
        if (address >= child_base.value() && address - child_base.value() < length.value()) {
            return parent_base.value() + (address - child_base.value());
        }
    }
    return Error::kNotFound;
}

// Appends to a caller's buffer, always NUL-terminated, counting what did not fit.
class PathWriter {
  public:
    PathWriter(char* buffer, size_t capacity) : buffer_(buffer), capacity_(capacity) {}

    void append(const char* text) {
        for (; *text != '\0'; ++text, ++length_) {
            if (length_ + 1 < capacity_)
                buffer_[length_] = *text;
        }
    }
    size_t finish() {
        if (capacity_ > 0)
            buffer_[min(length_, capacity_ - 1)] = '\0';
        return length_;
    }

  private:
    char* buffer_;
    size_t capacity_;
    size_t length_ = 0;
};

}  // namespace

ErrorOr<uint64_t> DeviceTree::translate_address(const Node& node, uint64_t address) const {
    Node ancestors[kMaxDepth];
    size_t count = ancestors_of(node, ancestors);
    // ancestors[count - 1] is the bus the address is on; the root's children
    // already use CPU physical addresses.
    for (size_t level = count; level-- > 1;) {
        address = TRY(translate_through(ancestors[level], address));
    }
    return address;
}

size_t DeviceTree::path_of(const Node& node, char* buffer, size_t capacity) const {
    PathWriter path(buffer, capacity);
    if (node.depth() == 0) {
        path.append("/");
        return path.finish();
    }
    Node ancestors[kMaxDepth];
    size_t count = ancestors_of(node, ancestors);
    for (size_t level = 1; level < count; ++level) {
        path.append("/");
        path.append(ancestors[level].name());
    }
    path.append("/");
    path.append(node.name());
    return path.finish();
}

MemoryReservation DeviceTree::reservation(size_t index) const {
    if (index >= reservation_count_)
        return {};
    const unsigned char* entry = blob_ + reservations_offset_ + index * kReservationEntrySize;
    return MemoryReservation{read_big_endian64(entry), read_big_endian64(entry + 8)};
}

}  // namespace os::fdt
