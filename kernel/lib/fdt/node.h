// A node of a validated device tree: a name, properties, children.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/fdt/property.h"
#include "kernel/lib/fdt/tokens.h"

namespace os::fdt {

// Returned by a visitor to stop a for_each_*() walk early. A visitor may also
// return void, which means "continue".
enum class IterationDecision : uint8_t { kContinue, kBreak };

// Calls `visit(argument)` and normalises its result to an IterationDecision.
template <typename Visitor, typename Argument>
IterationDecision visit_one(Visitor& visit, const Argument& argument) {
    if constexpr (__is_same(decltype(visit(argument)), IterationDecision)) {
        return visit(argument);
    } else {
        visit(argument);
        return IterationDecision::kContinue;
    }
}

// How many 32-bit cells encode an address and a size in a node's `reg` (and
// in the child side of its `ranges`). A node's reg is read with the format
// its *parent* declares through #address-cells and #size-cells.
struct CellFormat {
    uint32_t address_cells = 2;  // the specification's defaults
    uint32_t size_cells = 1;

    bool is_valid() const {
        return address_cells <= kMaxCells && size_cells <= kMaxCells &&
               address_cells + size_cells > 0;
    }
};

// One (address, size) pair of a `reg` property.
struct RegEntry {
    uint64_t address = 0;
    uint64_t size = 0;
};

// Nodes are cheap views into the blob, copied freely; they stay valid as
// long as the blob does (not the DeviceTree they came from).
class Node {
  public:
    Node() = default;
    // `offset` is the offset of the node's BEGIN_NODE token, `reg_format` the
    // format its parent declares. DeviceTree and Node create nodes only at
    // offsets that validation has visited; any other offset still reads
    // nothing outside `blocks`, since every read goes through read_token().
    Node(const Blocks& blocks, uint32_t offset, uint32_t depth, CellFormat reg_format)
        : blocks_(blocks), offset_(offset), depth_(depth), reg_format_(reg_format) {}

    // The node name with its unit address ("cpu@0"); "" for the root.
    const char* name() const;
    // True if the name is `name`, or if `name` has no unit address and the
    // part of the node name before its '@' is `name`: is_named("memory")
    // matches "memory@40000000". The rule the specification gives for paths.
    bool is_named(const char* name) const;
    // The same for a name that is not NUL-terminated: `length` bytes at `name`.
    bool is_named(const char* name, size_t length) const;
    // 0 for the root.
    uint32_t depth() const { return depth_; }
    // Identifies the node within its tree: the offset of its BEGIN_NODE token.
    uint32_t offset() const { return offset_; }

    // The format of this node's own `reg`, declared by its parent.
    CellFormat reg_format() const { return reg_format_; }
    // The format this node declares for its children: its #address-cells and
    // #size-cells, defaulting to 2 and 1. A present but malformed value gives
    // an invalid format, so that reading a child's reg fails instead of guessing.
    CellFormat child_format() const;

    // kNotFound if the node has no such property.
    ErrorOr<Property> property(const char* name) const;
    bool has_property(const char* name) const { return !property(name).is_error(); }

    // `status` is absent, "okay" or "ok". Anything else ("disabled", "fail",
    // "reserved") means the OS must not use what the node describes.
    bool is_enabled() const;
    // `compatible` lists `compatible`.
    bool is_compatible(const char* compatible) const;

    // The index-th (address, size) pair of `reg`, in the parent's bus address
    // space. kNotFound without a reg or past its end; kMalformed if reg is not
    // a whole number of entries or the parent's cell format is invalid;
    // kOutOfRange if a number does not fit in 64 bits.
    ErrorOr<RegEntry> reg(size_t index) const;
    ErrorOr<size_t> reg_count() const;

    // The first child matching `name` as in is_named(); kNotFound if none.
    ErrorOr<Node> child(const char* name) const;
    ErrorOr<Node> child(const char* name, size_t length) const;

    // visit(const Property&) for each property, in blob order.
    template <typename Visitor>
    void for_each_property(Visitor visit) const {
        uint32_t cursor = first_token_offset();
        Property property;
        while (next_property(cursor, property)) {
            if (visit_one(visit, property) == IterationDecision::kBreak)
                return;
        }
    }

    // visit(const Node&) for each direct child, in blob order.
    template <typename Visitor>
    void for_each_child(Visitor visit) const {
        uint32_t cursor = first_token_offset();
        CellFormat format = child_format();
        Node child;
        while (next_child(cursor, format, child)) {
            if (visit_one(visit, child) == IterationDecision::kBreak)
                return;
        }
    }

  private:
    // Where the node's first property or child starts.
    uint32_t first_token_offset() const;
    // Steps `cursor` through this node's tokens to the next property or
    // child; false once the node's END_NODE is reached.
    bool next_property(uint32_t& cursor, Property& property) const;
    bool next_child(uint32_t& cursor, CellFormat child_format, Node& child) const;

    Blocks blocks_;
    uint32_t offset_ = 0;
    uint32_t depth_ = 0;
    CellFormat reg_format_;
};

}  // namespace os::fdt
