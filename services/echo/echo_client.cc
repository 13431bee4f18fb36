// echo_client <text>: calls the Echo service by name and prints its answer
// (the README's "Define a new service via IDL", run from the shell).
#include <stdio.h>
#include <string.h>

#include "services/echo/echo.ipc.h"
#include "services/runtime/service.h"

int main(int argc, char** argv) {
    echo::EchoRequest request;
    for (int i = 1; i < argc; ++i) {
        // Words joined by one blank, as typed; the text's bound is the IDL's.
        if ((i > 1 && !request.text.append(" ", 1)) ||
            !request.text.append(argv[i], strlen(argv[i]))) {
            printf("echo_client: text too long\n");
            return 2;
        }
    }
    cairn::Result endpoint = cairn::service::connect("echo");
    if (!endpoint.ok()) {
        printf("echo_client: no echo service: %s\n", cairn::status_name(endpoint.status()));
        return 1;
    }
    echo::EchoClient client(endpoint.value());
    echo::EchoReply reply;
    cairn::Status status = client.Echo(request, &reply);
    (void)cairn::sys::cap_delete(endpoint.value());
    if (status != cairn::Status::kOk) {
        printf("echo_client: Echo failed: %s\n", cairn::status_name(status));
        return 1;
    }
    printf("echo_client: echo answered '%.*s' (call %llu)\n", static_cast<int>(reply.text.size),
           reply.text.data, static_cast<unsigned long long>(reply.calls));
    return 0;
}
