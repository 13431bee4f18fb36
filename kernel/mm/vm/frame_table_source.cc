#include "kernel/mm/vm/frame_table_source.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"

namespace kernel::mm {

os::ErrorOr<PhysicalAddress> FrameTablePageSource::allocate_table() {
    PageRequest request;
    request.zeroed = true;
    PageFrame* frame = TRY(frames_.allocate(request));
    frame->set_usage(FrameUsage::kPageTable);
    __atomic_add_fetch(&in_use_, 1, __ATOMIC_RELAXED);
    return frames_.address_of(frame);
}

void FrameTablePageSource::free_table(PhysicalAddress table) {
    PageFrame* frame = frames_.frame_of(table);
    if (frame == nullptr || frame->usage() != FrameUsage::kPageTable) {
        panic("page table 0x%lx: not a table page from this source",
              static_cast<unsigned long>(table));
    }
    __atomic_sub_fetch(&in_use_, 1, __ATOMIC_RELAXED);
    frames_.release(frame);
}

}  // namespace kernel::mm
