// Where the heap gets its memory: naturally aligned blocks of 2^order pages,
// plus one owner tag per page so that any object pointer leads back to the
// slab (and cache) it belongs to.
//
// The kernel implements this on the buddy allocator (physical_page_source.h);
// host tests implement it on an arena of host memory (tests/host_page_source.h).
// The heap depends on nothing else of the physical memory manager.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hal/mm.h"
#include "kernel/lib/error.h"

namespace kernel::mm {

class PageSource {
public:
    // A block of 2^order pages whose kernel virtual address is a multiple of
    // its size. kOutOfMemory when none is free.
    virtual os::ErrorOr<void*> allocate_block(unsigned order) = 0;

    // Gives back a block from allocate_block() with the same order. The
    // block's owner tags must read nullptr afterwards, so a stale pointer into
    // it is recognised as foreign.
    virtual void free_block(void* block, unsigned order) = 0;

    // Sets the owner tag of every page of a block from allocate_block().
    virtual void set_owner(void* block, unsigned order, void* owner) = 0;

    // The owner tag of the page holding `address`; nullptr if the page is not
    // managed by this source or not tagged. Must not fault for any address.
    virtual void* owner_of(const void* address) const = 0;

protected:
    ~PageSource() = default;
};

}  // namespace kernel::mm
