#include "kernel/mm/vm/page_table.h"

namespace kernel::mm {

// Kernel code shares this one instantiation (page_table.h declares it extern).
template class PageTableOf<hal::PageTableFormat>;

}  // namespace kernel::mm
