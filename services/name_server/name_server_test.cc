// name_server_test (booted as init by :<arch>_name_server_test): starts
// bin/name_server and bin/echo_server, registers echo's endpoint under a
// name through a registering (badged) capability, looks it up through a
// lookup-only (unbadged) one and calls Echo through what came back; checks
// an unknown name (kNotFound), a bad name (kInvalidArgument), that the
// lookup-only client can neither register nor unregister
// (kPermissionDenied), that another owner cannot take a name
// (kAlreadyExists), that an endpoint without WRITE (kMalformed, by the
// server's decoder) or GRANT (kMissingRights, by the kernel) is refused,
// List's pages, and Unregister (which revokes the copies Lookup handed out).
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"
#include "services/echo/echo.ipc.h"
#include "services/name_server/name_server.ipc.h"
#include "tests/user/check.h"

namespace {

using cairn::CapSlot;
using cairn::Status;
namespace sys = cairn::sys;

constexpr uint64_t kRegistrantBadge = 7;

CapSlot create(cairn::ObjectType type) {
    cairn::Result result = sys::cap_create(cairn::kInitQuotaSlot, type);
    CHECK(result.ok());
    return result.ok() ? result.value() : 0;
}

// Starts bin/<program> <argument> with a receiving copy of `endpoint` in slot 1.
uint64_t spawn(const char* path, const char* argument, CapSlot endpoint) {
    CapSlot server_end = sys::cap_copy(endpoint, cairn::kRightRead | cairn::kRightGrant).value();
    cairn::Result result =
        sys::spawn_with_caps(path, argument, &server_end, 1, 1, cairn::kInitQuotaSlot);
    CHECK(result.ok());
    return result.ok() ? result.value() : 0;
}

// Starts bin/name_server as the service manager does (services/runtime/
// service.h): a quota of its own in slot 1 (which pays for the process
// too, as the manager's default 256 KiB), its endpoint in slot 2.
uint64_t spawn_name_server(CapSlot endpoint) {
    CapSlot caps[2] = {
        sys::cap_create(cairn::kInitQuotaSlot, cairn::ObjectType::kQuota, 256 * 1024).value(),
        sys::cap_copy(endpoint, cairn::kRightRead | cairn::kRightWrite | cairn::kRightGrant)
            .value(),
    };
    cairn::Result result = sys::spawn_with_caps("bin/name_server", "", caps, 2, 0b11, caps[0]);
    CHECK(result.ok());
    return result.ok() ? result.value() : 0;
}

// Moves a copy of `endpoint` with `rights` (by default callable and
// grantable, what Register demands) to the server under `name`.
Status register_name(name_server::NameServerClient& client, const char* name, CapSlot endpoint,
                     cairn::Rights rights = cairn::kRightWrite | cairn::kRightGrant) {
    name_server::RegisterRequest request;
    CHECK(request.name.assign(name, strlen(name)));
    request.endpoint.slot = sys::cap_copy(endpoint, rights).value();
    name_server::RegisterReply reply;
    Status status = client.Register(request, &reply);
    // Moved away, unless the kernel refused to send it at all (no GRANT).
    cairn::CapInfo info{};
    Status left = sys::cap_info(request.endpoint.slot, &info).status();
    if (status == Status::kMissingRights) {
        CHECK_EQ(left, Status::kOk);
        (void)sys::cap_delete(request.endpoint.slot);
    } else {
        CHECK_EQ(left, Status::kNoCapability);
    }
    return status;
}

Status lookup(name_server::NameServerClient& client, const char* name, CapSlot* endpoint) {
    name_server::LookupRequest request;
    CHECK(request.name.assign(name, strlen(name)));
    name_server::LookupReply reply;
    Status status = client.Lookup(request, &reply);
    *endpoint = status == Status::kOk ? reply.endpoint.slot : 0;
    return status;
}

Status unregister(name_server::NameServerClient& client, const char* name) {
    name_server::UnregisterRequest request;
    CHECK(request.name.assign(name, strlen(name)));
    name_server::UnregisterReply reply;
    return client.Unregister(request, &reply);
}

// The names of one List page after `after`; returns how many (or -status).
int64_t list(name_server::NameServerClient& client, const char* after,
             name_server::ListReply* reply) {
    name_server::ListRequest request;
    CHECK(request.after.assign(after, strlen(after)));
    Status status = client.List(request, reply);
    return status == Status::kOk ? reply->names.size : static_cast<int64_t>(status);
}

bool name_is(const name_server::ListReply& reply, uint32_t index, const char* name) {
    return index < reply.names.size && reply.names.items[index].size == strlen(name) &&
           memcmp(reply.names.items[index].data, name, strlen(name)) == 0;
}

}  // namespace

