#include "kernel/ipc/inline_message.h"

namespace kernel::ipc {
namespace {

void fill(KernelMessage& message, const InlineHeader& header, const uint8_t* data, uint64_t badge,
          uint32_t flags) {
    message.id = header.id;
    message.badge = badge;
    message.data_length = header.data_length;
    message.flags = flags;
    message.cap_count = 0;
    message.cap_move = 0;
    message.out_of_line = nullptr;  // an idle thread's message holds no buffer
    message.buffer_length = 0;
    copy_data(message.data, data, header.data_length);
}

}  // namespace

void copy_data(uint8_t* to, const uint8_t* from, uint32_t length) {
    if (length == cairn::kMessageDataBytes) {
        __builtin_memcpy(to, from, cairn::kMessageDataBytes);
        return;
    }
    uint32_t i = 0;
    for (; i + sizeof(uint64_t) <= length; i += sizeof(uint64_t)) {
        uint64_t word;
        __builtin_memcpy(&word, from + i, sizeof(word));
        __builtin_memcpy(to + i, &word, sizeof(word));
    }
    for (; i < length; ++i) {
        to[i] = from[i];
        __asm__ volatile("" ::: "memory");  // keeps the loop from becoming a memcpy call
    }
}

void deliver(ThreadState& partner, const InlineHeader& header, const uint8_t* data, uint64_t badge,
             uint32_t flags) {
    cairn::Message* to = partner.direct_to;
    if (to == nullptr) {
        fill(partner.message, header, data, badge, flags);
        return;
    }
    to->id = header.id;
    to->badge = badge;
    to->data_length = header.data_length;
    to->cap_count = 0;
    to->cap_move = 0;
    to->flags = flags;
    to->buffer_length = 0;
    copy_data(to->data, data, header.data_length);
    partner.delivered = true;
}

}  // namespace kernel::ipc
