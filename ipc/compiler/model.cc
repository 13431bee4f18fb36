#include "ipc/compiler/model.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/unknown_field_set.h>

#include <set>

#include "ipc/message_id.h"

namespace cairn::idl {
namespace {

constexpr uint64_t kMaxMessageBytes = 1 << 20;  // cairn::kMaxOutOfLineBytes
constexpr uint64_t kMaxMessageCaps = 4;         // cairn::kMessageCaps

std::string replace_dots(std::string text) {
    for (char& c : text)
        if (c == '.') c = '_';
    return text;
}

std::string where(const FieldDescriptor* field) {
    return field->file()->name() + ": " + field->full_name() + ": ";
}

bool fail(std::string* error, const std::string& text) {
    *error = text;
    return false;
}

}  // namespace

FieldOptions options_of(const FieldDescriptor* field) {
    // The plugin has no generated code for ipc/options.proto, so its
    // extensions arrive as unknown fields of google.protobuf.FieldOptions.
    FieldOptions result;
    const google::protobuf::Message& options = field->options();
    const auto& unknown = options.GetReflection()->GetUnknownFields(options);
    for (int i = 0; i < unknown.field_count(); ++i) {
        const auto& item = unknown.field(i);
        if (item.type() != google::protobuf::UnknownField::TYPE_VARINT) continue;
        uint64_t value = item.varint();
        switch (item.number()) {
            case 50001:
                result.max_length = static_cast<uint32_t>(value);
                break;
            case 50002:
                result.max_count = static_cast<uint32_t>(value);
                break;
            case 50003:
                result.rights = static_cast<uint32_t>(value);
                break;
            case 50004:
                result.move = value != 0;
                break;
            default:
                break;
        }
    }
    return result;
}

bool is_handle(const Descriptor* message) {
    return message->full_name() == "ipc.Handle";
}

std::string cpp_namespace(const FileDescriptor* file) {
    std::string result;
    for (char c : file->package())
        result += c == '.' ? std::string("::") : std::string(1, c);
    return result;
}

std::string local_name(const std::string& full_name, const std::string& package) {
    std::string name = package.empty() ? full_name : full_name.substr(package.size() + 1);
    return replace_dots(name);
}

std::string cpp_type_name(const Descriptor* message) {
    if (is_handle(message)) return "::cairn::ipc::Handle";
    std::string ns = cpp_namespace(message->file());
    return (ns.empty() ? "::" : "::" + ns + "::") +
           local_name(message->full_name(), message->file()->package());
}

std::string cpp_type_name(const EnumDescriptor* enumeration) {
    std::string ns = cpp_namespace(enumeration->file());
    return (ns.empty() ? "::" : "::" + ns + "::") +
           local_name(enumeration->full_name(), enumeration->file()->package());
}

std::string field_name(const FieldDescriptor* field) {
    static const std::set<std::string> kKeywords = {
        "auto",    "bool",     "break",  "case",  "char",    "class",    "const",    "delete",
        "default", "do",       "double", "else",  "enum",    "float",    "for",      "friend",
        "goto",    "if",       "int",    "long",  "new",     "operator", "private",  "protected",
        "public",  "register", "return", "short", "signed",  "sizeof",   "static",   "struct",
        "switch",  "template", "this",   "throw", "typedef", "union",    "unsigned", "virtual",
        "void",    "volatile", "while"};
    return kKeywords.count(field->name()) ? field->name() + "_" : field->name();
}

bool Model::check(const FileDescriptor* file, std::string* error) {
    if (file->syntax() != FileDescriptor::SYNTAX_PROTO3)
        return fail(error, file->name() + ": IDL files are proto3 (syntax = \"proto3\";)");
    for (int i = 0; i < file->enum_type_count(); ++i)
        enums_.push_back(file->enum_type(i));
    for (int i = 0; i < file->message_type_count(); ++i)
        collect(file->message_type(i));
    for (const Descriptor* message : declared_)
        if (!check_message(message, error)) return false;
    std::map<const Descriptor*, int> state;
    for (const Descriptor* message : declared_)
        if (!order(message, state, error)) return false;
    for (int i = 0; i < file->service_count(); ++i)
        if (!check_service(file->service(i), error)) return false;
    return true;
}

void Model::collect(const Descriptor* message) {
    declared_.push_back(message);
    for (int i = 0; i < message->enum_type_count(); ++i)
        enums_.push_back(message->enum_type(i));
    for (int i = 0; i < message->nested_type_count(); ++i)
        collect(message->nested_type(i));
}

bool Model::check_message(const Descriptor* message, std::string* error) {
    if (message->options().map_entry())
        return fail(error, message->file()->name() + ": " + message->full_name() +
                               ": map fields have no fixed layout; use a repeated message");
    if (message->oneof_decl_count() != 0)
        return fail(error, message->file()->name() + ": " + message->full_name() +
                               ": oneof and optional are not supported by the IDL");
    for (int i = 0; i < message->field_count(); ++i)
        if (!check_field(message->field(i), error)) return false;
    if (max_encoded_size(message) > kMaxMessageBytes)
        return fail(error, message->file()->name() + ": " + message->full_name() +
                               ": encodes to up to " + std::to_string(max_encoded_size(message)) +
                               " bytes, more than a message carries (1 MiB)");
    if (max_caps(message) > kMaxMessageCaps)
        return fail(error, message->file()->name() + ": " + message->full_name() +
                               ": carries up to " + std::to_string(max_caps(message)) +
                               " capabilities, more than a message carries (4)");
    return true;
}

bool Model::check_field(const FieldDescriptor* field, std::string* error) {
    FieldOptions options = options_of(field);
    bool variable = field->type() == FieldDescriptor::TYPE_STRING ||
                    field->type() == FieldDescriptor::TYPE_BYTES;
    bool handle = field->message_type() != nullptr && is_handle(field->message_type());
    if (field->type() == FieldDescriptor::TYPE_GROUP)
        return fail(error, where(field) + "groups are not supported");
    if (field->name() == "encode" || field->name() == "decode")
        return fail(error, where(field) + "the names encode and decode are reserved");
    if (variable && options.max_length == 0)
        return fail(error, where(field) + "string and bytes fields need [(ipc.max_length) = N]");
    if (!variable && options.max_length != 0)
        return fail(error, where(field) + "ipc.max_length is for string and bytes fields");
    if (field->is_repeated() && options.max_count == 0)
        return fail(error, where(field) + "repeated fields need [(ipc.max_count) = N]");
    if (!field->is_repeated() && options.max_count != 0)
        return fail(error, where(field) + "ipc.max_count is for repeated fields");
    if (!handle && (options.rights != 0 || options.move))
        return fail(error, where(field) + "ipc.rights and ipc.move are for ipc.Handle fields");
    if (options.rights > 63) return fail(error, where(field) + "ipc.rights has unknown bits");
    return true;
}

bool Model::order(const Descriptor* message, std::map<const Descriptor*, int>& state,
                  std::string* error) {
    // Depth-first: 1 = in progress (a cycle if met again), 2 = emitted.
    if (message->file() != declared_.front()->file()) return true;
    int& mark = state[message];
    if (mark == 2) return true;
    if (mark == 1)
        return fail(error, message->file()->name() + ": " + message->full_name() +
                               ": contains itself; fixed-layout messages cannot recurse");
    mark = 1;
    for (int i = 0; i < message->field_count(); ++i) {
        const Descriptor* inner = message->field(i)->message_type();
        if (inner != nullptr && !order(inner, state, error)) return false;
    }
    state[message] = 2;
    messages_.push_back(message);
    return true;
}

uint64_t Model::field_size(const FieldDescriptor* field, bool element) {
    if (field->is_repeated() && !element)
        return 4 + static_cast<uint64_t>(options_of(field).max_count) * field_size(field, true);
    switch (field->type()) {
        case FieldDescriptor::TYPE_BOOL:
            return 1;
        case FieldDescriptor::TYPE_INT32:
        case FieldDescriptor::TYPE_SINT32:
        case FieldDescriptor::TYPE_SFIXED32:
        case FieldDescriptor::TYPE_UINT32:
        case FieldDescriptor::TYPE_FIXED32:
        case FieldDescriptor::TYPE_FLOAT:
        case FieldDescriptor::TYPE_ENUM:
            return 4;
        case FieldDescriptor::TYPE_INT64:
        case FieldDescriptor::TYPE_SINT64:
        case FieldDescriptor::TYPE_SFIXED64:
        case FieldDescriptor::TYPE_UINT64:
        case FieldDescriptor::TYPE_FIXED64:
        case FieldDescriptor::TYPE_DOUBLE:
            return 8;
        case FieldDescriptor::TYPE_STRING:
        case FieldDescriptor::TYPE_BYTES:
            return 4 + static_cast<uint64_t>(options_of(field).max_length);
        case FieldDescriptor::TYPE_MESSAGE:
            return is_handle(field->message_type()) ? 1 : max_encoded_size(field->message_type());
        default:
            return 0;
    }
}

uint64_t Model::max_encoded_size(const Descriptor* message) {
    auto found = sizes_.find(message);
    if (found != sizes_.end()) return found->second;
    sizes_[message] = 0;  // a recursive message (refused by order()) stops here
    uint64_t total = 0;
    for (int i = 0; i < message->field_count(); ++i)
        total += field_size(message->field(i), false);
    return sizes_[message] = total;
}

uint64_t Model::max_caps(const Descriptor* message) {
    if (is_handle(message)) return 1;
    auto found = caps_.find(message);
    if (found != caps_.end()) return found->second;
    caps_[message] = 0;
    uint64_t total = 0;
    for (int i = 0; i < message->field_count(); ++i) {
        const FieldDescriptor* field = message->field(i);
        if (field->message_type() == nullptr) continue;
        uint64_t each = max_caps(field->message_type());
        total += field->is_repeated() ? each * options_of(field).max_count : each;
    }
    return caps_[message] = total;
}

std::string Model::field_type(const FieldDescriptor* field, bool element) const {
    FieldOptions options = options_of(field);
    if (field->is_repeated() && !element)
        return "::cairn::ipc::BoundedVector<" + field_type(field, true) + ", " +
               std::to_string(options.max_count) + ">";
    switch (field->type()) {
        case FieldDescriptor::TYPE_BOOL:
            return "bool";
        case FieldDescriptor::TYPE_INT32:
        case FieldDescriptor::TYPE_SINT32:
        case FieldDescriptor::TYPE_SFIXED32:
            return "int32_t";
        case FieldDescriptor::TYPE_UINT32:
        case FieldDescriptor::TYPE_FIXED32:
            return "uint32_t";
        case FieldDescriptor::TYPE_INT64:
        case FieldDescriptor::TYPE_SINT64:
        case FieldDescriptor::TYPE_SFIXED64:
            return "int64_t";
        case FieldDescriptor::TYPE_UINT64:
        case FieldDescriptor::TYPE_FIXED64:
            return "uint64_t";
        case FieldDescriptor::TYPE_FLOAT:
            return "float";
        case FieldDescriptor::TYPE_DOUBLE:
            return "double";
        case FieldDescriptor::TYPE_STRING:
            return "::cairn::ipc::BoundedString<" + std::to_string(options.max_length) + ">";
        case FieldDescriptor::TYPE_BYTES:
            return "::cairn::ipc::BoundedBytes<" + std::to_string(options.max_length) + ">";
        case FieldDescriptor::TYPE_ENUM:
            return cpp_type_name(field->enum_type());
        case FieldDescriptor::TYPE_MESSAGE:
            return cpp_type_name(field->message_type());
        default:
            return "void";
    }
}

uint64_t Model::buffer_size(const ServiceDescriptor* service) {
    uint64_t largest = 0;
    for (int i = 0; i < service->method_count(); ++i) {
        for (const Descriptor* message :
             {service->method(i)->input_type(), service->method(i)->output_type()}) {
            uint64_t size = max_encoded_size(message);
            if (size > 64 && size > largest) largest = size;
        }
    }
    return largest;
}

bool Model::check_service(const ServiceDescriptor* service, std::string* error) {
    std::map<uint16_t, std::string> ids;
    for (int i = 0; i < service->method_count(); ++i) {
        const auto* method = service->method(i);
        std::string here = service->file()->name() + ": " + method->full_name() + ": ";
        if (method->client_streaming() || method->server_streaming())
            return fail(error, here + "streaming rpcs are not supported");
        if (is_handle(method->input_type()) || is_handle(method->output_type()))
            return fail(error, here + "wrap ipc.Handle in a request or reply message");
        for (const Descriptor* message : {method->input_type(), method->output_type()}) {
            if (message->file() == service->file()) continue;
            // Messages of other files were checked when their file was compiled;
            // the bounds of those used directly are checked again here.
            for (int f = 0; f < message->field_count(); ++f)
                if (!check_field(message->field(f), error)) return false;
        }
        uint16_t id = ipc::method_id(method->name().data(), method->name().size());
        auto [entry, fresh] = ids.emplace(id, method->name());
        if (!fresh)
            return fail(error, here + "its method id collides with " + entry->second +
                                   "'s; rename one of them");
    }
    return true;
}

}  // namespace cairn::idl
