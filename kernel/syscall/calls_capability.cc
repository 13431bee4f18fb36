// cap_create, cap_copy, cap_derive, cap_grant, cap_revoke, cap_delete,
// cap_info, cap_obtain, cap_insert and process_spawn_with_caps (abi/cairn/syscalls.h,
// abi/cairn/capability.h). Every slot goes through CapabilitySpace's checks,
// so the error order (kNoCapability, kWrongType, kMissingRights) is theirs;
// user memory is copied with no capability lock held.
#include "cairn/capability.h"
#include "cairn/syscalls.h"
#include "kernel/cap/capability_space.h"
#include "kernel/ipc/endpoint.h"
#include "kernel/ipc/notification.h"
#include "kernel/memory_cap/memory_cap.h"
#include "kernel/object/quota.h"
#include "kernel/process/objects.h"
#include "kernel/process/process.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/call_helpers.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/user_memory.h"

namespace kernel::syscall {
namespace {

using cairn::ObjectType;
using object::KernelObject;
using object::ObjectRef;

constexpr size_t kMaxPath = 128;      // as process_spawn
constexpr size_t kMaxArgument = 256;  // as process_spawn
constexpr uint64_t kMaxSpawnCaps = cairn::kMaxSpawnCaps;

// The new object of cap_create, with its creator's reference.
os::ErrorOr<ObjectRef<KernelObject>> create_object(object::Quota& quota, ObjectType type,
                                                   uint64_t size) {
    KernelObject* made = nullptr;
    switch (type) {
        case ObjectType::kMemory:
            made = TRY(memory_cap::create_memory(&quota, size));
            break;
        case ObjectType::kQuota:
            made = TRY(object::Quota::create(&quota, size));
            break;
        case ObjectType::kEndpoint:
            made = TRY(ipc::create_endpoint(&quota));
            break;
        case ObjectType::kNotification:
            made = TRY(ipc::Notification::create(&quota));
            break;
        default:
            return os::Error::kInvalidArgument;
    }
    return ObjectRef<KernelObject>::adopt(made);
}

// Checked before the child exists, so that the preparation below fails only
// if the caller changes its own slots concurrently (then the child loses
// what was already handed over, never the caller anything it kept).
os::ErrorOr<void> check_spawn_caps(cap::CapabilitySpace& space,
                                   const cairn::SpawnArguments& arguments) {
    if (arguments.cap_count > kMaxSpawnCaps) return os::Error::kInvalidArgument;
    for (uint64_t i = 0; i < arguments.cap_count; ++i) {
        if (arguments.caps[i] == cairn::kNullSlot) {
            // An empty slot in the child: nothing to move.
            if ((arguments.cap_move >> i) & 1) return os::Error::kInvalidArgument;
            continue;
        }
        TRY(space.lookup(arguments.caps[i], ObjectType::kNone, cairn::kRightGrant));
        bool moved = (arguments.cap_move >> i) & 1;
        for (uint64_t j = 0; j < i; ++j) {
            // A slot moved away cannot also be handed on another time.
            bool other_moved = (arguments.cap_move >> j) & 1;
            if (arguments.caps[j] == arguments.caps[i] && (moved || other_moved)) {
                return os::Error::kInvalidArgument;
            }
        }
    }
    return {};
}

struct SpawnCaps {
    cap::CapabilitySpace* parent;
    const cairn::SpawnArguments* arguments;
};

// Runs before the child's first instruction: its slots 1..cap_count. A
// fresh space fills from slot 1 up, so an empty slot (kNullSlot) below a
// used one is held by a rightless placeholder (a derived copy of a
// capability handed over anyway) until the later slots are filled, then
// removed: the child finds that slot empty.
os::ErrorOr<void> hand_over_caps(process::Process& child, void* context) {
    auto& caps = *static_cast<SpawnCaps*>(context);
    const cairn::SpawnArguments& arguments = *caps.arguments;
    cap::CapabilitySpace& target = child.capabilities();
    uint64_t used = 0;                     // slots up to the last non-empty one
    uint64_t donor = arguments.cap_count;  // index of the first non-empty one
    for (uint64_t i = 0; i < arguments.cap_count; ++i) {
        if (arguments.caps[i] == cairn::kNullSlot) continue;
        used = i + 1;
        if (donor == arguments.cap_count) donor = i;
    }
    const bool donor_moves = ((arguments.cap_move >> donor) & 1) != 0;
    for (uint64_t i = 0; i < used; ++i) {
        cap::Slot slot;
        if (arguments.caps[i] == cairn::kNullSlot) {
            // Once the donor has moved, its capability is the child's.
            if (i > donor && donor_moves) {
                slot = TRY(target.derive(donor + 1, 0, target, cairn::kRightGrant));
            } else {
                slot =
                    TRY(caps.parent->derive(arguments.caps[donor], 0, target, cairn::kRightGrant));
            }
        } else if ((arguments.cap_move >> i) & 1) {
            slot = TRY(caps.parent->move(arguments.caps[i], target, cairn::kRightGrant));
        } else {
            slot = TRY(caps.parent->derive(arguments.caps[i], cairn::kAllRights, target,
                                           cairn::kRightGrant));
        }
        // A fresh space fills from slot 1 up.
        if (slot != i + 1) return os::Error::kInvalidArgument;
    }
    for (uint64_t i = 0; i < used; ++i) {
        if (arguments.caps[i] == cairn::kNullSlot) TRY(target.remove(i + 1, true));
    }
    return {};
}

// Process `id` as cap_obtain names it: the caller (0 or its own id) or a
// child it spawned, retained (release() it).
os::ErrorOr<process::Process*> self_or_child(process::Process& self, uint64_t id) {
    if (id == 0 || id == self.id()) {
        self.retain();
        return &self;
    }
    return process::find_child(self.id(), id);
}

template <typename T>
os::ErrorOr<KernelObject*> as_object(os::ErrorOr<T*> made) {
    if (made.is_error()) return made.error();
    return made.value();
}

// cap_obtain's new object, with its creator's reference, charged to
// `quota` (objects.h).
os::ErrorOr<KernelObject*> obtain_object(object::Quota& quota, process::Process& self,
                                         ObjectType type, uint64_t id) {
    switch (type) {
        case ObjectType::kThread: {
            if (id == 0) id = sched::id_of(sched::current());
            // Only a live thread of the caller's own process.
            sched::Thread* thread = TRY(self.find_thread(id));
            sched::release(*thread);
            return TRY(process::ThreadObject::create(quota, self, id));
        }
        case ObjectType::kAddressSpace:
            return TRY(process::AddressSpaceObject::create(quota, self, id));
        case ObjectType::kProcess:
        case ObjectType::kCapabilitySpace: {
            process::Process* target = TRY(self_or_child(self, id));
            auto made = type == ObjectType::kProcess
                            ? as_object(process::ProcessObject::create(quota, *target))
                            : as_object(process::CapabilitySpaceObject::create(quota, *target));
            target->release();
            return made;
        }
        default:
            return os::Error::kInvalidArgument;
    }
}

}  // namespace

// (const CapCreateArguments*) -> new slot.
int64_t cap_create(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    cairn::CapCreateArguments request;
    auto copied = read_user(arguments.values[0], &request);
    if (copied.is_error()) return error_result(copied.error());
    auto quota = space->lookup(request.quota, ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    auto made = create_object(quota.value().as<object::Quota>(), request.type, request.size);
    if (made.is_error()) return error_result(made.error());
    // On failure (a full space) the creator's reference was the last: the
    // object is destroyed and its charge refunded.
    return slot_result(space->insert_root(*made.value(), request.rights & cairn::kAllRights));
}

// (slot, rights mask) -> new slot.
int64_t cap_copy(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    return slot_result(space->derive(arguments.values[0], arguments.values[1], *space));
}

// (slot, rights mask, badge) -> new slot.
int64_t cap_derive(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    return slot_result(space->derive(arguments.values[0], arguments.values[1], *space, 0, true,
                                     arguments.values[2]));
}

// (slot (GRANT), child process id, rights mask) -> the slot in the child.
int64_t cap_grant(const Arguments& arguments) {
    process::Process* self = process::current();
    if (self == nullptr) return error_result(os::Error::kNotFound);
    cap::CapabilitySpace& space = self->capabilities();
    // The slot first, as for every call that names one.
    auto checked = space.lookup(arguments.values[0], ObjectType::kNone, cairn::kRightGrant);
    if (checked.is_error()) return error_result(checked.error());
    auto child = process::find_child(self->id(), arguments.values[1]);
    if (child.is_error()) return error_result(child.error());
    // A child that has ended has a closed space: kPeerGone.
    auto slot = space.derive(arguments.values[0], arguments.values[2],
                             child.value()->capabilities(), cairn::kRightGrant);
    child.value()->release();
    return slot_result(slot);
}

// (slot (REVOKE)) -> how many capabilities were deleted.
int64_t cap_revoke(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    auto revoked = space->revoke(arguments.values[0]);
    if (revoked.is_error()) return error_result(revoked.error());
    return static_cast<int64_t>(revoked.value());
}

// (slot (DELETE)) -> 0.
int64_t cap_delete(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    return result_of(space->remove(arguments.values[0]));
}

// (slot, CapInfo*) -> 0.
int64_t cap_info(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    auto info = space->info(arguments.values[0]);
    if (info.is_error()) return error_result(info.error());
    return result_of(write_user(arguments.values[1], info.value()));
}

// (object type, id, rights mask, quota (WRITE)) -> new slot.
int64_t cap_obtain(const Arguments& arguments) {
    process::Process* self = process::current();
    if (self == nullptr) return error_result(os::Error::kNotFound);
    auto quota = look_up(arguments.values[3], ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    auto type = static_cast<ObjectType>(arguments.values[0]);
    auto made = obtain_object(quota.value().as<object::Quota>(), *self, type, arguments.values[1]);
    if (made.is_error()) return error_result(made.error());
    return insert_new(made.value(), cairn::kAllRights & arguments.values[2]);
}

// (capability space (WRITE), slot (GRANT), rights mask) -> the slot there.
int64_t cap_insert(const Arguments& arguments) {
    cap::CapabilitySpace* space = cap::current_space();
    if (space == nullptr) return error_result(os::Error::kNotFound);
    auto target =
        space->lookup(arguments.values[0], ObjectType::kCapabilitySpace, cairn::kRightWrite);
    if (target.is_error()) return error_result(target.error());
    auto& process = target.value().as<process::CapabilitySpaceObject>().process();
    // derive() checks `slot` (kNoCapability, kWrongType, kMissingRights).
    auto slot = space->derive(arguments.values[1], arguments.values[2], process.capabilities(),
                              cairn::kRightGrant);
    // A closed space belongs to a process that has ended.
    if (slot.is_error() && slot.error() == os::Error::kPeerGone) {
        return error_result(os::Error::kNotFound);
    }
    return slot_result(slot);
}

// (const SpawnArguments*) -> process id.
int64_t process_spawn_with_caps(const Arguments& arguments) {
    process::Process* self = process::current();
    if (self == nullptr) return error_result(os::Error::kNotFound);
    cairn::SpawnArguments request;
    auto copied = read_user(arguments.values[0], &request);
    if (copied.is_error()) return error_result(copied.error());
    // The child's memory quota, held here even if it is one of the caps
    // moved to the child below.
    auto quota = look_up(request.quota, ObjectType::kQuota, cairn::kRightWrite);
    if (quota.is_error()) return error_result(quota.error());
    if (request.path_length == 0) return error_result(os::Error::kInvalidArgument);
    char path[kMaxPath];
    char argument[kMaxArgument];
    copied = copy_string(reinterpret_cast<uint64_t>(request.path), request.path_length, path,
                         sizeof(path));
    if (copied.is_error()) return error_result(copied.error());
    copied = copy_string(reinterpret_cast<uint64_t>(request.argument), request.argument_length,
                         argument, sizeof(argument));
    if (copied.is_error()) return error_result(copied.error());
    auto checked = check_spawn_caps(self->capabilities(), request);
    if (checked.is_error()) return error_result(checked.error());

    SpawnCaps caps{&self->capabilities(), &request};
    process::SpawnPreparation preparation;
    preparation.prepare = hand_over_caps;
    preparation.context = &caps;
    auto id = process::spawn(path, argument, self->id(), &quota.value().as<object::Quota>(),
                             &preparation);
    if (id.is_error()) return error_result(id.error());
    return static_cast<int64_t>(id.value());
}

}  // namespace kernel::syscall
