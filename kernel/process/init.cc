#include "kernel/process/init.h"

#include "cairn/capability.h"
#include "kernel/cap/capability_space.h"
#include "kernel/debug/print.h"
#include "kernel/lib/error.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/object/platform.h"
#include "kernel/object/quota.h"
#include "kernel/process/internal.h"
#include "kernel/process/process.h"
#include "kernel/syscall/syscall.h"

namespace kernel::process {

namespace {

// Init's first capabilities, in the slots abi/cairn/capability.h promises:
// the root quota (`context`, which init itself was charged to) and the
// platform.
os::ErrorOr<void> give_init_capabilities(Process& init, void* context) {
    cap::CapabilitySpace& space = init.capabilities();
    auto& quota = *static_cast<object::Quota*>(context);
    object::ObjectRef<object::Platform> platform =
        object::ObjectRef<object::Platform>::adopt(TRY(object::Platform::create()));
    cap::Slot slot = TRY(space.insert_root(quota, cairn::kAllRights));
    if (slot != cairn::kInitQuotaSlot) return os::Error::kInvalidArgument;
    slot = TRY(space.insert_root(*platform, cairn::kAllRights));
    if (slot != cairn::kInitPlatformSlot) return os::Error::kInvalidArgument;
    return {};
}

}  // namespace

os::ErrorOr<ProcessId> start_init(const hal::BootInfo& boot_info,
                                  const os::CommandLine& command_line) {
    syscall::configure(command_line);
    internal::set_boot_archive(boot_info.boot_archive);

    char name[64] = "init";
    command_line.value("init", name, sizeof(name));
    char argument[128] = "";
    command_line.value("init_arg", argument, sizeof(argument));
    char path[80] = "bin/";
    size_t length = 4;
    for (size_t i = 0; name[i] != '\0' && length < sizeof(path) - 1; ++i)
        path[length++] = name[i];
    path[length] = '\0';

    // The root quota: half the memory free now (the other half stays for
    // the kernel's own needs: page tables, the heap, what is not charged).
    // Init is its memory quota's first charge. Ours is dropped on return:
    // init's capability and its process hold theirs.
    uint64_t bytes = mm::physical_memory().free_bytes() / 2;
    auto root = object::Quota::create(nullptr, bytes);
    if (root.is_error()) {
        print("init: no root quota: %s\n", os::to_string(root.error()));
        return root.error();
    }
    object::ObjectRef<object::Quota> quota = object::ObjectRef<object::Quota>::adopt(root.value());
    SpawnPreparation preparation;
    preparation.prepare = give_init_capabilities;
    preparation.context = quota.get();
    auto id = spawn(path, argument, 0, quota.get(), &preparation);
    if (id.is_error()) {
        if (id.error() == os::Error::kNotFound) {
            print("init: no %s in the boot archive; no user program started\n", path);
        } else {
            print("init: cannot start %s: %s\n", path, os::to_string(id.error()));
        }
        return id.error();
    }
    print("init: started %s as process %llu\n", path, static_cast<unsigned long long>(id.value()));
    return id.value();
}

void wait_for_init(ProcessId id) {
    auto status = wait_child(0, id, sched::kNoDeadline);
    if (status.is_error()) {
        print("init: cannot wait for process %llu: %s\n", static_cast<unsigned long long>(id),
              os::to_string(status.error()));
        return;
    }
    print("init: process %llu exited with status %lld\n", static_cast<unsigned long long>(id),
          static_cast<long long>(status.value()));
}

}  // namespace kernel::process
