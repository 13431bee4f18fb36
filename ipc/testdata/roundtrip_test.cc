// Encoding round trips of every field type, inline and out of line, with
// capabilities, from the client stub through the Loopback transport to the
// server skeleton and back.
#include <gtest/gtest.h>

#include <string.h>

#include "ipc/testdata/kitchen_server.h"

namespace idltest {
namespace {

using cairn::Status;
using cairn::ipc::kKindOutOfLine;

bool same(const Everything& a, const Everything& b) {
    // The structs have no padding-sensitive comparisons to do by hand: encode
    // both and compare the bytes (the encoding is canonical).
    uint8_t left[Everything::kMaxEncodedSize], right[Everything::kMaxEncodedSize];
    cairn::ipc::Writer x(left, sizeof left), y(right, sizeof right);
    a.encode(x);
    b.encode(y);
    return !x.failed() && !y.failed() && x.length() == y.length() &&
           memcmp(left, right, x.length()) == 0 && x.cap_count() == y.cap_count();
}

struct Fixture : testing::Test {
    TestKitchen server;
    cairn::ipc::Loopback loopback{server.target()};
    KitchenClient client{5, loopback.transport()};
};

TEST_F(Fixture, InlineCallSumsAndUsesNoBuffer) {
    Point reply;
    ASSERT_EQ(client.Add(Point{40, 2}, &reply), Status::kOk);
    EXPECT_EQ(reply.x, 42);
    EXPECT_EQ(reply.y, 38);
    EXPECT_EQ(loopback.last_request.data_length, 8u);
    EXPECT_EQ(loopback.last_request.buffer_length, 0u);
    EXPECT_EQ(loopback.last_request.id, KitchenInterface::kAddId);
    EXPECT_EQ(loopback.last_reply.id, KitchenInterface::kAddId | cairn::ipc::kKindReply);
}

TEST_F(Fixture, WireFormatIsLittleEndianInFieldNumberOrder) {
    Point reply;
    ASSERT_EQ(client.Add(Point{0x01020304, -1}, &reply), Status::kOk);
    const uint8_t expected[] = {4, 3, 2, 1, 0xff, 0xff, 0xff, 0xff};
    EXPECT_EQ(memcmp(loopback.last_request.data, expected, 8), 0);
}

TEST_F(Fixture, EveryFieldTypeSurvivesOutOfLine) {
    Everything request;
    fill(request, 9);
    request.copied.slot = 11;
    request.moved.slot = 12;
    request.more.push_back({13});
    Everything reply;
    ASSERT_EQ(client.Mirror(request, &reply), Status::kOk);
    EXPECT_TRUE(same(request, reply));
    EXPECT_EQ(reply.scalars.f_double, 4.5);
    EXPECT_EQ(reply.scalars.f_float, -1.25f);
    EXPECT_EQ(reply.scalars.f_int64, -9 * 1000000007ll);
    EXPECT_EQ(reply.scalars.f_uint64, 0xfedcba9876543210ull ^ 9);
    EXPECT_EQ(reply.scalars.color, Color::COLOR_BLUE);
    EXPECT_STREQ(reply.name.c_str(), "kitchen sink");
    EXPECT_EQ(reply.blob.size, 300u);
    EXPECT_EQ(reply.blob.data[299], static_cast<uint8_t>(299 * 7 + 9));
    EXPECT_EQ(reply.numbers.size, 5u);
    EXPECT_EQ(reply.numbers[4], 13u);
    EXPECT_STREQ(reply.words[1].c_str(), "wxyz");
    EXPECT_EQ(reply.colors[0], Color::COLOR_RED);
    EXPECT_EQ(reply.inner.points[1].x, -3);
    // Capabilities travel in the slots, the payload holds their indexes.
    const cairn::Message& sent = loopback.last_request;
    EXPECT_NE(sent.id & kKindOutOfLine, 0u);
    EXPECT_EQ(sent.cap_count, 3u);
    EXPECT_EQ(sent.caps[0], 11u);
    EXPECT_EQ(sent.caps[1], 12u);
    EXPECT_EQ(sent.caps[2], 13u);
    EXPECT_EQ(sent.cap_move, 0b010u);  // only `moved` is [(ipc.move) = true]
    EXPECT_EQ(reply.copied.slot, 11u);
    EXPECT_EQ(reply.moved.slot, 12u);
    EXPECT_EQ(reply.more[0].slot, 13u);
    EXPECT_EQ(reply.more.size, 1u);
}

TEST_F(Fixture, InlineRequestGetsOutOfLineReply) {
    Everything reply;
    ASSERT_EQ(client.Fetch(Small{3}, &reply), Status::kOk);
    Everything expected;
    fill(expected, 3);
    EXPECT_TRUE(same(expected, reply));
    EXPECT_EQ(loopback.last_request.id & kKindOutOfLine, 0u);
    EXPECT_NE(loopback.last_reply.id & kKindOutOfLine, 0u);
}

TEST_F(Fixture, ShortTextInlineLongTextOutOfLine) {
    Text request, reply;
    request.text.assign("short");
    ASSERT_EQ(client.Say(request, &reply), Status::kOk);
    EXPECT_EQ(loopback.last_request.id & kKindOutOfLine, 0u);
    EXPECT_EQ(loopback.last_request.data_length, 4u + 5u);
    EXPECT_STREQ(reply.text.c_str(), "short");
    char longer[101];
    memset(longer, 'z', 100);
    longer[100] = 0;
    ASSERT_TRUE(request.text.assign(longer));
    ASSERT_EQ(client.Say(request, &reply), Status::kOk);
    EXPECT_NE(loopback.last_request.id & kKindOutOfLine, 0u);
    EXPECT_EQ(loopback.last_request.data_length, 4u);
    EXPECT_STREQ(reply.text.c_str(), longer);
}

TEST_F(Fixture, EmptyEverythingIsOutOfLine) {
    Everything request, reply;
    ASSERT_EQ(client.Mirror(request, &reply), Status::kOk);
    // 77 scalars + 4 name + 4 blob + 4 numbers + 4 words + 4 colors + 8 inner + 1 + 1 + 4.
    uint32_t length;
    memcpy(&length, loopback.last_request.data, 4);
    EXPECT_EQ(length, 111u);
    EXPECT_EQ(reply.copied.slot, cairn::kNullSlot);
}

TEST_F(Fixture, EmptyMessages) {
    Empty reply;
    ASSERT_EQ(client.Nothing(Empty{}, &reply), Status::kOk);
    EXPECT_EQ(server.nothings, 1);
    EXPECT_EQ(loopback.last_request.data_length, 0u);
}

TEST_F(Fixture, CallersBadgeReachesTheHandler) {
    Empty reply;
    ASSERT_EQ(client.Nothing(Empty{}, &reply), Status::kOk);
    EXPECT_EQ(server.last_badge, 0u);  // Loopback's default: an unbadged capability
    loopback.badge = 0xfeedface12345678ull;
    ASSERT_EQ(client.Nothing(Empty{}, &reply), Status::kOk);
    EXPECT_EQ(server.last_badge, 0xfeedface12345678ull);
    EXPECT_EQ(loopback.last_request.badge, 0xfeedface12345678ull);
}

TEST_F(Fixture, BadgeSurvivesAReplyInTheRequestsMessage) {
    // The serve loop answers in the request's Message: the context is copied first.
    cairn::Message message{};
    message.id = KitchenInterface::kNothingId;
    message.badge = 99;
    ASSERT_EQ(server.dispatch(message, message), Status::kOk);
    EXPECT_EQ(server.last_badge, 99u);
    EXPECT_EQ(message.badge, 0u);  // the reply's header was reset
}

TEST_F(Fixture, ServerErrorReachesClient) {
    Everything request;
    request.name.assign("fail");
    Everything reply;
    EXPECT_EQ(client.Mirror(request, &reply), Status::kPermissionDenied);
    EXPECT_NE(loopback.last_reply.id & cairn::ipc::kKindError, 0u);
}

TEST_F(Fixture, ClientRefusesFieldsOverTheirBound) {
    Everything request;
    request.name.size = 33;  // set by hand past max_length 32
    Everything reply;
    EXPECT_EQ(client.Mirror(request, &reply), Status::kOutOfRange);
    EXPECT_EQ(loopback.calls, 0u);
    EXPECT_FALSE(request.numbers.push_back(1) && request.numbers.push_back(2) &&
                 request.numbers.push_back(3) && request.numbers.push_back(4) &&
                 request.numbers.push_back(5) && request.numbers.push_back(6));
    EXPECT_FALSE(request.name.assign("this string is longer than thirty-two bytes"));
}

// The documented layout (ipc/README.md), byte for byte: field-number order,
// little endian, fixed sizes, u32 length/count prefixes, handle indexes.
TEST(Wire, AppendKeepsTheBoundAndTheTerminator) {
    cairn::ipc::BoundedString<8> text;
    ASSERT_TRUE(text.assign("abc"));
    EXPECT_TRUE(text.append(" de", 3));
    EXPECT_STREQ(text.c_str(), "abc de");
    EXPECT_FALSE(text.append("xyz", 3));  // 9 > 8: unchanged
    EXPECT_STREQ(text.c_str(), "abc de");
    EXPECT_TRUE(text.append("xy", 2));  // exactly 8
    EXPECT_EQ(text.size, 8u);
    EXPECT_STREQ(text.c_str(), "abc dexy");
    EXPECT_FALSE(text.append("z", 1));
}

TEST(Wire, DocumentedLayout) {
    Scalars scalars;
    scalars.f_double = 1.0;             // 1: 8 bytes
    scalars.f_float = 2.0f;             // 2: 4
    scalars.f_int32 = -2;               // 3: 4
    scalars.f_int64 = 0x0102;           // 4: 8
    scalars.f_uint32 = 3;               // 5: 4
    scalars.f_uint64 = 4;               // 6: 8
    scalars.f_sint32 = 5;               // 7: 4 (not zigzag: fixed width)
    scalars.f_sint64 = 6;               // 8: 8
    scalars.f_fixed32 = 7;              // 9: 4
    scalars.f_fixed64 = 8;              // 10: 8
    scalars.f_sfixed32 = 9;             // 11: 4
    scalars.f_sfixed64 = 10;            // 12: 8
    scalars.f_bool = true;              // 13: 1
    scalars.color = Color::COLOR_BLUE;  // 14: 4
    const uint8_t expected[] = {
        0, 0, 0, 0, 0,  0, 0xf0, 0x3f, 0, 0, 0, 0x40, 0xfe, 0xff, 0xff, 0xff, 2, 1, 0, 0,
        0, 0, 0, 0, 3,  0, 0,    0,    4, 0, 0, 0,    0,    0,    0,    0,    5, 0, 0, 0,
        6, 0, 0, 0, 0,  0, 0,    0,    7, 0, 0, 0,    8,    0,    0,    0,    0, 0, 0, 0,
        9, 0, 0, 0, 10, 0, 0,    0,    0, 0, 0, 0,    1,    7,    0,    0,    0};
    static_assert(sizeof expected == Scalars::kMaxEncodedSize);
    uint8_t bytes[Scalars::kMaxEncodedSize];
    cairn::ipc::Writer writer(bytes, sizeof bytes);
    scalars.encode(writer);
    ASSERT_EQ(writer.length(), sizeof expected);
    EXPECT_EQ(memcmp(bytes, expected, sizeof expected), 0);

    Everything_Inner inner;
    inner.label.assign("ab");
    inner.points.push_back(Point{1, -1});
    const uint8_t inner_expected[] = {2, 0, 0, 0, 'a', 'b',  1,    0,    0,
                                      0, 1, 0, 0, 0,   0xff, 0xff, 0xff, 0xff};
    uint8_t inner_bytes[Everything_Inner::kMaxEncodedSize];
    cairn::ipc::Writer inner_writer(inner_bytes, sizeof inner_bytes);
    inner.encode(inner_writer);
    ASSERT_EQ(inner_writer.length(), sizeof inner_expected);
    EXPECT_EQ(memcmp(inner_bytes, inner_expected, sizeof inner_expected), 0);

    // Handles: the index of the slot in the Message's caps, 0xff for none.
    Everything everything;
    everything.moved.slot = 77;
    everything.more.push_back({78});
    uint8_t all[Everything::kMaxEncodedSize];
    cairn::ipc::Writer all_writer(all, sizeof all);
    everything.encode(all_writer);
    uint32_t end = all_writer.length();
    const uint8_t tail[] = {0xff, 0, 1, 0, 0, 0, 1};  // copied none, moved 0, more {1}
    EXPECT_EQ(memcmp(all + end - sizeof tail, tail, sizeof tail), 0);
    EXPECT_EQ(all_writer.cap_count(), 2u);
    EXPECT_EQ(all_writer.cap(0), 77u);
    EXPECT_EQ(all_writer.cap_move(), 1u);
}

TEST(Ids, StableAndDerivedFromNames) {
    // Pinned: a change here breaks every deployed client (ipc/README.md).
    EXPECT_EQ(KitchenInterface::kInterfaceId, cairn::ipc::interface_id("idltest.Kitchen", 15));
    EXPECT_EQ(KitchenInterface::kInterfaceId, 0xe564f8a2u);
    EXPECT_EQ(KitchenInterface::kAddId, 0xe564f8a237d70100u);
    EXPECT_EQ(cairn::ipc::method_of(KitchenInterface::kMirrorId),
              cairn::ipc::method_id("Mirror", 6));
    EXPECT_EQ(cairn::ipc::version_of(KitchenInterface::kAddId), cairn::ipc::kWireVersion);
    EXPECT_EQ(KitchenInterface::kBufferSize, Everything::kMaxEncodedSize);
    EXPECT_EQ(Everything::kMaxCaps, 4u);
    EXPECT_EQ(Point::kMaxEncodedSize, 8u);
}

}  // namespace
}  // namespace idltest
