// protoc-gen-cairnipc: the Cairn IDL plugin. For each .proto file it writes
//   <name>.ipc.h / <name>.ipc.cc  structs, codecs, client stubs, server skeletons
//   <name>.ipc.api                the interface summary the compatibility check
//                                 compares against a checked-in baseline
//   <name>.ipc.fuzz.cc            a libFuzzer entry over every message and service
// and fails with a message naming the file and field on any IDL rule breach.
#include <google/protobuf/compiler/code_generator.h>
#include <google/protobuf/compiler/plugin.h>
#include <google/protobuf/io/zero_copy_stream.h>

#include <memory>

#include "ipc/compiler/emit.h"

namespace cairn::idl {
namespace {

using google::protobuf::compiler::GeneratorContext;

void write(GeneratorContext* context, const std::string& name, const std::string& text) {
    std::unique_ptr<google::protobuf::io::ZeroCopyOutputStream> stream(context->Open(name));
    void* data = nullptr;
    int size = 0;
    size_t written = 0;
    while (written < text.size() && stream->Next(&data, &size)) {
        size_t chunk = std::min(static_cast<size_t>(size), text.size() - written);
        std::memcpy(data, text.data() + written, chunk);
        written += chunk;
        if (chunk < static_cast<size_t>(size)) stream->BackUp(static_cast<int>(size - chunk));
    }
}

class Generator : public google::protobuf::compiler::CodeGenerator {
public:
    bool Generate(const FileDescriptor* file, const std::string&, GeneratorContext* context,
                  std::string* error) const override {
        Model model;
        if (!model.check(file, error)) return false;
        write(context, generated_name(file, ".ipc.h"), emit_header(file, model));
        write(context, generated_name(file, ".ipc.cc"), emit_source(file, model));
        write(context, generated_name(file, ".ipc.api"), emit_api(file, model));
        write(context, generated_name(file, ".ipc.fuzz.cc"), emit_fuzz(file, model));
        return true;
    }

    uint64_t GetSupportedFeatures() const override { return FEATURE_PROTO3_OPTIONAL; }
};

}  // namespace
}  // namespace cairn::idl

int main(int argc, char** argv) {
    cairn::idl::Generator generator;
    return google::protobuf::compiler::PluginMain(argc, argv, &generator);
}
