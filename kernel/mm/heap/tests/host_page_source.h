// A PageSource for host tests and the benchmark: blocks come from one arena
// of host memory reserved up front and aligned to the largest block, owner
// tags live in a flat array indexed by page (as PageFrame::owner does in the
// kernel, so lookups cost about the same). Freed blocks go to a free list
// per order and are reused; nothing coalesces. Not thread-safe.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <vector>

#include "kernel/mm/heap/page_source.h"

namespace kernel::mm::testing {

class HostPageSource final : public PageSource {
public:
    static constexpr unsigned kMaxOrder = 10;

    explicit HostPageSource(size_t arena_bytes = size_t{256} << 20);
    ~HostPageSource();
    HostPageSource(const HostPageSource&) = delete;
    HostPageSource& operator=(const HostPageSource&) = delete;

    os::ErrorOr<void*> allocate_block(unsigned order) override;
    void free_block(void* block, unsigned order) override;
    void set_owner(void* block, unsigned order, void* owner) override;
    void* owner_of(const void* address) const override;

    // Pages handed out and not yet freed.
    size_t outstanding_pages() const { return outstanding_pages_; }
    size_t blocks_allocated() const { return blocks_allocated_; }
    size_t blocks_freed() const { return blocks_freed_; }
    // Fail every allocation that would take outstanding pages above `pages`.
    void set_page_limit(size_t pages) { page_limit_ = pages; }

private:
    size_t page_index(const void* address) const;

    uint8_t* reservation_ = nullptr;
    size_t reservation_bytes_ = 0;
    uint8_t* arena_ = nullptr;
    size_t arena_bytes_ = 0;
    size_t bump_ = 0;  // bytes of the arena ever handed out
    std::vector<void*> owners_;
    std::vector<int8_t> block_order_;  // per page: order of the block it starts, or -1
    std::vector<void*> free_blocks_[kMaxOrder + 1];
    size_t outstanding_pages_ = 0;
    size_t blocks_allocated_ = 0;
    size_t blocks_freed_ = 0;
    size_t page_limit_ = SIZE_MAX;
};

}  // namespace kernel::mm::testing
