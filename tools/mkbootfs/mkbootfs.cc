// mkbootfs: packs the boot archive of an image.
//
//   mkbootfs --output bootfs.cpio NAME=PATH...
//
// Each NAME=PATH adds the file at PATH under NAME, in the order given. Files
// whose PATH is executable keep mode 0755, others get 0644.
#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "tools/mkbootfs/cpio_writer.h"

namespace {

int fail(const std::string& message) {
    std::cerr << "mkbootfs: " << message << "\n";
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string output;
    tools::CpioWriter writer;
    std::set<std::string> names;
    for (int i = 1; i < argc; ++i) {
        std::string argument = argv[i];
        if (argument == "--output" && i + 1 < argc) {
            output = argv[++i];
            continue;
        }
        size_t equals = argument.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == argument.size()) {
            return fail("expected NAME=PATH or --output FILE, got '" + argument + "'");
        }
        std::string name = argument.substr(0, equals);
        std::string path = argument.substr(equals + 1);
        if (!names.insert(name).second) return fail("duplicate name '" + name + "'");
        std::ifstream input(path, std::ios::binary);
        if (!input) return fail("cannot read '" + path + "'");
        std::ostringstream contents;
        contents << input.rdbuf();
        struct stat status {};
        bool executable = stat(path.c_str(), &status) == 0 && (status.st_mode & 0111) != 0;
        writer.add_file(name, contents.str(), executable ? 0755 : 0644);
    }
    if (output.empty()) return fail("missing --output FILE");
    std::ofstream out(output, std::ios::binary);
    std::string archive = writer.finish();
    out.write(archive.data(), static_cast<std::streamsize>(archive.size()));
    if (!out) return fail("cannot write '" + output + "'");
    return 0;
}
