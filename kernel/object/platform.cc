#include "kernel/object/platform.h"

#include "kernel/object/allocator.h"

namespace kernel::object {

os::ErrorOr<Platform*> Platform::create() {
    return Allocator::create<Platform>(nullptr, 0);
}

void Platform::destroy() {
    Allocator::destroy(this);
}

}  // namespace kernel::object
