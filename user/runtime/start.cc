// The C++ start routine: crt0's _start calls __cairn_start with the kernel's
// StartInfo block. Order matters: TLS first (errno, the console's line
// buffer and picolibc's state are thread_local), then constructors, then
// main, then exit (picolibc's: .fini_array and the atexit handlers, then
// _exit in exit.cc).
#include <stdlib.h>

#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"
#include "user/runtime/logic/arguments.h"

// Linker-defined bounds of the constructor arrays (lld defines them, empty
// when a program has none).
extern "C" {
extern void (*__preinit_array_start[])();
extern void (*__preinit_array_end[])();
extern void (*__init_array_start[])();
extern void (*__init_array_end[])();

// start_main.c: calls the program's main, whichever language defined it.
int __cairn_call_main(int argc, char** argv);
}

namespace {

const cairn::StartInfo* g_start_info;
char* g_arguments[cairn::runtime::kMaxArguments];

void run_array(void (**begin)(), void (**end)()) {
    for (void (**function)() = begin; function != end; ++function) (*function)();
}

}  // namespace

namespace cairn {

const StartInfo& start_info() {
    return *g_start_info;
}

size_t page_size() {
    return g_start_info->page_size != 0 ? g_start_info->page_size : 4096;
}

}  // namespace cairn

extern "C" [[noreturn]] void __cairn_start(const cairn::StartInfo* info) {
    using namespace cairn;
    if (info == nullptr || info->version != kStartInfoVersion) {
        static constexpr char kMessage[] = "runtime: unknown StartInfo version\n";
        (void)sys::debug_print(kMessage, sizeof(kMessage) - 1);
        sys::process_exit(127);
    }
    g_start_info = info;
    runtime::set_up_main_thread_tls();
    runtime::set_up_ipc_buffer();

    run_array(__preinit_array_start, __preinit_array_end);
    run_array(__init_array_start, __init_array_end);

    const int count = runtime::build_arguments(*info, g_arguments);
    exit(__cairn_call_main(count, g_arguments));
}
