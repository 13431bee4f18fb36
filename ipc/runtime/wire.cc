#include "ipc/wire.h"

namespace cairn::ipc {

void Writer::put_handle(const Handle& handle, bool move) {
    if (handle.slot == kNullSlot) {
        put_u8(kNoHandle);
        return;
    }
    if (cap_count_ == kMessageCaps) {
        failed_ = true;
        return;
    }
    if (move) cap_move_ |= 1u << cap_count_;
    caps_[cap_count_] = handle.slot;
    put_u8(static_cast<uint8_t>(cap_count_++));
}

void Reader::get_handle(Handle& handle, uint64_t rights) {
    handle.slot = kNullSlot;
    uint8_t index = get_u8();
    if (failed_ || index == kNoHandle) return;
    // An index past the message's caps, or one claimed twice (two fields
    // would own one slot, and deleting one would break the other).
    if (index >= cap_count_ || (caps_used_ & (1u << index)) != 0) {
        failed_ = true;
        return;
    }
    if (rights != 0 && !check_rights(caps_[index], rights)) {
        failed_ = true;
        return;
    }
    caps_used_ |= 1u << index;
    handle.slot = caps_[index];
}

}  // namespace cairn::ipc
