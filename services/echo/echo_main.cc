// The Echo service as the service manager starts it (images/BUILD
// SERVICES): registers an endpoint as "echo" with the name server and
// serves the generated echo::EchoServer on it (echo_service.cc).
#include <stdio.h>

#include "services/echo/echo_service.h"
#include "services/runtime/service.h"

int main() {
    cairn::Result endpoint = cairn::service::register_endpoint("echo");
    if (!endpoint.ok()) {
        printf("echo: cannot register: %s\n", cairn::status_name(endpoint.status()));
        return 1;
    }
    static echo::EchoService service;
    cairn::Status status = service.serve(endpoint.value());
    printf("echo: endpoint failed: %s\n", cairn::status_name(status));
    return 1;
}
