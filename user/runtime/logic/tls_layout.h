// Where a thread's static TLS block and thread pointer go, per TLS variant.
//
// A statically linked program has one TLS segment (PT_TLS); every thread
// gets a copy of it, placed so that the offsets the linker computed from the
// thread pointer hold. The linker's rules (lld's getTlsTpOffset) are:
//
//   variant I, aarch64: tp -> 16-byte TCB, the block follows at
//                       tp + 16 + ((p_vaddr - 16) & (p_align - 1))
//   variant I, riscv64: no TCB bytes, the block starts at
//                       tp + (p_vaddr & (p_align - 1))
//   variant II, x86_64: the block ends at tp: it starts at
//                       tp - p_memsz - ((-p_vaddr - p_memsz) & (p_align - 1)),
//                       and the word at tp points to itself (%fs:0 loads).
//
// Architecture-neutral (host-tested): the runtime picks the variant for the
// architecture it is built for.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace cairn::runtime {

enum class TlsVariant {
    kAarch64,  // variant I with a 16-byte TCB
    kRiscv64,  // variant I without TCB bytes
    kX86_64,   // variant II with a self-pointer at tp
};

// The program's PT_TLS segment (all zero when it has none).
struct TlsImage {
    uintptr_t address = 0;  // p_vaddr: the initialization image
    size_t file_size = 0;   // p_filesz: bytes copied from the image
    size_t memory_size = 0; // p_memsz: the rest up to this is zeroed
    size_t alignment = 1;   // p_align (0 and 1 both mean none)
};

// Offsets inside one allocation of `size` bytes aligned to `alignment`.
struct TlsLayout {
    size_t size = 0;
    size_t alignment = 0;       // a power of two, >= 16
    size_t thread_pointer = 0;  // the thread pointer is area + this
    size_t block = 0;           // the TLS image is copied to area + this
    size_t self_pointer = 0;    // variant II: area + this holds the tp; else unused
    bool has_self_pointer = false;
};

// Computes the layout; the alignment must be 0 or a power of two (else the
// result is empty: size 0).
TlsLayout compute_tls_layout(const TlsImage& image, TlsVariant variant);

// Fills a thread's TLS area (of layout.size bytes at `area`, aligned as the
// layout says): copies the image, zeroes the rest of the block and the TCB,
// writes the self-pointer. Returns the thread pointer.
uintptr_t initialize_tls_area(void* area, const TlsLayout& layout, const TlsImage& image);

}  // namespace cairn::runtime
