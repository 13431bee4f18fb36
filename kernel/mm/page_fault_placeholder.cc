// TEMPORARY (lead): the page-fault entry until kernel/mm/vm lands. Every
// fault is unresolved, so the HAL recovers user copies or panics.
#include "hal/mm.h"

namespace kernel {

FaultResolution handle_page_fault(const hal::mm::PageFault&) {
    return FaultResolution::kUnresolved;
}

}  // namespace kernel
