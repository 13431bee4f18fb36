#include "hal/common/page_fault_description.h"

#include "kernel/lib/format.h"

namespace hal {

PageFaultDescription describe_page_fault(const mm::PageFault& fault) {
    PageFaultDescription description;
    os::format(description.text, sizeof(description.text),
               "page fault in %s mode: %s at 0x%016llx (%s) pc 0x%016llx",
               fault.from_user ? "user" : "kernel", mm::to_string(fault.access),
               static_cast<unsigned long long>(fault.address),
               fault.present ? "present, access not permitted" : "not present",
               static_cast<unsigned long long>(fault.pc));
    return description;
}

}  // namespace hal
