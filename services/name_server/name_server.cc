// name_server: the NameServer service (name_service.h) on the endpoint in
// slot 2 (service::kNameServerSlot: the service manager, or a test, hands
// it over at spawn). Clients reach it through capabilities to that
// endpoint: badged ones register, unbadged ones only look up and list
// (README.md).
#include <stdio.h>

#include "cairn/sys.h"
#include "services/name_server/name_service.h"
#include "services/runtime/service.h"

namespace {

constexpr cairn::CapSlot kEndpoint = cairn::service::kNameServerSlot;

// A name that goes (unregistered, replaced) takes every copy handed out by
// Lookup with it: they are children of ours, so revoking ours deletes them
// in every client, whose next call then fails (kNoCapability) and who can
// look the name up again. Service endpoints come with REVOKE for this
// (service::register_endpoint); without it only our copy goes.
void release(cairn::name_server::Slot slot) {
    (void)cairn::sys::cap_revoke(slot);
    (void)cairn::sys::cap_delete(slot);
}

cairn::name_server::NameService service(&release);
// Room for out-of-line requests and the source of out-of-line replies (List).
alignas(16) uint8_t buffer[name_server::NameServerInterface::kBufferSize];

}  // namespace

int main() {
    cairn::Status status = cairn::ipc::serve_loop(kEndpoint, service.target(), buffer,
                                                  name_server::NameServerInterface::kBufferSize);
    printf("name_server: endpoint failed: %s\n", cairn::status_name(status));
    return 1;
}
