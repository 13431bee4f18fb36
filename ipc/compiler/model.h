// The plugin's view of a .proto file: the IDL rules checked (bounds on every
// variable-length field, no oneof/map/optional/recursion, at most 4
// capabilities and 1 MiB per message, distinct method ids) and the facts
// code generation needs (C++ names, maximum encoded sizes, bounds).
#pragma once

#include <google/protobuf/descriptor.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cairn::idl {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::FileDescriptor;
using google::protobuf::ServiceDescriptor;

// The custom options of ipc/options.proto (field numbers there).
struct FieldOptions {
    uint32_t max_length = 0;  // 50001
    uint32_t max_count = 0;   // 50002
    uint32_t rights = 0;      // 50003
    bool move = false;        // 50004
};
FieldOptions options_of(const FieldDescriptor* field);

bool is_handle(const Descriptor* message);

// "::pkg::Outer_Inner" (ipc.Handle: "::cairn::ipc::Handle").
std::string cpp_type_name(const Descriptor* message);
std::string cpp_type_name(const EnumDescriptor* enumeration);
// The name inside its file's namespace: "Outer_Inner".
std::string local_name(const std::string& full_name, const std::string& package);
std::string cpp_namespace(const FileDescriptor* file);  // "pkg::sub" ("" without package)
std::string field_name(const FieldDescriptor* field);   // keywords get a trailing _

class Model {
public:
    // Checks `file` against the IDL rules; false with `error` set on the first breach.
    bool check(const FileDescriptor* file, std::string* error);

    // Messages and enums of the file (nested ones included), messages in an
    // order where each comes after the messages its fields contain.
    const std::vector<const Descriptor*>& messages() const { return messages_; }
    const std::vector<const EnumDescriptor*>& enums() const { return enums_; }

    uint64_t max_encoded_size(const Descriptor* message);
    uint64_t max_caps(const Descriptor* message);
    // A field's bytes on the wire at most (one element if `element`).
    uint64_t field_size(const FieldDescriptor* field, bool element);
    // The C++ type of a field (of one element if `element`).
    std::string field_type(const FieldDescriptor* field, bool element) const;
    // The interface's buffer: the largest out-of-line payload of any call (0: none).
    uint64_t buffer_size(const ServiceDescriptor* service);

private:
    bool check_message(const Descriptor* message, std::string* error);
    bool check_field(const FieldDescriptor* field, std::string* error);
    bool check_service(const ServiceDescriptor* service, std::string* error);
    bool order(const Descriptor* message, std::map<const Descriptor*, int>& state,
               std::string* error);
    void collect(const Descriptor* message);

    std::vector<const Descriptor*> messages_;
    std::vector<const Descriptor*> declared_;
    std::vector<const EnumDescriptor*> enums_;
    std::map<const Descriptor*, uint64_t> sizes_;
    std::map<const Descriptor*, uint64_t> caps_;
};

// Code, the API summary and the fuzz entry for one file (emit_*.cc, api_dump.cc).
std::string emit_header(const FileDescriptor* file, Model& model);
std::string emit_source(const FileDescriptor* file, Model& model);
std::string emit_api(const FileDescriptor* file, Model& model);
std::string emit_fuzz(const FileDescriptor* file, Model& model);

}  // namespace cairn::idl
