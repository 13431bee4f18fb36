// What the user runtime offers a program besides the C library and the
// system call wrappers (cairn/sys.h) and threads (cairn/thread.h).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/syscalls.h"

namespace cairn {

// The block the kernel started the process with (program path, argument,
// ids, main stack).
const StartInfo& start_info();

// The page size the kernel reported at start.
size_t page_size();

// Console output through the calling thread's line buffer: whole lines go
// to debug_print at once, so lines of different threads never mix. stdout
// and stderr (printf, puts, ...) end up here too.
void console_write(const char* text, size_t length);
void console_write(const char* text);
// Sends the calling thread's partial line now.
void console_flush();

// Prints "<program>: <message>" as one line and ends the process with
// status 127.
[[noreturn]] void fatal(const char* message);

}  // namespace cairn
