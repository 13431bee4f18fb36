// Generated code for services: the ids (<Service>Interface), the client stub
// (<Service>Client: one typed method per rpc over a Transport) and the server
// skeleton (<Service>Server: one pure virtual method per rpc, dispatch, serve).
#include <cstdio>

#include "ipc/compiler/emit.h"
#include "ipc/message_id.h"

namespace cairn::idl {
namespace {

std::string hex(uint64_t value, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "0x%0*llx", digits, static_cast<unsigned long long>(value));
    return text;
}

std::string signature(const google::protobuf::MethodDescriptor* method) {
    return "::cairn::Status " + method->name() + "(const " + cpp_type_name(method->input_type()) +
           "& request, " + cpp_type_name(method->output_type()) + "* reply)";
}

// A server method: the caller's context first (CallContext in ipc/rpc.h).
std::string server_signature(const google::protobuf::MethodDescriptor* method) {
    return "::cairn::Status " + method->name() +
           "(const ::cairn::ipc::CallContext& context, const " +
           cpp_type_name(method->input_type()) + "& request, " +
           cpp_type_name(method->output_type()) + "* reply)";
}

}  // namespace

void emit_service_declaration(const google::protobuf::ServiceDescriptor* service, Model& model,
                              std::string& out) {
    const std::string name = service->name();
    const std::string ids = name + "Interface";
    uint32_t interface =
        ipc::interface_id(service->full_name().data(), service->full_name().size());
    uint64_t buffer = model.buffer_size(service);

    out += "// " + service->full_name() + ": message ids and the shared buffer size.\n";
    out += "struct " + ids + " {\n";
    out += "    static constexpr const char* kName = \"" + service->full_name() + "\";\n";
    out += "    static constexpr uint32_t kInterfaceId = " + hex(interface, 8) + ";\n";
    out += "    // The largest out-of-line payload of any call (0: every payload is inline).\n";
    out += "    static constexpr uint32_t kBufferSize = " + std::to_string(buffer) + ";\n";
    for (int i = 0; i < service->method_count(); ++i) {
        const auto* method = service->method(i);
        uint16_t id = ipc::method_id(method->name().data(), method->name().size());
        out += "    static constexpr uint64_t k" + method->name() +
               "Id = " + hex(ipc::request_id(interface, id), 16) + ";\n";
    }
    out += "};\n\n";

    out += "// The client stub of " + service->full_name() +
           ": each call marshals the request, calls the\n// endpoint and decodes the reply "
           "(or returns the server's error status).\n";
    out += "class " + name + "Client {\npublic:\n";
    out += "    // Calls through the kernel (Cairn builds).\n";
    out += "    explicit " + name + "Client(::cairn::CapSlot endpoint)\n        : " + name +
           "Client(endpoint, ::cairn::ipc::kernel_transport()) {}\n";
    out += "    " + name + "Client(::cairn::CapSlot endpoint, ::cairn::ipc::Transport transport)\n";
    out += "        : endpoint_(endpoint), transport_(transport) {}\n\n";
    for (int i = 0; i < service->method_count(); ++i)
        out += "    " + signature(service->method(i)) + ";\n";
    out += "\n    ::cairn::CapSlot endpoint() const { return endpoint_; }\n\nprivate:\n";
    out += "    ::cairn::CapSlot endpoint_;\n    ::cairn::ipc::Transport transport_;\n";
    out += "    alignas(16) uint8_t buffer_[" + ids + "::kBufferSize > 0 ? " + ids +
           "::kBufferSize : 1];\n};\n\n";

    out += "// The server skeleton of " + service->full_name() +
           ": implement every method (its\n// context says who called); a non-kOk status goes back "
           "to the client as an "
           "error reply.\n";
    out += "class " + name + "Server {\npublic:\n";
    for (int i = 0; i < service->method_count(); ++i)
        out += "    virtual " + server_signature(service->method(i)) + " = 0;\n";
    out += "\n    // Decodes `request`, runs its method and fills `reply` (an error reply for a\n";
    out += "    // malformed or unknown request); `request` and `reply` may be one Message.\n";
    out +=
        "    ::cairn::Status dispatch(const ::cairn::Message& request, ::cairn::Message& reply);\n";
    out += "    // Answers calls on `endpoint` for ever (Cairn builds).\n";
    out += "    ::cairn::Status serve(::cairn::CapSlot endpoint) {\n";
    out += "        return ::cairn::ipc::serve_loop(endpoint, target(), buffer_, " + ids +
           "::kBufferSize);\n    }\n";
    out += "    ::cairn::ipc::DispatchTarget target() { return {&" + name +
           "Server::dispatch_entry, this}; }\n\n";
    out += "protected:\n    " + name + "Server() = default;\n    ~" + name +
           "Server() = default;\n\nprivate:\n";
    out +=
        "    static ::cairn::Status dispatch_entry(void* server, const ::cairn::Message& "
        "request,\n                                          ::cairn::Message& reply);\n";
    out += "    alignas(16) uint8_t buffer_[" + ids + "::kBufferSize > 0 ? " + ids +
           "::kBufferSize : 1];\n};\n\n";
}

void emit_service_definition(const google::protobuf::ServiceDescriptor* service, Model&,
                             std::string& out) {
    const std::string name = service->name();
    const std::string ids = name + "Interface";
    for (int i = 0; i < service->method_count(); ++i) {
        const auto* method = service->method(i);
        out += "::cairn::Status " + name + "Client::" + method->name() + "(const " +
               cpp_type_name(method->input_type()) + "& request, " +
               cpp_type_name(method->output_type()) + "* reply) {\n";
        out += "    return ::cairn::ipc::call(transport_, endpoint_, " + ids + "::k" +
               method->name() + "Id, request, reply, buffer_,\n                              " +
               ids + "::kBufferSize);\n}\n\n";
    }
    out += "::cairn::Status " + name +
           "Server::dispatch(const ::cairn::Message& request, "
           "::cairn::Message& reply) {\n";
    out += "    ::cairn::Status accepted = ::cairn::ipc::accept_request(request, reply, " + ids +
           "::kInterfaceId);\n";
    out += "    if (accepted != ::cairn::Status::kOk) return accepted;\n";
    out += "    // Copied now: the reply may overwrite the request's Message.\n";
    out += "    const ::cairn::ipc::CallContext context{request.badge};\n";
    out += "    switch (::cairn::ipc::method_of(request.id)) {\n";
    for (int i = 0; i < service->method_count(); ++i) {
        const auto* method = service->method(i);
        out += "    case ::cairn::ipc::method_of(" + ids + "::k" + method->name() + "Id):\n";
        out += "        return ::cairn::ipc::answer<" + cpp_type_name(method->input_type()) + ", " +
               cpp_type_name(method->output_type()) + ">(\n";
        out += "            request, reply, buffer_, " + ids + "::kBufferSize,\n";
        out += "            [this, &context](const auto& in, auto* out) { return " +
               method->name() + "(context, in, out); });\n";
    }
    out += "    default:\n        return ::cairn::ipc::reject_unknown_method(request, reply);\n";
    out += "    }\n}\n\n";
    out += "::cairn::Status " + name +
           "Server::dispatch_entry(void* server, const "
           "::cairn::Message& request,\n";
    out += "                                          ::cairn::Message& reply) {\n";
    out += "    return static_cast<" + name + "Server*>(server)->dispatch(request, reply);\n}\n\n";
}

}  // namespace cairn::idl
