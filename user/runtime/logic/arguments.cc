#include "user/runtime/logic/arguments.h"

namespace cairn::runtime {

int build_arguments(const StartInfo& info, char** argv) {
    static char empty[] = "";
    int count = 0;
    argv[count++] = info.program != nullptr ? const_cast<char*>(info.program) : empty;
    if (info.argument != nullptr && info.argument[0] != '\0') {
        argv[count++] = const_cast<char*>(info.argument);
    }
    argv[count] = nullptr;
    return count;
}

}  // namespace cairn::runtime
