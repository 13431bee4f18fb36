// Shared by the emitters: what emit_messages.cc and emit_services.cc call
// of each other.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "ipc/compiler/model.h"

namespace cairn::idl {

// Fields in wire order: by field number, not by declaration.
std::vector<const FieldDescriptor*> fields_by_number(const Descriptor* message);
// "dir/name.proto" -> "dir/name" + suffix.
std::string generated_name(const FileDescriptor* file, const std::string& suffix);

void emit_service_declaration(const google::protobuf::ServiceDescriptor* service, Model& model,
                              std::string& out);
void emit_service_definition(const google::protobuf::ServiceDescriptor* service, Model& model,
                             std::string& out);

}  // namespace cairn::idl
