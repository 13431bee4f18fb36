#include "kernel/mm/heap/tests/host_page_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

namespace kernel::mm::testing {
namespace {

using hal::mm::kPageShift;
using hal::mm::kPageSize;

[[noreturn]] void fail(const char* message, const void* block, unsigned order) {
    fprintf(stderr, "HostPageSource: %s (block %p, order %u)\n", message, block, order);
    abort();
}

}  // namespace

HostPageSource::HostPageSource(size_t arena_bytes) {
    size_t largest = kPageSize << kMaxOrder;
    arena_bytes_ = (arena_bytes + largest - 1) & ~(largest - 1);
    reservation_bytes_ = arena_bytes_ + largest;
    // Reserved, not committed: pages cost memory once touched.
    void* memory = mmap(nullptr, reservation_bytes_, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED) fail("cannot reserve the arena", nullptr, 0);
    reservation_ = static_cast<uint8_t*>(memory);
    uintptr_t start = (reinterpret_cast<uintptr_t>(memory) + largest - 1) & ~(largest - 1);
    arena_ = reinterpret_cast<uint8_t*>(start);
    owners_.assign(arena_bytes_ >> kPageShift, nullptr);
    block_order_.assign(arena_bytes_ >> kPageShift, -1);
}

HostPageSource::~HostPageSource() {
    munmap(reservation_, reservation_bytes_);
}

size_t HostPageSource::page_index(const void* address) const {
    auto* byte = static_cast<const uint8_t*>(address);
    if (byte < arena_ || byte >= arena_ + arena_bytes_) return SIZE_MAX;
    return static_cast<size_t>(byte - arena_) >> kPageShift;
}

os::ErrorOr<void*> HostPageSource::allocate_block(unsigned order) {
    if (order > kMaxOrder) return os::Error::kInvalidArgument;
    size_t pages = size_t{1} << order;
    if (outstanding_pages_ + pages > page_limit_) return os::Error::kOutOfMemory;
    void* block = nullptr;
    if (!free_blocks_[order].empty()) {
        block = free_blocks_[order].back();
        free_blocks_[order].pop_back();
    } else {
        size_t bytes = kPageSize << order;
        size_t start = (bump_ + bytes - 1) & ~(bytes - 1);
        if (start + bytes > arena_bytes_) return os::Error::kOutOfMemory;
        bump_ = start + bytes;
        block = arena_ + start;
    }
    block_order_[page_index(block)] = static_cast<int8_t>(order);
    outstanding_pages_ += pages;
    ++blocks_allocated_;
    return block;
}

void HostPageSource::free_block(void* block, unsigned order) {
    size_t index = page_index(block);
    if (index == SIZE_MAX || block_order_[index] != static_cast<int8_t>(order)) {
        fail("free of a block it did not allocate with this order", block, order);
    }
    block_order_[index] = -1;
    for (size_t i = 0; i < (size_t{1} << order); ++i)
        owners_[index + i] = nullptr;
    free_blocks_[order].push_back(block);
    outstanding_pages_ -= size_t{1} << order;
    ++blocks_freed_;
}

void HostPageSource::set_owner(void* block, unsigned order, void* owner) {
    size_t index = page_index(block);
    if (index == SIZE_MAX || block_order_[index] != static_cast<int8_t>(order)) {
        fail("set_owner on a block it did not allocate with this order", block, order);
    }
    for (size_t i = 0; i < (size_t{1} << order); ++i)
        owners_[index + i] = owner;
}

void* HostPageSource::owner_of(const void* address) const {
    size_t index = page_index(address);
    return index == SIZE_MAX ? nullptr : owners_[index];
}

}  // namespace kernel::mm::testing
