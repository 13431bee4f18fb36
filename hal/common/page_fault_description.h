// The one-line description of a page fault every architecture prints when it
// gives up on one (a kernel bug, or a fault in user mode before user space
// can be told), so the message reads the same on all three:
//   "page fault in kernel mode: write at 0xffffffff80119950 (present,
//    access not permitted) pc 0xffffffff80107072"
#pragma once

#include "hal/mm.h"

namespace hal {

struct PageFaultDescription {
    char text[160];
};

PageFaultDescription describe_page_fault(const mm::PageFault& fault);

}  // namespace hal
