// Shared between the runtime's own files; not for programs.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/syscalls.h"
#include "user/runtime/logic/line_buffer.h"
#include "user/runtime/logic/tls_layout.h"

namespace cairn::runtime {

#if defined(__x86_64__)
inline constexpr TlsVariant kTlsVariant = TlsVariant::kX86_64;
#elif defined(__aarch64__)
inline constexpr TlsVariant kTlsVariant = TlsVariant::kAarch64;
#elif defined(__riscv)
inline constexpr TlsVariant kTlsVariant = TlsVariant::kRiscv64;
#else
#error "unknown architecture"
#endif

// The program's PT_TLS segment and the per-thread layout for it (computed
// once by set_up_main_thread_tls, read-only afterwards).
const TlsImage& tls_image();
const TlsLayout& tls_layout();

// Maps the main thread's TLS block and sets its thread pointer; before
// this, nothing may touch a thread_local. Ends the process on failure.
void set_up_main_thread_tls();

// True once the main thread's thread pointer is set: before that, a
// thread_local access would fault (the thread pointer starts at 0).
bool tls_ready();

// Maps a page for the calling thread's IPC buffer and registers it
// (ipc_buffer.cc). Needs TLS; failure is not fatal (ipc_buffer() then
// falls back to a thread_local Message).
void set_up_ipc_buffer();
// Registers `page` (kIpcBufferSize bytes, page-aligned, already mapped
// read-write) as the calling thread's IPC buffer.
void use_ipc_buffer(uintptr_t page);

// Sends text straight to the debug console (in kMaxDebugPrint pieces).
void console_sink(const char* text, size_t length);

// A value unique to the calling thread while it lives (lock ownership).
uintptr_t thread_identity();

// Prints the message through the console and ends the process.
[[noreturn]] void die(const char* prefix, const char* message, int64_t status);

inline constexpr uintptr_t align_up(uintptr_t value, size_t alignment) {
    return (value + alignment - 1) & ~static_cast<uintptr_t>(alignment - 1);
}

}  // namespace cairn::runtime
