// The platform object: the authority to bind interrupt lines (irq_register)
// and to make device memory objects (memory_create_device). The kernel makes
// it once, uncharged, for init (slot cairn::kInitPlatformSlot); init hands
// it on to drivers as it sees fit. It holds no state: having a capability
// to it is the whole point.
#pragma once

#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {

class Platform final : public KernelObject {
public:
    static os::ErrorOr<Platform*> create();

private:
    friend class Allocator;
    Platform() : KernelObject(ObjectType::kPlatform) {}
    void destroy() override;
};

}  // namespace kernel::object