int main() {
    CapSlot names = create(cairn::ObjectType::kEndpoint);
    CapSlot echo_endpoint = create(cairn::ObjectType::kEndpoint);
    CHECK(spawn_name_server(names) != 0);
    CHECK(spawn("bin/echo_server", "echo", echo_endpoint) != 0);

    // What a service manager would hand out: a badged capability per
    // registering service, an unbadged one to everybody else.
    CapSlot registrant_cap =
        sys::cap_derive(names, cairn::kRightWrite | cairn::kRightGrant, kRegistrantBadge).value();
    CapSlot lookup_cap = sys::cap_copy(names, cairn::kRightWrite).value();
    CapSlot other_cap =
        sys::cap_derive(names, cairn::kRightWrite | cairn::kRightGrant, kRegistrantBadge + 1)
            .value();
    name_server::NameServerClient registrant(registrant_cap);
    name_server::NameServerClient other(other_cap);
    name_server::NameServerClient client(lookup_cap);

    CHECK_EQ(register_name(registrant, "echo", echo_endpoint), Status::kOk);
    // With REVOKE, as service::register_endpoint sends it: the server
    // revokes the copies it handed out when the name goes (below).
    CHECK_EQ(register_name(registrant, "echo.second", echo_endpoint,
                           cairn::kRightWrite | cairn::kRightGrant | cairn::kRightRevoke |
                               cairn::kRightDelete),
             Status::kOk);
    CHECK_EQ(register_name(registrant, "echo", echo_endpoint), Status::kOk);  // replaced
    CHECK_EQ(register_name(client, "intruder", echo_endpoint), Status::kPermissionDenied);
    CHECK_EQ(register_name(registrant, "Bad Name", echo_endpoint), Status::kInvalidArgument);
    CHECK_EQ(register_name(other, "echo", echo_endpoint), Status::kAlreadyExists);
    // Without WRITE nobody could call it: the server's decoder refuses it.
    CHECK_EQ(register_name(registrant, "nowrite", echo_endpoint, cairn::kRightGrant),
             Status::kMalformed);
    // Without GRANT the kernel does not even send it (nor could the server
    // hand it out).
    CHECK_EQ(register_name(registrant, "nogrant", echo_endpoint, cairn::kRightWrite),
             Status::kMissingRights);

    // Look echo up as a plain client and call it through what came back.
    CapSlot found = 0;
    CHECK_EQ(lookup(client, "echo", &found), Status::kOk);
    cairn::CapInfo info{};
    CHECK(sys::cap_info(found, &info).ok());
    CHECK_EQ(info.type, static_cast<uint64_t>(cairn::ObjectType::kEndpoint));
    CHECK_EQ(info.rights, cairn::kRightWrite | cairn::kRightGrant);
    echo::EchoClient echo_client(found);
    echo::EchoRequest request;
    CHECK(request.text.assign("found by name", 13));
    echo::EchoReply reply;
    CHECK_EQ(echo_client.Echo(request, &reply), Status::kOk);
    CHECK(reply.text.size == 13 && memcmp(reply.text.data, "found by name", 13) == 0);

    CapSlot none = 0;
    CHECK_EQ(lookup(client, "nosuch", &none), Status::kNotFound);
    CHECK_EQ(lookup(client, "-bad", &none), Status::kInvalidArgument);

    // List: both names in order; a page after the last is empty.
    name_server::ListReply page;
    CHECK_EQ(list(client, "", &page), 2);
    CHECK(name_is(page, 0, "echo"));
    CHECK(name_is(page, 1, "echo.second"));
    name_server::ListReply rest;
    CHECK_EQ(list(client, "echo", &rest), 1);
    CHECK(name_is(rest, 0, "echo.second"));
    CHECK_EQ(list(client, "echo.second", &rest), 0);

    // Unregister: only the owner.
    CapSlot second = 0;
    CHECK_EQ(lookup(client, "echo.second", &second), Status::kOk);
    CHECK_EQ(unregister(client, "echo.second"), Status::kPermissionDenied);
    CHECK_EQ(unregister(registrant, "echo.second"), Status::kOk);
    // The copy Lookup handed out died with the name.
    CHECK_EQ(sys::cap_info(second, &info).status(), Status::kNoCapability);
    CHECK_EQ(lookup(client, "echo.second", &none), Status::kNotFound);
    CHECK_EQ(list(client, "", &page), 1);

    printf(
        "name_server_test: 3 registrations (1 replaced), echo looked up and called, unknown "
        "name kNotFound, lookup-only register/unregister, another owner and endpoints "
        "without WRITE or GRANT refused, 3 list pages, 1 "
        "unregistered and its looked-up copy revoked\n");
    printf("name_server_test: %s\n", utest::failures == 0 ? "passed" : "FAILED");
    return utest::failures == 0 ? 0 : 1;
}
