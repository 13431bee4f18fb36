// The interface summary (<name>.ipc.api): one line per service, method,
// message, field, enum and enum value, sorted, with everything that decides
// the wire format (ids, numbers, types, bounds, capability rights). The
// compatibility check (tools/idl_compat) compares two of these.
#include <cstdio>

#include "ipc/compiler/emit.h"
#include "ipc/message_id.h"

namespace cairn::idl {
namespace {

std::string type_of(const FieldDescriptor* field) {
    if (field->message_type() != nullptr) return field->message_type()->full_name();
    if (field->enum_type() != nullptr) return field->enum_type()->full_name();
    return field->type_name();
}

std::string hex(uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

}  // namespace

std::string emit_api(const FileDescriptor* file, Model& model) {
    std::vector<std::string> lines;
    for (int i = 0; i < file->service_count(); ++i) {
        const auto* service = file->service(i);
        uint32_t id = ipc::interface_id(service->full_name().data(), service->full_name().size());
        lines.push_back("service " + service->full_name() + " id=" + hex(id));
        for (int m = 0; m < service->method_count(); ++m) {
            const auto* method = service->method(m);
            uint16_t method_id = ipc::method_id(method->name().data(), method->name().size());
            lines.push_back("method " + method->full_name() + " id=" + hex(method_id) +
                            " request=" + method->input_type()->full_name() +
                            " reply=" + method->output_type()->full_name());
        }
    }
    for (const Descriptor* message : model.messages()) {
        lines.push_back("message " + message->full_name());
        for (const FieldDescriptor* field : fields_by_number(message)) {
            FieldOptions options = options_of(field);
            std::string line = "field " + message->full_name() + " " +
                               std::to_string(field->number()) + " " + field->name() + " " +
                               (field->is_repeated() ? "repeated " : "single ") + type_of(field);
            if (options.max_length) line += " max_length=" + std::to_string(options.max_length);
            if (options.max_count) line += " max_count=" + std::to_string(options.max_count);
            if (options.rights) line += " rights=" + std::to_string(options.rights);
            if (options.move) line += " move";
            lines.push_back(line);
        }
    }
    for (const EnumDescriptor* enumeration : model.enums()) {
        lines.push_back("enum " + enumeration->full_name());
        for (int v = 0; v < enumeration->value_count(); ++v)
            lines.push_back("value " + enumeration->full_name() + " " +
                            std::to_string(enumeration->value(v)->number()) + " " +
                            enumeration->value(v)->name());
    }
    std::sort(lines.begin(), lines.end());
    std::string out = "# " + file->name() + ": IDL interface summary (ipc/compiler/api_dump.cc)\n";
    for (const std::string& line : lines)
        out += line + "\n";
    return out;
}

}  // namespace cairn::idl
