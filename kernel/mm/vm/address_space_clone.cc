// as_clone: the fork of an address space, with copy-on-write for its
// anonymous memory (see address_space.h).
#include "kernel/debug/panic.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/memory_object.h"

namespace kernel::mm {
namespace {

constexpr uint64_t kPage = hal::mm::kPageSize;

}  // namespace

os::ErrorOr<void> AddressSpace::clone_region(const Region& region, AddressSpace& child) {
    Region* copy = child.new_region();
    if (copy == nullptr) return os::Error::kOutOfMemory;
    *copy = region;
    if (region.type != RegionType::kAnonymous) {
        // Shared, file-backed and device regions share the object; reserved
        // ones have none.
        if (copy->object != nullptr) copy->object->add_reference();
        insert_region(child.regions_, *copy);
        if (region.type == RegionType::kDevice) TRY(child.map_device_pages(*copy));
        return {};
    }

    auto object = MemoryObject::create_anonymous(region.object->size(), environment_);
    if (object.is_error()) {
        copy->object = nullptr;
        child.free_region(copy);
        return object.error();
    }
    object.value()->set_account(child.account_);
    copy->object = object.value();
    insert_region(child.regions_, *copy);  // from here on the child's destroy() cleans up

    // The child maps the shared frames read-only right away (unless the
    // region allows no access: then it has no entries). That is only a
    // shortcut: if a table page cannot be had, its faults map them later.
    struct Context {
        AddressSpace& child;
        const Region& region;
        MappingAttributes attributes;
        PhysicalMemory& frames;
        bool mapping = true;
    } context{child, *copy, attributes_for(*copy, false), *environment_.frames,
              copy->permissions.read};
    TRY(region.object->share_pages_with(
        *copy->object, region.page_index_of(region.start), region.size() / kPage,
        [](void* opaque, uint64_t index, PageFrame* frame) {
            auto& context = *static_cast<Context*>(opaque);
            if (!context.mapping) return;
            VirtualAddress page =
                context.region.start + index * kPage - context.region.object_offset;
            auto mapped =
                context.child.map_page(page, context.frames.address_of(frame), context.attributes);
            context.mapping = !mapped.is_error();
        },
        &context));

    // The parent's writable entries become read-only: both sides now
    // copy before they write.
    if (region.permissions.write) {
        auto changed = table_.protect(region.start, region.size(), attributes_for(region, false));
        KERNEL_ASSERT(!changed.is_error());
    }
    return {};
}

os::ErrorOr<AddressSpace*> AddressSpace::clone() {
    // The child pays like its parent: the same account, charged for every
    // page it holds (shared copy-on-write ones too) and its own tables.
    AddressSpace* child = TRY(create(environment_, account_));
    os::ErrorOr<void> result;
    {
        AddressSpaceLockGuard guard(lock_);
        bool downgraded = false;
        for (Region& region : regions_) {
            result = clone_region(region, *child);
            if (result.is_error()) break;
            downgraded |= region.type == RegionType::kAnonymous && region.permissions.write;
        }
        // Flush even after a failure: some entries may have been downgraded.
        if (downgraded || result.is_error()) flush_all();
    }
    if (result.is_error()) {
        child->destroy();
        return result.error();
    }
    return child;
}

}  // namespace kernel::mm
