// sbrk for picolibc's malloc: a HeapArena (logic/heap_arena.h) at a fixed
// base, grown with fixed anonymous mappings.
//
// The base, 64 GiB, is far above where programs (0x400000) and the regions
// the kernel places by itself (thread stacks and TLS, from 64 KiB upwards)
// go, and the limit keeps the heap below 128 GiB, inside even the smallest
// user half (riscv64 Sv39: 256 GiB).
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"
#include "user/runtime/logic/heap_arena.h"
#include "user/runtime/spin_lock.h"

namespace {

constexpr uintptr_t kHeapBase = uintptr_t{64} << 30;
constexpr size_t kHeapLimit = size_t{64} << 30;

bool map_fixed(uintptr_t address, size_t length, void*) {
    return cairn::sys::as_map(0, address, length, cairn::kMapRead | cairn::kMapWrite,
                              cairn::kMapFixed)
        .ok();
}

// page_size 4096 is the smallest page the kernel has on every architecture;
// growth steps are multiples of 1 MiB anyway.
constinit cairn::runtime::HeapArena g_arena({.base = kHeapBase, .limit = kHeapLimit},
                                            map_fixed, nullptr);
constinit cairn::runtime::SpinLock g_lock;

}  // namespace

extern "C" void* sbrk(ptrdiff_t increment) {
    g_lock.lock();
    void* old_break = g_arena.move_break(increment);
    g_lock.unlock();
    if (old_break == nullptr) {
        errno = ENOMEM;
        return reinterpret_cast<void*>(-1);
    }
    return old_break;
}
