// caps: the capability calls and every denial a slot can cause.
//   - every call that takes a slot (21) answers kNoCapability, kWrongType
//     and kMissingRights for an empty, a wrong and a right-less slot
//   - rights only shrink (copy, derive, grant), badges stick, object ids
//   - kNoCapability (0, out of range, empty, revoked), kWrongType,
//     kMissingRights, in that order
//   - revoke removes every descendant, in this process and in a child
//   - quotas: each object costs kObjectCost, refunded exactly on delete;
//     an exhausted quota answers kQuotaExceeded
#include <stdio.h>

#include "tests/user/ipctest/cases.h"
#include "tests/user/ipctest/support.h"

namespace ipctest {
namespace {

using cairn::ObjectType;
using namespace cairn::sys;

constexpr cairn::Rights kReadGrant = cairn::kRightRead | cairn::kRightGrant;

uint64_t quota_left(CapSlot quota = cairn::kInitQuotaSlot) {
    return info(quota).size;
}

void check_init_slots() {
    cairn::CapInfo quota = info(cairn::kInitQuotaSlot);
    CHECK_EQ(static_cast<uint64_t>(quota.type), static_cast<uint64_t>(ObjectType::kQuota));
    CHECK_EQ(quota.rights, cairn::kAllRights);
    CHECK(quota.size > 0);
    cairn::CapInfo platform = info(cairn::kInitPlatformSlot);
    CHECK_EQ(static_cast<uint64_t>(platform.type), static_cast<uint64_t>(ObjectType::kPlatform));
}

void check_denials(CapSlot endpoint) {
    cairn::CapInfo answer{};
    CHECK_STATUS(cap_info(0, &answer), kNoCapability);
    CHECK_STATUS(cap_info(cairn::kCapabilitySlots + 1, &answer), kNoCapability);
    CHECK_STATUS(cap_info(~uint64_t{0}, &answer), kNoCapability);
    CHECK_STATUS(cap_info(cairn::kCapabilitySlots, &answer), kNoCapability);  // empty
    CHECK_STATUS(cap_info(endpoint, nullptr), kBadAddress);
    CHECK_STATUS(ipc_notify(endpoint, 1), kWrongType);
    CHECK_STATUS(cap_create(endpoint, ObjectType::kEndpoint), kWrongType);
    CHECK_STATUS(memory_map(endpoint, 4096, cairn::kMapRead), kWrongType);
    CHECK_STATUS(irq_ack(endpoint), kWrongType);
    // Read-only copy: no send, no revoke, no delete, no grant.
    CapSlot reader = cap_copy(endpoint, cairn::kRightRead).value();
    cairn::Message message = cairn::make_message(1);
    CHECK_STATUS(ipc_send(reader, message, cairn::kNoWait), kMissingRights);
    CHECK_STATUS(cap_revoke(reader), kMissingRights);
    CHECK_STATUS(cap_delete(reader), kMissingRights);
    CHECK_STATUS(cap_copy(reader, cairn::kAllRights), kOk);  // copying needs no right
    // The order: a missing slot before a wrong type before missing rights.
    CHECK_STATUS(cap_create(reader, ObjectType::kEndpoint), kWrongType);
    Result quota_reader = cap_copy(cairn::kInitQuotaSlot, cairn::kRightRead | cairn::kRightDelete);
    CHECK_STATUS(cap_create(quota_reader.value(), ObjectType::kEndpoint), kMissingRights);
    CHECK_OK(cap_delete(quota_reader.value()));
    CHECK_STATUS(cap_create(cairn::kInitQuotaSlot, ObjectType::kNone), kInvalidArgument);
    CHECK_STATUS(cap_create(cairn::kInitQuotaSlot, ObjectType::kMemory, 1000), kInvalidArgument);
    CHECK_STATUS(cap_revoke(endpoint), kOk);  // drops the copies made here
}

// Every call that names an object by slot, with each of the three slot
// failures: an empty slot (kNoCapability), a capability to another kind of
// object (kWrongType), one of the right kind without the right the call
// needs (kMissingRights). Returns how many calls were checked.
int check_denial_table() {
    constexpr CapSlot kEmpty = cairn::kCapabilitySlots;
    constexpr cairn::Rights kNone = cairn::kRightDelete;  // deletable, nothing else
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CapSlot word = create(ObjectType::kNotification);
    CapSlot memory = create(ObjectType::kMemory, 4096);
    CapSlot bare_endpoint = cap_copy(endpoint, kNone).value();
    CapSlot bare_word = cap_copy(word, kNone).value();
    CapSlot bare_memory = cap_copy(memory, kNone).value();
    CapSlot bare_quota = cap_copy(cairn::kInitQuotaSlot, kNone).value();
    CapSlot bare_platform = cap_copy(cairn::kInitPlatformSlot, kNone).value();
    cairn::Message message = cairn::make_message(1);
    cairn::CapInfo answer{};
    cairn::PlatformInfo platform{};
    (void)platform_info(&platform);
    uint64_t line = platform.serial_irq_line;
    int checked = 0;
#define DENIED(call_with, empty, wrong, bare)    \
    do {                                         \
        CapSlot slot = empty;                    \
        CHECK_STATUS(call_with, kNoCapability);  \
        slot = wrong;                            \
        CHECK_STATUS(call_with, kWrongType);     \
        slot = bare;                             \
        CHECK_STATUS(call_with, kMissingRights); \
        ++checked;                               \
    } while (0)
    DENIED(ipc_send(slot, message, cairn::kNoWait), kEmpty, word, bare_endpoint);
    DENIED(ipc_receive(slot, &message, cairn::kNoWait), kEmpty, word, bare_endpoint);
    DENIED(ipc_call(slot, &message, cairn::kNoWait), kEmpty, word, bare_endpoint);
    DENIED(ipc_reply_receive(slot, &message, cairn::kNoWait), kEmpty, word, bare_endpoint);
    DENIED(ipc_notify(slot, 1), kEmpty, endpoint, bare_word);
    DENIED(ipc_wait_notification(slot, cairn::kNoWait), kEmpty, endpoint, bare_word);
    DENIED(ipc_bind_notification(slot), kEmpty, endpoint, bare_word);
    DENIED(memory_map(slot, 4096, cairn::kMapRead), kEmpty, endpoint, bare_memory);
    DENIED(cap_create(slot, ObjectType::kEndpoint), kEmpty, endpoint, bare_quota);
    DENIED(memory_take(slot, 0x10'0000'0000, 4096), kEmpty, endpoint, bare_quota);
    constexpr CapSlot kQuota = cairn::kInitQuotaSlot;
    constexpr CapSlot kPlatform = cairn::kInitPlatformSlot;
    DENIED(memory_create_device(slot, 0, 4096, kQuota), kEmpty, endpoint, bare_platform);
    DENIED(irq_register(slot, line, word, 1, kQuota), kEmpty, endpoint, bare_platform);
    DENIED(irq_register(kPlatform, line, slot, 1, kQuota), kEmpty, endpoint, bare_word);
    // The quota every object-making call is charged to (capability.h).
    DENIED(memory_create_device(kPlatform, 0, 4096, slot), kEmpty, endpoint, bare_quota);
    DENIED(irq_register(kPlatform, line, word, 1, slot), kEmpty, endpoint, bare_quota);
    DENIED(cap_obtain(ObjectType::kProcess, 0, cairn::kAllRights, slot), kEmpty, endpoint,
           bare_quota);
    DENIED(ipc_save_reply(slot), kEmpty, endpoint, bare_quota);
#undef DENIED
    // Calls that take any type: only the empty slot and the missing right
    // (the slot is checked before the process: 1 is not our child).
    CHECK_STATUS(cap_grant(kEmpty, 1, cairn::kAllRights), kNoCapability);
    CHECK_STATUS(cap_grant(bare_endpoint, 1, cairn::kAllRights), kMissingRights);
    CHECK_STATUS(cap_revoke(kEmpty), kNoCapability);
    CHECK_STATUS(cap_revoke(bare_endpoint), kMissingRights);
    CHECK_STATUS(cap_delete(kEmpty), kNoCapability);
    CHECK_STATUS(cap_delete(cap_copy(endpoint, cairn::kRightRead).value()), kMissingRights);
    CHECK_STATUS(cap_copy(kEmpty), kNoCapability);
    CHECK_STATUS(cap_derive(kEmpty, cairn::kAllRights, 1), kNoCapability);
    CHECK_STATUS(cap_info(kEmpty, &answer), kNoCapability);
    CHECK_STATUS(ipc_reply(kEmpty, message), kNoCapability);
    CHECK_STATUS(ipc_reply(endpoint, message), kWrongType);
    CHECK_STATUS(irq_ack(kEmpty), kNoCapability);
    CHECK_STATUS(irq_ack(word), kWrongType);
    checked += 8;
    CHECK_EQ(cap_revoke(endpoint).raw, 2);  // bare_endpoint and the READ copy
    CHECK_OK(cap_revoke(word));
    CHECK_OK(cap_revoke(memory));
    CHECK_OK(cap_delete(bare_quota));
    CHECK_OK(cap_delete(bare_platform));
    CHECK_OK(cap_delete(endpoint));
    CHECK_OK(cap_delete(word));
    CHECK_OK(cap_delete(memory));
    return checked;
}

// Copies and derivations never gain rights; badges stick and only unbadged
// endpoints and notifications take one.
void check_rights_and_badges(CapSlot endpoint) {
    CapSlot copy = cap_copy(endpoint, kReadGrant).value();
    CHECK_EQ(info(copy).rights, kReadGrant);
    CHECK_EQ(info(copy).object_id, info(endpoint).object_id);
    CapSlot copy_of_copy = cap_copy(copy, cairn::kAllRights).value();
    CHECK_EQ(info(copy_of_copy).rights, kReadGrant);
    CapSlot badged = cap_derive(endpoint, cairn::kAllRights, 42).value();
    CHECK_EQ(info(badged).badge, 42u);
    CHECK_EQ(info(cap_copy(badged, cairn::kRightWrite).value()).badge, 42u);
    CHECK_STATUS(cap_derive(badged, cairn::kAllRights, 7), kInvalidArgument);
    Result narrowed = cap_derive(copy, cairn::kAllRights, 9);
    if (CHECK_OK(narrowed)) CHECK_EQ(info(narrowed.value()).rights, kReadGrant);
    CapSlot memory = create(ObjectType::kMemory, 4096);
    CHECK_STATUS(cap_derive(memory, cairn::kAllRights, 5), kInvalidArgument);
    CHECK_OK(cap_delete(memory));
    // endpoint has: copy (-> copy_of_copy, narrowed), badged (-> its copy).
    Result removed = cap_revoke(endpoint);
    CHECK_STATUS(removed, kOk);
    CHECK_EQ(removed.value(), 5u);
    cairn::CapInfo answer{};
    CHECK_STATUS(cap_info(copy, &answer), kNoCapability);
    CHECK_STATUS(cap_info(copy_of_copy, &answer), kNoCapability);
    CHECK_STATUS(cap_info(badged, &answer), kNoCapability);
    cairn::Message message = cairn::make_message(1);
    CHECK_STATUS(ipc_send(badged, message, cairn::kNoWait), kNoCapability);  // revoked
    CHECK_STATUS(cap_info(endpoint, &answer), kOk);
}

// Deleting a capability in the middle: its children move up to its parent.
void check_delete_keeps_children(CapSlot endpoint) {
    CapSlot middle = cap_copy(endpoint).value();
    CapSlot child = cap_copy(middle, cairn::kRightRead).value();
    CHECK_OK(cap_delete(middle));
    cairn::CapInfo answer{};
    CHECK_STATUS(cap_info(middle, &answer), kNoCapability);
    CHECK_STATUS(cap_info(child, &answer), kOk);
    Result removed = cap_revoke(endpoint);
    CHECK_EQ(removed.raw, 1);
    CHECK_STATUS(cap_info(child, &answer), kNoCapability);
}

// A child process gets a granted capability with the rights asked for; the
// parent's revoke removes it there too. The child reports over two
// notifications (slot 1: wait for the slot number, slot 2: answer).
uint64_t check_grant_and_remote_revoke(CapSlot endpoint) {
    CapSlot to_child = create(ObjectType::kNotification);
    CapSlot to_parent = create(ObjectType::kNotification);
    CapSlot caps[] = {to_child, to_parent};
    uint64_t child = spawn_child("grant_probe", caps, 2);
    CHECK_STATUS(cap_grant(endpoint, 999'999, cairn::kRightRead), kNotFound);
    CapSlot no_grant =
        cap_copy(endpoint, cairn::kRightRead | cairn::kRightWrite | cairn::kRightDelete).value();
    CHECK_STATUS(cap_grant(no_grant, child, cairn::kRightRead), kMissingRights);
    CHECK_OK(cap_delete(no_grant));
    Result granted = cap_grant(endpoint, child, cairn::kRightRead);
    uint64_t revoked = 0;
    if (CHECK_OK(granted)) {
        CHECK_OK(ipc_notify(to_child, granted.value()));
        CHECK_EQ(ipc_wait_notification(to_parent, 10 * kSecond).raw, 1);  // 1: saw it, READ only
        Result removed = cap_revoke(endpoint);
        CHECK_EQ(removed.raw, 1);
        revoked = removed.value();
        CHECK_OK(ipc_notify(to_child, granted.value()));
        CHECK_EQ(ipc_wait_notification(to_parent, 10 * kSecond).raw, 1);  // 1: gone there
    }
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(cap_delete(to_child));
    CHECK_OK(cap_delete(to_parent));
    return revoked;
}

// Each object costs kObjectCost of its quota (memory and quotas also their
// size) and gives it back when its last capability goes.
void check_quota(uint64_t* endpoints_made) {
    uint64_t before = quota_left();
    CapSlot small = create(ObjectType::kQuota, 16 * cairn::kObjectCost);
    CHECK_EQ(before - quota_left(), 17 * cairn::kObjectCost);
    CHECK_EQ(quota_left(small), 16 * cairn::kObjectCost);
    CHECK_STATUS(cap_create(small, ObjectType::kMemory, 4096), kQuotaExceeded);
    CapSlot made[16] = {};
    uint64_t count = 0;
    for (CapSlot& slot : made) {
        Result result = cap_create(small, ObjectType::kEndpoint);
        if (!CHECK_OK(result)) break;
        slot = result.value();
        ++count;
    }
    CHECK_EQ(quota_left(small), 0u);
    CHECK_STATUS(cap_create(small, ObjectType::kNotification), kQuotaExceeded);
    CHECK_OK(cap_delete(made[0]));
    CHECK_EQ(quota_left(small), cairn::kObjectCost);
    for (uint64_t index = 1; index < count; ++index)
        CHECK_OK(cap_delete(made[index]));
    CHECK_EQ(quota_left(small), 16 * cairn::kObjectCost);
    CHECK_OK(cap_delete(small));
    CHECK_EQ(quota_left(), before);
    CHECK_STATUS(cap_create(cairn::kInitQuotaSlot, ObjectType::kMemory, uint64_t{1} << 50),
                 kQuotaExceeded);
    *endpoints_made = count;
}

}  // namespace

// process_spawn_with_caps with empty entries: the child's slots 1, 3 and 5
// stay empty around a moved (2) and a copied (4) notification; a moved
// empty entry is refused. The child reports through the notification in
// its slot 2 (bit 1: every slot as expected).
void check_sparse_spawn() {
    CapSlot moved = create(ObjectType::kNotification);
    CapSlot copied = create(ObjectType::kNotification);
    CapSlot refused[] = {cairn::kNullSlot, copied};
    CHECK_STATUS(cairn::sys::spawn_with_caps("bin/ipctest", "child:sparse_slots", refused, 2, 1,
                                             cairn::kInitQuotaSlot),
                 kInvalidArgument);
    CapSlot waiter = cap_copy(moved, cairn::kRightRead | cairn::kRightDelete).value();
    CapSlot caps[] = {cairn::kNullSlot, moved, cairn::kNullSlot, copied, cairn::kNullSlot};
    uint64_t child = spawn_child("sparse_slots", caps, 5, 1 << 1);
    cairn::CapInfo gone{};
    CHECK_STATUS(cap_info(moved, &gone), kNoCapability);  // moved away
    CHECK_EQ(ipc_wait_notification(waiter, 10 * kSecond).raw, 1);
    CHECK_EQ(wait_child(child), 0);
    CHECK_OK(cap_delete(waiter));
    CHECK_OK(cap_delete(copied));
}

void run_caps() {
    check_init_slots();
    uint64_t quota_at_start = quota_left();
    CapSlot endpoint = create(ObjectType::kEndpoint);
    CHECK_EQ(quota_at_start - quota_left(), cairn::kObjectCost);
    cairn::CapInfo endpoint_info = info(endpoint);
    CHECK_EQ(static_cast<uint64_t>(endpoint_info.type),
             static_cast<uint64_t>(ObjectType::kEndpoint));
    CHECK_EQ(endpoint_info.rights, cairn::kAllRights);
    CHECK_EQ(endpoint_info.badge, 0u);
    check_denials(endpoint);
    int denial_calls = check_denial_table();
    CHECK_EQ(denial_calls, 25);
    check_rights_and_badges(endpoint);
    check_delete_keeps_children(endpoint);
    uint64_t remote = check_grant_and_remote_revoke(endpoint);
    check_sparse_spawn();
    uint64_t endpoints_made = 0;
    check_quota(&endpoints_made);
    CHECK_OK(cap_delete(endpoint));
    CHECK_EQ(quota_left(), quota_at_start);
    printf(
        "caps: %d calls denied for an empty slot, a wrong type and a missing right; rights "
        "shrink, badges stick, revoke removed 5 local and %llu remote descendants, %llu objects "
        "from a 16-object quota, quota back to %llu bytes\n",
        denial_calls, static_cast<unsigned long long>(remote),
        static_cast<unsigned long long>(endpoints_made),
        static_cast<unsigned long long>(quota_left()));
}

// Child of check_grant_and_remote_revoke.
int child_sparse_slots() {
    cairn::CapInfo answer{};
    bool ok = true;
    constexpr CapSlot kEmpty[] = {1, 3, 5, 6}, kHeld[] = {2, 4};
    for (CapSlot empty : kEmpty)
        ok = ok && cap_info(empty, &answer).status() == Status::kNoCapability;
    for (CapSlot held : kHeld) {
        ok = ok && cap_info(held, &answer).ok() && answer.type == ObjectType::kNotification &&
             answer.rights == cairn::kAllRights;
    }
    (void)ipc_notify(2, ok ? 1 : 2);
    return ok ? 0 : 1;
}

int child_grant_probe() {
    constexpr CapSlot kToChild = 1, kToParent = 2;
    Result slot = ipc_wait_notification(kToChild, 10 * kSecond);
    if (!slot) return 1;
    cairn::CapInfo granted{};
    bool ok = cap_info(slot.value(), &granted).ok() && granted.type == ObjectType::kEndpoint &&
              granted.rights == cairn::kRightRead;
    (void)ipc_notify(kToParent, ok ? 1 : 2);
    if (!ipc_wait_notification(kToChild, 10 * kSecond)) return 1;
    bool gone = cap_info(slot.value(), &granted).status() == Status::kNoCapability;
    (void)ipc_notify(kToParent, gone ? 1 : 2);
    return ok && gone ? 0 : 1;
}

}  // namespace ipctest
