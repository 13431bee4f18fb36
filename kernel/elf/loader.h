// Loading a validated ELF image (elf_image.h) into a fresh user address
// space, and the main thread's stack with its cairn::StartInfo.
//
// How bytes get in: every region is anonymous memory (zero on first
// touch), and the loader fills it from the kernel side without activating
// the target address space: it resolves a write fault on each page it
// writes (AddressSpace::handle_fault, which allocates the frame), asks for
// the frame (translate) and copies through the direct map. That works
// before any thread of the new process exists, on any CPU, and on the host
// (the unit tests load real images into simulated RAM). Read-only and
// executable segments are mapped read-write for the copy and protected to
// their final permissions afterwards (W^X holds at every point: nothing is
// ever writable and executable).
//
// Instruction caches: QEMU (TCG) keeps them coherent; on hardware that does
// not, aarch64 would need a clean/invalidate of the written text here.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/elf/elf_image.h"
#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace kernel::mm {
class AddressSpace;
}

namespace kernel::elf {

inline constexpr uint64_t kStackSize = 256 * 1024;
inline constexpr uint64_t kStackGuardSize = 64 * 1024;  // reserved, always faults
// The stack's top lies this far below the end of the user half.
inline constexpr uint64_t kStackTopGap = 64 * 1024;

// Maps and fills every segment of `image` (parsed from `file`). On error
// the address space holds whatever was mapped so far: the caller destroys it.
os::ErrorOr<void> load_segments(const Image& image, os::Bytes file, mm::AddressSpace& space);

struct StackRequest {
    const char* program = "";   // copied onto the stack, NUL-terminated
    const char* argument = "";  // likewise
    uint64_t process_id = 0;
    uint64_t thread_id = 0;  // 0 if not known yet (see patch_thread_id)
};

struct MainStack {
    uint64_t base = 0;  // lowest address of the stack region
    uint64_t size = 0;
    uint64_t start_info = 0;     // user address of the cairn::StartInfo
    uint64_t stack_pointer = 0;  // 16-byte aligned, below the StartInfo
};

// Maps the main thread's stack (with a reserved guard below it) at the top
// of the user half and writes the StartInfo and its strings at its top.
os::ErrorOr<MainStack> build_main_stack(mm::AddressSpace& space, const StackRequest& request);

// Fills StartInfo.thread_id once the main thread exists (before it runs).
os::ErrorOr<void> patch_thread_id(mm::AddressSpace& space, const MainStack& stack,
                                  uint64_t thread_id);

// Copies `length` bytes into `space` at `address` from the kernel side (see
// above). The range must lie in writable regions; kBadAddress otherwise.
os::ErrorOr<void> write_into(mm::AddressSpace& space, uint64_t address, const void* data,
                             size_t length);

// The limits for this machine: hal::kElfMachine, the user half without page 0.
Limits machine_limits();

}  // namespace kernel::elf
