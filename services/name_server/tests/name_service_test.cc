// NameService through the generated client stub and the host Loopback
// transport, with the caller's badge set the way the kernel would.
#include "services/name_server/name_service.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace cairn::name_server {
namespace {

std::vector<Slot> released;
void record_release(Slot slot) {
    released.push_back(slot);
}

// The Loopback transport as a client holding a capability with `badge`
// (Loopback delivers its own badge, like the kernel: set it per call).
struct BadgedTransport {
    ipc::Loopback* loopback;
    Badge badge;

    static Status call(void* context, CapSlot endpoint, Message* message) {
        auto* self = static_cast<BadgedTransport*>(context);
        self->loopback->badge = self->badge;
        ipc::Transport inner = self->loopback->transport();
        return inner.call(inner.context, endpoint, message);
    }
    ipc::Transport transport() { return {&BadgedTransport::call, this}; }
};

class NameServiceTest : public ::testing::Test {
protected:
    void SetUp() override { released.clear(); }

    NameService service{&record_release};
    ipc::Loopback loopback{service.target()};
    BadgedTransport owner_transport{&loopback, 7};
    BadgedTransport other_owner_transport{&loopback, 8};
    BadgedTransport lookup_transport{&loopback, 0};
    ::name_server::NameServerClient owner{1, owner_transport.transport()};
    ::name_server::NameServerClient other_owner{1, other_owner_transport.transport()};
    ::name_server::NameServerClient client{1, lookup_transport.transport()};

    static Status add(::name_server::NameServerClient& as, const std::string& name, Slot endpoint,
                      bool* replaced = nullptr) {
        ::name_server::RegisterRequest request;
        EXPECT_TRUE(request.name.assign(name.data(), name.size()));
        request.endpoint.slot = endpoint;
        ::name_server::RegisterReply reply;
        Status status = as.Register(request, &reply);
        if (replaced) *replaced = reply.replaced;
        return status;
    }
    Status find(const std::string& name, Slot* endpoint) {
        ::name_server::LookupRequest request;
        EXPECT_TRUE(request.name.assign(name.data(), name.size()));
        ::name_server::LookupReply reply;
        Status status = client.Lookup(request, &reply);
        *endpoint = reply.endpoint.slot;
        return status;
    }
    static Status remove(::name_server::NameServerClient& as, const std::string& name,
                         uint32_t* remaining = nullptr) {
        ::name_server::UnregisterRequest request;
        EXPECT_TRUE(request.name.assign(name.data(), name.size()));
        ::name_server::UnregisterReply reply;
        Status status = as.Unregister(request, &reply);
        if (remaining) *remaining = reply.remaining;
        return status;
    }
    std::vector<std::string> page(const std::string& after) {
        ::name_server::ListRequest request;
        EXPECT_TRUE(request.after.assign(after.data(), after.size()));
        ::name_server::ListReply reply;
        EXPECT_EQ(client.List(request, &reply), Status::kOk);
        std::vector<std::string> names;
        for (uint32_t i = 0; i < reply.names.size; ++i)
            names.emplace_back(reply.names.items[i].data, reply.names.items[i].size);
        return names;
    }
};

TEST_F(NameServiceTest, RegisterThenLookupAnswersACopyOfTheSlot) {
    EXPECT_EQ(add(owner, "console", 40), Status::kOk);
    Slot found = 0;
    EXPECT_EQ(find("console", &found), Status::kOk);
    EXPECT_EQ(found, 40u);
    EXPECT_EQ(loopback.last_reply.cap_count, 1u);
    EXPECT_EQ(loopback.last_reply.caps[0], 40u);
    EXPECT_EQ(loopback.last_reply.cap_move, 0u);  // copied: the server keeps its own
    EXPECT_TRUE(released.empty());
}

TEST_F(NameServiceTest, UnknownAndBadNamesAreDistinctErrors) {
    Slot found = 0;
    EXPECT_EQ(find("nosuch", &found), Status::kNotFound);
    EXPECT_EQ(find("Upper", &found), Status::kInvalidArgument);
    EXPECT_EQ(add(owner, "bad name", 41), Status::kInvalidArgument);
    EXPECT_EQ(released, std::vector<Slot>{41});  // a refused capability is deleted
}

TEST_F(NameServiceTest, UnbadgedCallersCannotRegisterOrUnregister) {
    EXPECT_EQ(add(client, "intruder", 42), Status::kPermissionDenied);
    EXPECT_EQ(released, std::vector<Slot>{42});
    EXPECT_EQ(add(owner, "fs", 43), Status::kOk);
    EXPECT_EQ(remove(client, "fs"), Status::kPermissionDenied);
    EXPECT_EQ(service.registry().size(), 1u);
}

TEST_F(NameServiceTest, OnlyTheOwnerReplacesOrUnregisters) {
    EXPECT_EQ(add(owner, "net", 50), Status::kOk);
    EXPECT_EQ(add(other_owner, "net", 51), Status::kAlreadyExists);
    EXPECT_EQ(remove(other_owner, "net"), Status::kPermissionDenied);
    bool replaced = false;
    EXPECT_EQ(add(owner, "net", 52, &replaced), Status::kOk);
    EXPECT_TRUE(replaced);
    EXPECT_EQ(released, (std::vector<Slot>{51, 50}));  // refused, then replaced
    uint32_t remaining = 99;
    EXPECT_EQ(remove(owner, "net", &remaining), Status::kOk);
    EXPECT_EQ(remaining, 0u);
    EXPECT_EQ(released.back(), 52u);
    Slot found = 0;
    EXPECT_EQ(find("net", &found), Status::kNotFound);
}

TEST_F(NameServiceTest, ListPagesThroughAllNamesOutOfLine) {
    std::vector<std::string> expected;
    for (int i = 0; i < 20; ++i) {
        std::string name = "service-" + std::string(1, static_cast<char>('a' + i));
        expected.push_back(name);
        ASSERT_EQ(add(owner, name, 100 + i), Status::kOk);
    }
    std::vector<std::string> first = page("");
    ASSERT_EQ(first.size(), 16u);  // a full page (836 bytes: out of line)
    EXPECT_NE(loopback.last_reply.id & ipc::kKindOutOfLine, 0u);
    std::vector<std::string> second = page(first.back());
    EXPECT_EQ(second.size(), 4u);
    first.insert(first.end(), second.begin(), second.end());
    EXPECT_EQ(first, expected);
    EXPECT_TRUE(page(expected.back()).empty());
}

TEST_F(NameServiceTest, MalformedRequestIsAnErrorReply) {
    Message message{};
    message.id = ::name_server::NameServerInterface::kRegisterId;
    message.data_length = 4;
    uint32_t oversized = 49;  // over the name's max_length
    std::memcpy(message.data, &oversized, 4);
    Message reply{};
    EXPECT_EQ(service.target().dispatch(&service, message, reply), Status::kMalformed);
    EXPECT_NE(reply.id & ipc::kKindError, 0u);
    EXPECT_EQ(service.registry().size(), 0u);
}

}  // namespace
}  // namespace cairn::name_server
