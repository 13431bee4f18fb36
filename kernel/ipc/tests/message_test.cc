#include "kernel/ipc/message.h"

#include <gtest/gtest.h>

namespace kernel::ipc {
namespace {

cairn::Message valid() {
    cairn::Message message{};
    message.id = 42;
    message.data_length = cairn::kMessageDataBytes;
    message.cap_count = 2;
    message.cap_move = 0b10;
    message.caps[0] = 5;
    message.caps[1] = 6;
    message.buffer = 0x10000;
    message.buffer_length = cairn::kMaxOutOfLineBytes;
    for (size_t i = 0; i < cairn::kMessageDataBytes; ++i)
        message.data[i] = static_cast<uint8_t>(i);
    return message;
}

TEST(MessageTest, AcceptsAFullMessageAtEveryLimit) {
    EXPECT_FALSE(validate_outgoing(valid()).is_error());
    cairn::Message empty{};
    EXPECT_FALSE(validate_outgoing(empty).is_error());
}

TEST(MessageTest, RefusesTooMuchInlineData) {
    cairn::Message message = valid();
    message.data_length = cairn::kMessageDataBytes + 1;
    auto result = validate_outgoing(message);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), os::Error::kInvalidArgument);
}

TEST(MessageTest, RefusesTooManyCapsAndMoveBitsPastTheCount) {
    cairn::Message message = valid();
    message.cap_count = cairn::kMessageCaps + 1;
    EXPECT_EQ(validate_outgoing(message).error(), os::Error::kInvalidArgument);
    message = valid();
    message.cap_move = 0b100;  // cap 2 of 2
    EXPECT_EQ(validate_outgoing(message).error(), os::Error::kInvalidArgument);
    message.cap_move = 1u << 31;
    EXPECT_EQ(validate_outgoing(message).error(), os::Error::kInvalidArgument);
}

TEST(MessageTest, RefusesAnOutOfLineBufferPastTheLimitOrAtNull) {
    cairn::Message message = valid();
    message.buffer_length = cairn::kMaxOutOfLineBytes + 1;
    EXPECT_EQ(validate_outgoing(message).error(), os::Error::kOutOfRange);
    message = valid();
    message.buffer = 0;
    EXPECT_EQ(validate_outgoing(message).error(), os::Error::kBadAddress);
    message.buffer_length = 0;  // no buffer: the address does not matter
    EXPECT_FALSE(validate_outgoing(message).is_error());
}

TEST(MessageTest, ReceiveCapacityIsClampedToTheLimit) {
    cairn::Message message{};
    message.buffer_length = 100;
    EXPECT_EQ(receive_capacity(message), 100u);
    message.buffer_length = ~uint64_t{0};
    EXPECT_EQ(receive_capacity(message), cairn::kMaxOutOfLineBytes);
}

TEST(MessageTest, RoundTripKeepsTheInlinePartAndZeroesTheRest) {
    cairn::Message in = valid();
    in.data_length = 10;
    KernelMessage kernel_message;
    from_user(in, &kernel_message);
    EXPECT_EQ(kernel_message.out_of_line, nullptr);
    EXPECT_EQ(kernel_message.buffer_length, 0u);
    kernel_message.badge = 7;
    kernel_message.flags = cairn::kMessageFlagCall;
    kernel_message.buffer_length = 3;
    cairn::Message out;
    __builtin_memset(&out, 0xaa, sizeof(out));
    to_user(kernel_message, 0x5000, &out);
    EXPECT_EQ(out.id, 42u);
    EXPECT_EQ(out.badge, 7u);
    EXPECT_EQ(out.flags, cairn::kMessageFlagCall);
    EXPECT_EQ(out.data_length, 10u);
    EXPECT_EQ(out.cap_count, 2u);
    EXPECT_EQ(out.cap_move, 0u);
    EXPECT_EQ(out.caps[0], 5u);
    EXPECT_EQ(out.caps[2], 0u);
    EXPECT_EQ(out.buffer, 0x5000u);
    EXPECT_EQ(out.buffer_length, 3u);
    for (size_t i = 0; i < 10; ++i)
        EXPECT_EQ(out.data[i], i);
    for (size_t i = 10; i < cairn::kMessageDataBytes; ++i)
        EXPECT_EQ(out.data[i], 0);
}

}  // namespace
}  // namespace kernel::ipc
