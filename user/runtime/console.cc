// The console: each thread's output collects in its own line buffer and goes
// to the debug_print system call a line at a time.
#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"

namespace {

// constinit: a thread_local needing dynamic initialization would go through
// a TLS wrapper on every access.
constinit thread_local cairn::runtime::LineBuffer t_line{};

}  // namespace

namespace cairn::runtime {

void console_sink(const char* text, size_t length) {
    while (length > 0) {
        const size_t piece = length < kMaxDebugPrint ? length : kMaxDebugPrint;
        (void)sys::debug_print(text, piece);
        text += piece;
        length -= piece;
    }
}

[[noreturn]] void die(const char* prefix, const char* message, int64_t status) {
    if (tls_ready()) console_flush();
    // One line, one system call, so it cannot be torn apart.
    char line[256];
    size_t length = 0;
    const char* parts[] = {prefix, ": ", message};
    for (const char* part : parts) {
        while (*part != '\0' && length < sizeof(line) - 1) line[length++] = *part++;
    }
    line[length++] = '\n';
    console_sink(line, length);
    sys::process_exit(status);
}

}  // namespace cairn::runtime

namespace cairn {

void console_write(const char* text, size_t length) {
    for (size_t i = 0; i < length; ++i) t_line.put(text[i], runtime::console_sink);
}

void console_write(const char* text) {
    console_write(text, __builtin_strlen(text));
}

void console_flush() {
    t_line.flush(runtime::console_sink);
}

void fatal(const char* message) {
    const char* program = start_info().program;
    runtime::die(program != nullptr ? program : "program", message, 127);
}

}  // namespace cairn
