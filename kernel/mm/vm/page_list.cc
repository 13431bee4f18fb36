#include "kernel/mm/vm/page_list.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/vm_environment.h"

namespace kernel::mm {

PageList::PageList(PhysicalMemory& frames, uint64_t page_count)
    : frames_(frames), page_count_(page_count), top_level_(0) {
    while (top_level_ < 6 && span_of_level(top_level_) < page_count)
        ++top_level_;
}

PageList::~PageList() {
    clear();
}

PageList::Node* PageList::allocate_node() const {
    PageRequest request;
    request.zeroed = true;
    auto frame = frames_.allocate(request);
    if (frame.is_error()) return nullptr;
    return static_cast<Node*>(frames_.virtual_address_of(frame.value()));
}

void PageList::free_node(Node* node) const {
    release_frame(frames_, frames_.frame_of_virtual(node));
}

void** PageList::slot_for(uint64_t index, bool create) {
    KERNEL_ASSERT(index < page_count_);
    if (root_ == nullptr) {
        if (!create) return nullptr;
        root_ = allocate_node();
        if (root_ == nullptr) return nullptr;
    }
    Node* node = root_;
    for (unsigned level = top_level_; level > 0; --level) {
        void*& child = node->slots[slot_index(index, level)];
        if (child == nullptr) {
            if (!create) return nullptr;
            child = allocate_node();
            if (child == nullptr) return nullptr;
        }
        node = static_cast<Node*>(child);
    }
    return &node->slots[slot_index(index, 0)];
}

PageFrame* PageList::find(uint64_t index) const {
    void** slot = const_cast<PageList*>(this)->slot_for(index, false);
    return slot != nullptr ? static_cast<PageFrame*>(*slot) : nullptr;
}

os::ErrorOr<void> PageList::insert(uint64_t index, PageFrame* frame) {
    void** slot = slot_for(index, true);
    if (slot == nullptr) return os::Error::kOutOfMemory;
    KERNEL_ASSERT(*slot == nullptr);
    *slot = frame;
    ++resident_pages_;
    return {};
}

PageFrame* PageList::replace(uint64_t index, PageFrame* frame) {
    void** slot = slot_for(index, false);
    KERNEL_ASSERT(slot != nullptr && *slot != nullptr);
    auto* old = static_cast<PageFrame*>(*slot);
    *slot = frame;
    return old;
}

void PageList::walk(uint64_t first, uint64_t count, bool remove, Visitor visitor,
                    void* context) const {
    if (root_ == nullptr || count == 0 || first >= page_count_) return;
    uint64_t last = count > page_count_ - first ? page_count_ - 1 : first + count - 1;
    if (walk_node(root_, top_level_, 0, first, last, remove, visitor, context)) root_ = nullptr;
}

bool PageList::walk_node(Node* node, unsigned level, uint64_t node_base, uint64_t first,
                         uint64_t last, bool remove, Visitor visitor, void* context) const {
    uint64_t child_span = level == 0 ? 1 : span_of_level(level - 1);
    uint64_t node_last = node_base + span_of_level(level) - 1;
    // Slots past the object's last page never hold anything, so a node is
    // covered entirely once the range reaches the last page it can hold.
    uint64_t used_last = node_last < page_count_ - 1 ? node_last : page_count_ - 1;
    size_t begin = first <= node_base ? 0 : (first - node_base) / child_span;
    size_t end = last >= node_last ? kSlots : (last - node_base) / child_span + 1;
    for (size_t i = begin; i < end; ++i) {
        void*& slot = node->slots[i];
        if (slot == nullptr) continue;
        uint64_t child_base = node_base + i * child_span;
        if (level == 0) {
            auto* frame = static_cast<PageFrame*>(slot);
            if (remove) {
                slot = nullptr;
                --resident_pages_;
            }
            visitor(context, child_base, frame);
        } else if (walk_node(static_cast<Node*>(slot), level - 1, child_base, first, last, remove,
                             visitor, context)) {
            slot = nullptr;
        }
    }
    // A node whose whole span was removed is empty: give its frame back.
    // Nodes only partly covered stay, possibly empty, until clear().
    if (remove && first <= node_base && last >= used_last) {
        free_node(node);
        return true;
    }
    return false;
}

void PageList::clear() {
    PhysicalMemory& frames = frames_;
    walk(
        0, page_count_, true,
        [](void* context, uint64_t, PageFrame* frame) {
            release_frame(*static_cast<PhysicalMemory*>(context), frame);
        },
        &frames);
    KERNEL_ASSERT(root_ == nullptr && resident_pages_ == 0);
}

}  // namespace kernel::mm
