#include "kernel/mm/vm/vm_environment.h"

#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/page_table.h"

namespace kernel::mm {
namespace {

VmEnvironment kernel_environment;

}  // namespace

VmEnvironment& vm_environment() {
    return kernel_environment;
}

void install_vm_environment(const VmEnvironment& environment) {
    KERNEL_ASSERT(environment.frames != nullptr && environment.tables != nullptr &&
                  environment.asids != nullptr && environment.objects != nullptr);
    kernel_environment = environment;
}

hal::mm::PhysicalAddress VmEnvironment::empty_user_root() {
    hal::mm::PhysicalAddress root = __atomic_load_n(&empty_user_root_, __ATOMIC_ACQUIRE);
    if (root != 0) return root;
    auto table = tables->allocate_table();
    if (table.is_error()) panic("vm: no page for the empty user root table");
    hal::mm::initialize_user_root(table.value());
    // Two CPUs may race here; the loser gives its table back.
    if (!__atomic_compare_exchange_n(&empty_user_root_, &root, table.value(), false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        tables->free_table(table.value());
        return root;
    }
    return table.value();
}

void release_frame(PhysicalMemory& frames, PageFrame* frame) {
    frames.release(frame);
}

}  // namespace kernel::mm
