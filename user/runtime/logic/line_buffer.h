// Collects a thread's console output and hands it on a line at a time, so
// that lines of different threads never mix mid-line: each thread owns one
// buffer (in TLS) and the kernel prints each debug_print call whole.
//
// A line longer than the buffer goes out in buffer-sized pieces. Plain data
// (no constructor): the runtime keeps one in thread-local storage, where it
// must be constant-initialized. Architecture-neutral and host-tested.
#pragma once

#include <stddef.h>

namespace cairn::runtime {

struct LineBuffer {
    static constexpr size_t kCapacity = 256;
    using Sink = void (*)(const char* text, size_t length);

    char text[kCapacity];
    size_t length;

    // Appends one character; sends the buffer to `sink` after a newline or
    // when it is full.
    void put(char character, Sink sink);
    // Sends whatever is buffered (fflush, thread and process exit).
    void flush(Sink sink);
};

}  // namespace cairn::runtime
