// Malformed input to a generated server and client: every case must end in an
// error reply (or error status) with a specific code, never a crash.
#include <gtest/gtest.h>

#include <string.h>

#include "ipc/testdata/kitchen_server.h"

namespace idltest {
namespace {

using cairn::Message;
using cairn::Status;
namespace ipc = cairn::ipc;

// Offsets in an encoded Everything (ipc/README.md's layout of kitchen.proto).
constexpr uint32_t kBoolOffset = 72;  // Scalars: 8+4+4+8+4+8+4+8+4+8+4+8
constexpr uint32_t kColorOffset = 73;
constexpr uint32_t kNameOffset = 77;  // u32 length, then the bytes

struct Raw : testing::Test {
    TestKitchen server;
    uint8_t buffer[1024] = {};
    Message in{};
    Message out{};

    // A valid Mirror request (small: "hi") in `buffer`, returned with its length.
    uint32_t encode_everything(const Everything& value) {
        ipc::Writer writer(buffer, sizeof buffer);
        value.encode(writer);
        EXPECT_FALSE(writer.failed());
        return writer.length();
    }
    void out_of_line(uint64_t id, uint32_t length) {
        ipc::reset_message(in, id | ipc::kKindOutOfLine);
        in.data_length = 4;
        memcpy(in.data, &length, 4);
        in.buffer = reinterpret_cast<uintptr_t>(buffer);
        in.buffer_length = length;
        in.flags = cairn::kMessageFlagCall;
    }
    void inline_request(uint64_t id, const void* bytes, uint32_t length) {
        ipc::reset_message(in, id);
        memcpy(in.data, bytes, length);
        in.data_length = length;
        in.flags = cairn::kMessageFlagCall;
    }
    // The status the error reply in `out` carries (kOk if it is no error reply).
    Status replied() const {
        if ((out.id & ipc::kKindError) == 0) return Status::kOk;
        int32_t status;
        memcpy(&status, out.data, 4);
        return static_cast<Status>(status);
    }
    Status dispatch() {
        Status status = server.dispatch(in, out);
        EXPECT_EQ(status, replied());
        EXPECT_NE(out.id & ipc::kKindReply, 0u);
        return status;
    }
};

TEST_F(Raw, ValidOutOfLineRequestIsAccepted) {
    Everything value;
    fill(value, 1);
    out_of_line(KitchenInterface::kMirrorId, encode_everything(value));
    EXPECT_EQ(dispatch(), Status::kOk);
}

TEST_F(Raw, UnknownInterfaceMethodVersionAndKind) {
    int32_t point[2] = {1, 2};
    inline_request(KitchenInterface::kAddId ^ (uint64_t{1} << 40), point, 8);
    EXPECT_EQ(dispatch(), Status::kNotFound);
    inline_request(ipc::request_id(KitchenInterface::kInterfaceId, 0x1234), point, 8);
    EXPECT_EQ(dispatch(), Status::kNotFound);
    inline_request(KitchenInterface::kAddId + (uint64_t{1} << 8), point, 8);  // version 2
    EXPECT_EQ(dispatch(), Status::kUnsupported);
    inline_request(KitchenInterface::kAddId | ipc::kKindReply, point, 8);
    EXPECT_EQ(dispatch(), Status::kUnsupported);
}

TEST_F(Raw, TruncatedAndTrailingBytes) {
    int32_t point[3] = {1, 2, 3};
    inline_request(KitchenInterface::kAddId, point, 7);
    EXPECT_EQ(dispatch(), Status::kMalformed);
    inline_request(KitchenInterface::kAddId, point, 9);
    EXPECT_EQ(dispatch(), Status::kMalformed);
    inline_request(KitchenInterface::kAddId, point, 8);
    EXPECT_EQ(dispatch(), Status::kOk);
    inline_request(KitchenInterface::kAddId, point, 8);
    in.data_length = 200;  // past the 64 inline bytes
    EXPECT_EQ(dispatch(), Status::kMalformed);
}

TEST_F(Raw, BadBoolEnumAndStringLength) {
    Everything value;
    uint32_t length = encode_everything(value);
    buffer[kBoolOffset] = 2;
    out_of_line(KitchenInterface::kMirrorId, length);
    EXPECT_EQ(dispatch(), Status::kMalformed);

    length = encode_everything(value);
    buffer[kColorOffset] = 5;  // not a declared Color
    out_of_line(KitchenInterface::kMirrorId, length);
    EXPECT_EQ(dispatch(), Status::kMalformed);

    length = encode_everything(value);
    buffer[kNameOffset] = 33;  // max_length is 32
    out_of_line(KitchenInterface::kMirrorId, length);
    EXPECT_EQ(dispatch(), Status::kMalformed);

    length = encode_everything(value);
    buffer[kNameOffset + 3] = 0x80;  // a length near 2^31
    out_of_line(KitchenInterface::kMirrorId, length);
    EXPECT_EQ(dispatch(), Status::kMalformed);
}

TEST_F(Raw, CountOverBound) {
    Everything value;
    uint32_t length = encode_everything(value);
    // numbers' count follows name (4 + 0 bytes) and blob (4 + 0 bytes).
    buffer[kNameOffset + 8] = 6;  // max_count is 5
    out_of_line(KitchenInterface::kMirrorId, length);
    EXPECT_EQ(dispatch(), Status::kMalformed);
}

TEST_F(Raw, CapabilityIndexes) {
    Everything value;
    value.copied.slot = 40;
    value.moved.slot = 41;
    uint32_t length = encode_everything(value);
    out_of_line(KitchenInterface::kMirrorId, length);
    in.cap_count = 1;  // the second index (1) names no capability
    in.caps[0] = 40;
    EXPECT_EQ(dispatch(), Status::kMalformed);

    out_of_line(KitchenInterface::kMirrorId, length);
    in.cap_count = 2;
    in.caps[0] = 40;
    in.caps[1] = 41;
    EXPECT_EQ(dispatch(), Status::kOk);

    // Both fields claiming capability 0.
    // The encoding ends with copied (1 byte), moved (1), more's count (4).
    buffer[length - 6] = 0;
    buffer[length - 5] = 0;
    out_of_line(KitchenInterface::kMirrorId, length);
    in.cap_count = 2;
    EXPECT_EQ(dispatch(), Status::kMalformed);
}

TEST_F(Raw, OutOfLineLengthMustMatchWhatArrived) {
    Everything value;
    fill(value, 2);
    uint32_t length = encode_everything(value);
    out_of_line(KitchenInterface::kMirrorId, length);
    in.buffer_length = length - 1;
    EXPECT_EQ(dispatch(), Status::kMalformed);
    out_of_line(KitchenInterface::kMirrorId, length);
    in.data_length = 3;
    EXPECT_EQ(dispatch(), Status::kMalformed);
    out_of_line(KitchenInterface::kMirrorId, length);
    in.buffer = 0;
    EXPECT_EQ(dispatch(), Status::kMalformed);
    // Extra room sent along (a client expecting a large reply) is ignored.
    out_of_line(KitchenInterface::kMirrorId, length);
    in.buffer_length = sizeof buffer;
    EXPECT_EQ(dispatch(), Status::kOk);
}

// A server that answers garbage: the client returns kMalformed.
Status garbage_server(void* context, cairn::CapSlot, Message* message) {
    uint64_t mode = *static_cast<uint64_t*>(context);
    uint64_t id = message->id;
    ipc::reset_message(*message, 0);
    if (mode == 0) message->id = id;                                             // not a reply
    if (mode == 1) message->id = KitchenInterface::kMirrorId | ipc::kKindReply;  // another call's
    if (mode == 2) {                                                             // "error" kOk
        message->id = id | ipc::kKindReply | ipc::kKindError;
        message->data_length = 4;
    }
    if (mode == 3) {  // a reply one byte short
        message->id = id | ipc::kKindReply;
        message->data_length = 7;
    }
    return Status::kOk;
}

TEST(Client, RefusesMalformedReplies) {
    for (uint64_t mode = 0; mode < 4; ++mode) {
        KitchenClient client(1, ipc::Transport{&garbage_server, &mode});
        Point reply;
        EXPECT_EQ(client.Add(Point{1, 2}, &reply), Status::kMalformed) << "mode " << mode;
    }
}

}  // namespace
}  // namespace idltest
