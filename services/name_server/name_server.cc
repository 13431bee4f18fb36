// name_server: the NameServer service (name_service.h) on the endpoint in
// slot 1 (from process_spawn_with_caps). Clients reach it through
// capabilities to that endpoint: badged ones register, unbadged ones only
// look up and list (README.md).
#include <stdio.h>

#include "cairn/sys.h"
#include "services/name_server/name_service.h"

namespace {

constexpr cairn::CapSlot kEndpoint = 1;

void release(cairn::name_server::Slot slot) {
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
