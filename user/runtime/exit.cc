// How a process ends: exit() (picolibc: atexit handlers, static
// destructors, .fini_array) calls _exit, which sends the thread's partial
// line and ends every thread of the process; abort() says so first.
#include <stdlib.h>
#include <unistd.h>

#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"

extern "C" {

void _exit(int status) {
    if (cairn::runtime::tls_ready()) cairn::console_flush();
    cairn::sys::process_exit(status);
}

// Replaces picolibc's abort (raise(SIGABRT), then _exit) to say why the
// program ends; the status is the conventional 128 + SIGABRT.
void abort() {
    const char* program = cairn::start_info().program;
    cairn::runtime::die(program != nullptr ? program : "program", "abort() called", 134);
}

}  // extern "C"
