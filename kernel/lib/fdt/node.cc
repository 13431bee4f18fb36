#include "kernel/lib/fdt/node.h"

#include "kernel/lib/string.h"

namespace os::fdt {
namespace {

// Marks a #address-cells/#size-cells that is present but unreadable; any
// value above kMaxCells makes CellFormat::is_valid() false.
constexpr uint32_t kUnreadableCells = kMaxCells + 1;

uint32_t cells_property(const Node& node, const char* name, uint32_t fallback) {
    auto property = node.property(name);
    if (property.is_error())
        return fallback;
    auto cells = property.value().as_u32();
    return cells.is_error() ? kUnreadableCells : cells.value();
}

// The offset just past the END_NODE that closes the node starting at `offset`.
// Every token moves the offset forward, so this ends even on a corrupt block.
uint32_t end_of_subtree(const Blocks& blocks, uint32_t offset) {
    uint32_t depth = 0;
    for (;;) {
        auto token = read_token(blocks, offset);
        if (token.is_error() || token.value().kind == TokenKind::kEnd) {
            return blocks.structure_size;
        }
        offset = token.value().next_offset;
        if (token.value().kind == TokenKind::kBeginNode) {
            ++depth;
        } else if (token.value().kind == TokenKind::kEndNode && --depth == 0) {
            return offset;
        }
    }
}

}  // namespace

const char* Node::name() const {
    auto token = read_token(blocks_, offset_);
    if (token.is_error() || token.value().kind != TokenKind::kBeginNode)
        return "";
    return token.value().name;
}

bool Node::is_named(const char* name) const {
    return is_named(name, string_length(name));
}

bool Node::is_named(const char* name, size_t length) const {
    const char* own = this->name();
    size_t matched = 0;
    while (matched < length && own[matched] != '\0' && own[matched] == name[matched])
        ++matched;
    if (matched < length)
        return false;
    if (own[matched] == '\0')
        return true;
    // A name without a unit address matches the node name before its '@'.
    bool name_has_unit_address = false;
    for (size_t i = 0; i < length; ++i)
        name_has_unit_address |= name[i] == '@';
    return own[matched] == '@' && !name_has_unit_address;
}

CellFormat Node::child_format() const {
    CellFormat defaults;
    return CellFormat{cells_property(*this, "#address-cells", defaults.address_cells),
                      cells_property(*this, "#size-cells", defaults.size_cells)};
}

ErrorOr<Property> Node::property(const char* name) const {
    uint32_t cursor = first_token_offset();
    Property property;
    while (next_property(cursor, property)) {
        if (string_equal(property.name(), name))
            return property;
    }
    return Error::kNotFound;
}

bool Node::is_enabled() const {
    auto status = property("status");
    if (status.is_error())
        return true;
    auto text = status.value().as_string();
    // An unreadable status is no promise that the device works.
    if (text.is_error())
        return false;
    return string_equal(text.value(), "okay") || string_equal(text.value(), "ok");
}

bool Node::is_compatible(const char* compatible) const {
    auto property = this->property("compatible");
    return !property.is_error() && property.value().strings().contains(compatible);
}

ErrorOr<size_t> Node::reg_count() const {
    if (!reg_format_.is_valid())
        return Error::kMalformed;
    Property reg = TRY(property("reg"));
    size_t entry_size = (reg_format_.address_cells + reg_format_.size_cells) * 4;
    if (reg.size() % entry_size != 0)
        return Error::kMalformed;
    return reg.size() / entry_size;
}

ErrorOr<RegEntry> Node::reg(size_t index) const {
    size_t count = TRY(reg_count());
    if (index >= count)
        return Error::kNotFound;
    size_t entry_size = (reg_format_.address_cells + reg_format_.size_cells) * 4;
    CellReader cells(TRY(property("reg")).value().slice(index * entry_size, entry_size));
    RegEntry entry;
    entry.address = TRY(cells.read(reg_format_.address_cells));
    entry.size = TRY(cells.read(reg_format_.size_cells));
    return entry;
}

ErrorOr<Node> Node::child(const char* name) const {
    return child(name, string_length(name));
}

ErrorOr<Node> Node::child(const char* name, size_t length) const {
    uint32_t cursor = first_token_offset();
    CellFormat format = child_format();
    Node child;
    while (next_child(cursor, format, child)) {
        if (child.is_named(name, length))
            return child;
    }
    return Error::kNotFound;
}

uint32_t Node::first_token_offset() const {
    auto token = read_token(blocks_, offset_);
    // An offset nothing can be read from ends every walk at once.
    if (token.is_error())
        return blocks_.structure_size;
    return token.value().next_offset;
}

bool Node::next_property(uint32_t& cursor, Property& property) const {
    for (;;) {
        auto token = read_token(blocks_, cursor);
        if (token.is_error())
            return false;
        switch (token.value().kind) {
            case TokenKind::kNop:
                cursor = token.value().next_offset;
                break;
            case TokenKind::kProperty:
                property = Property(token.value().name, token.value().value);
                cursor = token.value().next_offset;
                return true;
            default:
                // Validation guarantees properties come before children, so
                // the first child (or the END_NODE) ends the properties.
                return false;
        }
    }
}

bool Node::next_child(uint32_t& cursor, CellFormat child_format, Node& child) const {
    for (;;) {
        auto token = read_token(blocks_, cursor);
        if (token.is_error())
            return false;
        switch (token.value().kind) {
            case TokenKind::kNop:
            case TokenKind::kProperty:
                cursor = token.value().next_offset;
                break;
            case TokenKind::kBeginNode:
                child = Node(blocks_, cursor, depth_ + 1, child_format);
                cursor = end_of_subtree(blocks_, cursor);
                return true;
            default:
                return false;
        }
    }
}

}  // namespace os::fdt
