// picolibc's standard streams (tinystdio): stdout and stderr write through
// the calling thread's console line buffer (console.cc), so printf output
// reaches debug_print verbatim, a whole line per system call. stdin has no
// device yet and reads end of file.
#include <stdio.h>

#include "cairn/runtime.h"

namespace {

int put(char character, FILE*) {
    cairn::console_write(&character, 1);
    return static_cast<unsigned char>(character);
}

int flush(FILE*) {
    cairn::console_flush();
    return 0;
}

int get(FILE*) {
    return _FDEV_EOF;
}

FILE g_stdin = FDEV_SETUP_STREAM(nullptr, get, nullptr, _FDEV_SETUP_READ);
FILE g_stdout = FDEV_SETUP_STREAM(put, nullptr, flush, _FDEV_SETUP_WRITE);
FILE g_stderr = FDEV_SETUP_STREAM(put, nullptr, flush, _FDEV_SETUP_WRITE);

}  // namespace

FILE* const stdin = &g_stdin;
FILE* const stdout = &g_stdout;
FILE* const stderr = &g_stderr;
