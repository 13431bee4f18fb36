// Generated code for enums and messages: one plain struct per message (fixed
// size, no heap), its encode/decode to the wire format (ipc/README.md), and
// the header/source frames around everything.
#include "ipc/compiler/emit.h"

namespace cairn::idl {
namespace {

std::string scalar_put(const FieldDescriptor* field, const std::string& value) {
    switch (field->type()) {
        case FieldDescriptor::TYPE_BOOL:
            return "out.put_bool(" + value + ");";
        case FieldDescriptor::TYPE_INT32:
        case FieldDescriptor::TYPE_SINT32:
        case FieldDescriptor::TYPE_SFIXED32:
            return "out.put_u32(static_cast<uint32_t>(" + value + "));";
        case FieldDescriptor::TYPE_UINT32:
        case FieldDescriptor::TYPE_FIXED32:
            return "out.put_u32(" + value + ");";
        case FieldDescriptor::TYPE_INT64:
        case FieldDescriptor::TYPE_SINT64:
        case FieldDescriptor::TYPE_SFIXED64:
            return "out.put_u64(static_cast<uint64_t>(" + value + "));";
        case FieldDescriptor::TYPE_UINT64:
        case FieldDescriptor::TYPE_FIXED64:
            return "out.put_u64(" + value + ");";
        case FieldDescriptor::TYPE_FLOAT:
            return "out.put_float(" + value + ");";
        case FieldDescriptor::TYPE_DOUBLE:
            return "out.put_double(" + value + ");";
        case FieldDescriptor::TYPE_STRING:
            return "out.put_string(" + value + ");";
        case FieldDescriptor::TYPE_BYTES:
            return "out.put_bytes(" + value + ");";
        case FieldDescriptor::TYPE_ENUM:
            return "out.put_u32(static_cast<uint32_t>(static_cast<int32_t>(" + value + ")));";
        case FieldDescriptor::TYPE_MESSAGE:
            if (is_handle(field->message_type()))
                return std::string("out.put_handle(") + value + ", " +
                       (options_of(field).move ? "true" : "false") + ");";
            return value + ".encode(out);";
        default:
            return "";
    }
}

std::string scalar_get(const FieldDescriptor* field, const std::string& target) {
    switch (field->type()) {
        case FieldDescriptor::TYPE_BOOL:
            return target + " = in.get_bool();";
        case FieldDescriptor::TYPE_INT32:
        case FieldDescriptor::TYPE_SINT32:
        case FieldDescriptor::TYPE_SFIXED32:
            return target + " = static_cast<int32_t>(in.get_u32());";
        case FieldDescriptor::TYPE_UINT32:
        case FieldDescriptor::TYPE_FIXED32:
            return target + " = in.get_u32();";
        case FieldDescriptor::TYPE_INT64:
        case FieldDescriptor::TYPE_SINT64:
        case FieldDescriptor::TYPE_SFIXED64:
            return target + " = static_cast<int64_t>(in.get_u64());";
        case FieldDescriptor::TYPE_UINT64:
        case FieldDescriptor::TYPE_FIXED64:
            return target + " = in.get_u64();";
        case FieldDescriptor::TYPE_FLOAT:
            return target + " = in.get_float();";
        case FieldDescriptor::TYPE_DOUBLE:
            return target + " = in.get_double();";
        case FieldDescriptor::TYPE_STRING:
            return "in.get_string(" + target + ");";
        case FieldDescriptor::TYPE_BYTES:
            return "in.get_bytes(" + target + ");";
        case FieldDescriptor::TYPE_ENUM:
            // proto3 enums are open, but the IDL accepts only declared values.
            return "in.get_enum(" + target + ", &" + cpp_type_name(field->enum_type()) +
                   "_is_valid);";
        case FieldDescriptor::TYPE_MESSAGE:
            if (is_handle(field->message_type()))
                return "in.get_handle(" + target + ", " + std::to_string(options_of(field).rights) +
                       ");";
            return target + ".decode(in);";
        default:
            return "";
    }
}

void emit_enum(const EnumDescriptor* enumeration, std::string& out) {
    std::string name = local_name(enumeration->full_name(), enumeration->file()->package());
    out += "// " + enumeration->full_name() + "\n";
    out += "enum class " + name + " : int32_t {\n";
    for (int i = 0; i < enumeration->value_count(); ++i)
        out += "    " + enumeration->value(i)->name() + " = " +
               std::to_string(enumeration->value(i)->number()) + ",\n";
    out += "};\n";
    out += "// Only declared values decode (proto3 enums are open; the IDL's are not).\n";
    out += "inline constexpr bool " + name + "_is_valid(int32_t value) {\n    switch (value) {\n";
    std::set<int> seen;  // allow_alias may repeat a number
    for (int i = 0; i < enumeration->value_count(); ++i)
        if (seen.insert(enumeration->value(i)->number()).second)
            out += "    case " + std::to_string(enumeration->value(i)->number()) + ":\n";
    out += "        return true;\n    default:\n        return false;\n    }\n}\n\n";
}

void emit_struct(const Descriptor* message, Model& model, std::string& out) {
    std::string name = local_name(message->full_name(), message->file()->package());
    out += "// " + message->full_name() + "\n";
    out += "struct " + name + " {\n";
    out += "    static constexpr uint32_t kMaxEncodedSize = " +
           std::to_string(model.max_encoded_size(message)) + ";\n";
    out += "    static constexpr uint32_t kMaxCaps = " + std::to_string(model.max_caps(message)) +
           ";\n\n";
    for (const FieldDescriptor* field : fields_by_number(message))
        out += "    " + model.field_type(field, false) + " " + field_name(field) + "{};  // " +
               std::to_string(field->number()) + "\n";
    if (message->field_count() != 0) out += "\n";
    out += "    void encode(::cairn::ipc::Writer& out) const;\n";
    out +=
        "    // False if the bytes are malformed (see Reader); then the fields are unspecified.\n";
    out += "    bool decode(::cairn::ipc::Reader& in);\n";
    out += "};\n\n";
}

void emit_codec(const Descriptor* message, std::string& out) {
    std::string name = local_name(message->full_name(), message->file()->package());
    std::vector<const FieldDescriptor*> fields = fields_by_number(message);
    out += "void " + name + "::encode(::cairn::ipc::Writer& out) const {\n";
    if (fields.empty()) out += "    (void)out;\n";
    for (const FieldDescriptor* field : fields) {
        std::string member = field_name(field);
        if (!field->is_repeated()) {
            out += "    " + scalar_put(field, member) + "\n";
            continue;
        }
        std::string bound = std::to_string(options_of(field).max_count);
        out += "    out.put_length(" + member + ".size, " + bound + ");\n";
        out += "    for (uint32_t i = 0; i < " + member + ".size && i < " + bound + "; ++i) " +
               scalar_put(field, member + ".items[i]") + "\n";
    }
    out += "}\n\n";
    out += "bool " + name + "::decode(::cairn::ipc::Reader& in) {\n";
    for (const FieldDescriptor* field : fields) {
        std::string member = field_name(field);
        if (!field->is_repeated()) {
            out += "    " + scalar_get(field, member) + "\n";
            continue;
        }
        std::string bound = std::to_string(options_of(field).max_count);
        // get_length refuses counts over the bound, so the loop stays in items[].
        out += "    " + member + ".size = in.get_length(" + bound + ");\n";
        out += "    for (uint32_t i = 0; i < " + member + ".size; ++i) " +
               scalar_get(field, member + ".items[i]") + "\n";
    }
    out += "    return !in.failed();\n}\n\n";
}

}  // namespace

std::vector<const FieldDescriptor*> fields_by_number(const Descriptor* message) {
    std::vector<const FieldDescriptor*> fields;
    for (int i = 0; i < message->field_count(); ++i)
        fields.push_back(message->field(i));
    std::sort(fields.begin(), fields.end(),
              [](const auto* a, const auto* b) { return a->number() < b->number(); });
    return fields;
}

std::string generated_name(const FileDescriptor* file, const std::string& suffix) {
    std::string name = file->name();
    if (name.size() > 6 && name.substr(name.size() - 6) == ".proto")
        name = name.substr(0, name.size() - 6);
    return name + suffix;
}

std::string emit_header(const FileDescriptor* file, Model& model) {
    std::string out = "// Generated by the Cairn IDL plugin (ipc/compiler) from " + file->name() +
                      ". Do not edit.\n#pragma once\n\n#include <stdint.h>\n\n";
    out += "#include \"ipc/rpc.h\"\n#include \"ipc/wire.h\"\n";
    for (int i = 0; i < file->dependency_count(); ++i) {
        const FileDescriptor* dependency = file->dependency(i);
        if (dependency->name() == "ipc/handle.proto" || dependency->name() == "ipc/options.proto")
            continue;
        out += "#include \"" + generated_name(dependency, ".ipc.h") + "\"\n";
    }
    std::string ns = cpp_namespace(file);
    out += ns.empty() ? "\n" : "\nnamespace " + ns + " {\n\n";
    for (const EnumDescriptor* enumeration : model.enums())
        emit_enum(enumeration, out);
    for (const Descriptor* message : model.messages())
        emit_struct(message, model, out);
    for (int i = 0; i < file->service_count(); ++i)
        emit_service_declaration(file->service(i), model, out);
    if (!ns.empty()) out += "}  // namespace " + ns + "\n";
    return out;
}

std::string emit_source(const FileDescriptor* file, Model& model) {
    std::string out = "// Generated by the Cairn IDL plugin (ipc/compiler) from " + file->name() +
                      ". Do not edit.\n#include \"" + generated_name(file, ".ipc.h") + "\"\n\n";
    std::string ns = cpp_namespace(file);
    if (!ns.empty()) out += "namespace " + ns + " {\n\n";
    for (const Descriptor* message : model.messages())
        emit_codec(message, out);
    for (int i = 0; i < file->service_count(); ++i)
        emit_service_definition(file->service(i), model, out);
    if (!ns.empty()) out += "}  // namespace " + ns + "\n";
    return out;
}

}  // namespace cairn::idl
