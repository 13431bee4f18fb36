// KernelObject's identity: ids come from one counter that never wraps in
// practice (2^64 objects), so cap_info can tell two objects apart for the
// kernel's lifetime.
#include "kernel/object/kernel_object.h"

namespace kernel::object {

namespace {

uint64_t next_object_id = 1;

}  // namespace

KernelObject::KernelObject(ObjectType type)
    : type_(type), id_(__atomic_fetch_add(&next_object_id, 1, __ATOMIC_RELAXED)) {}

}  // namespace kernel::object
