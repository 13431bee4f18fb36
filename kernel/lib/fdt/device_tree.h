// A reader for flattened device trees (DTB format version 17, readable back
// to version 16, as in the Devicetree Specification v0.4): the hardware
// description that firmware hands to the kernel on aarch64 and riscv64.
//
// DeviceTree::from_blob() checks the header and walks the whole structure
// block once. After that, nodes, properties, names and values are views into
// a blob whose every token has been bounds-checked, so no later read can leave
// the blob. Nothing is copied and nothing is allocated.
//
// Typical use:
//
//     DeviceTree tree = TRY(DeviceTree::from_blob(blob, max_size));
//     Node chosen = TRY(tree.find_node("/chosen"));
//     const char* bootargs = TRY(TRY(chosen.property("bootargs")).as_string());
//     tree.for_each_node([&](const Node& node) {
//         if (node.is_compatible("arm,pl011") && node.is_enabled()) { ... }
//     });
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/fdt/node.h"
#include "kernel/lib/fdt/property.h"
#include "kernel/lib/fdt/tokens.h"

namespace os::fdt {

// Trees with nodes deeper than this are rejected (kUnsupported; the root is
// depth 0). The specification sets no limit; real trees stay below 10, and a
// bound lets every walk keep its bookkeeping in a small array on the stack.
inline constexpr size_t kMaxDepth = 32;

// One entry of the header's memory reservation block: memory the firmware
// keeps for itself, independently of the nodes in the structure block.
struct MemoryReservation {
    uint64_t address = 0;
    uint64_t size = 0;  // address + size never wraps (validated); may be 0
};

// The state of a depth-first walk over all nodes; see DeviceTree::next_node().
struct NodeWalk {
    uint32_t offset = 0;  // the next token to read
    uint32_t depth = 0;   // the depth of the next node
    // child_formats[d]: the cell format declared by the open node at depth d.
    CellFormat child_formats[kMaxDepth];
};

class DeviceTree {
  public:
    static constexpr uint32_t kMagic = 0xd00dfeed;
    static constexpr uint32_t kVersion = 17;        // the newest layout we know
    static constexpr uint32_t kOldestVersion = 16;  // the oldest we read

    // Validates the blob at `blob`, of which at most `max_size` bytes may be
    // read. Errors:
    //   kInvalidArgument  blob is null;
    //   kMalformed        bad magic, misaligned blocks, a corrupt structure
    //                     block or memory reservation block;
    //   kUnsupported      a version we cannot read, a tree deeper than kMaxDepth;
    //   kOutOfRange       the header claims more than max_size bytes, or a
    //                     block lies outside the header's totalsize.
    static ErrorOr<DeviceTree> from_blob(const void* blob, size_t max_size);

    DeviceTree() = default;

    const void* blob() const { return blob_; }
    // The header's totalsize: how many bytes of memory the blob occupies.
    uint32_t total_size() const { return total_size_; }
    uint32_t version() const { return version_; }
    // The physical id of the CPU that booted (header field boot_cpuid_phys).
    uint32_t boot_cpu_id() const { return boot_cpu_id_; }

    Node root() const { return Node(blocks_, 0, 0, CellFormat{}); }

    // The node at `path`, e.g. "/cpus/cpu@0" or "/memory" (each component
    // matches as in Node::is_named()). A path that does not start with '/'
    // starts with an alias from /aliases, e.g. "serial0" or "serial0/child".
    // Anything from a ':' on is ignored, so /chosen/stdout-path values like
    // "serial0:115200n8" can be passed as they are. kNotFound if no such node.
    ErrorOr<Node> find_node(const char* path) const;

    // The first enabled node compatible with `compatible`, in blob order.
    ErrorOr<Node> find_compatible_node(const char* compatible) const;

    // visit(const Node&) for every node, depth-first in blob order, root
    // first. Node::depth() tells where in the tree a node is.
    template <typename Visitor>
    void for_each_node(Visitor visit) const {
        NodeWalk walk;
        Node node;
        while (next_node(walk, node)) {
            if (visit_one(visit, node) == IterationDecision::kBreak)
                return;
        }
    }

    // Steps a depth-first walk that starts from a default NodeWalk; false
    // once every node has been visited.
    bool next_node(NodeWalk& walk, Node& node) const;

    // Translates `address`, on the bus `node` sits on, into a CPU physical
    // address through the `ranges` of each ancestor bus. An empty `ranges`
    // maps one to one. kNotFound if an ancestor has no `ranges` (by the
    // specification: no mapping to its parent) or none of its ranges holds
    // the address; kMalformed for an unreadable `ranges`.
    ErrorOr<uint64_t> translate_address(const Node& node, uint64_t address) const;

    // Writes the full path of `node` ("/soc/serial@10000000", "/" for the
    // root) into `buffer`, NUL-terminated and truncated to `capacity`, and
    // returns the length of the whole path, like format() does.
    size_t path_of(const Node& node, char* buffer, size_t capacity) const;

    // The entries of the header's memory reservation block.
    size_t reservation_count() const { return reservation_count_; }
    // The index-th entry; an empty one for an index past the end.
    MemoryReservation reservation(size_t index) const;

  private:
    // Fills ancestors[0 .. depth) with the root ... parent of `node` and
    // returns how many it found (node.depth(), for a node of this tree).
    size_t ancestors_of(const Node& node, Node (&ancestors)[kMaxDepth]) const;

    const unsigned char* blob_ = nullptr;
    Blocks blocks_;
    uint32_t total_size_ = 0;
    uint32_t version_ = 0;
    uint32_t boot_cpu_id_ = 0;
    uint32_t reservations_offset_ = 0;
    size_t reservation_count_ = 0;
};

}  // namespace os::fdt
