// The C++ runtime support a program without a C++ standard library needs:
// the allocation functions over picolibc's malloc, pure virtual calls, static
// initialization guards, destructor registration, stack protector failure.
#include <malloc.h>
#include <stdlib.h>

#include <new>

#include "cairn/sys.h"
#include "user/runtime/internal.h"

namespace std {
const nothrow_t nothrow{};
}

namespace {

[[noreturn]] void out_of_memory() {
    cairn::runtime::die("runtime", "operator new: out of memory", 127);
}

void* allocate(size_t size) {
    void* pointer = malloc(size != 0 ? size : 1);
    if (pointer == nullptr) out_of_memory();
    return pointer;
}

void* allocate_aligned(size_t size, std::align_val_t alignment) {
    void* pointer = memalign(static_cast<size_t>(alignment), size != 0 ? size : 1);
    if (pointer == nullptr) out_of_memory();
    return pointer;
}

}  // namespace

// ---- operator new / delete (never throw: fail loudly or return nullptr) --

void* operator new(size_t size) {
    return allocate(size);
}
void* operator new[](size_t size) {
    return allocate(size);
}
void* operator new(size_t size, std::align_val_t alignment) {
    return allocate_aligned(size, alignment);
}
void* operator new[](size_t size, std::align_val_t alignment) {
    return allocate_aligned(size, alignment);
}
void* operator new(size_t size, const std::nothrow_t&) noexcept {
    return malloc(size != 0 ? size : 1);
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
    return malloc(size != 0 ? size : 1);
}
void* operator new(size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return memalign(static_cast<size_t>(alignment), size != 0 ? size : 1);
}
void* operator new[](size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return memalign(static_cast<size_t>(alignment), size != 0 ? size : 1);
}

void operator delete(void* pointer) noexcept {
    free(pointer);
}
void operator delete[](void* pointer) noexcept {
    free(pointer);
}
void operator delete(void* pointer, size_t) noexcept {
    free(pointer);
}
void operator delete[](void* pointer, size_t) noexcept {
    free(pointer);
}
void operator delete(void* pointer, std::align_val_t) noexcept {
    free(pointer);
}
void operator delete[](void* pointer, std::align_val_t) noexcept {
    free(pointer);
}
void operator delete(void* pointer, size_t, std::align_val_t) noexcept {
    free(pointer);
}
void operator delete[](void* pointer, size_t, std::align_val_t) noexcept {
    free(pointer);
}
void operator delete(void* pointer, const std::nothrow_t&) noexcept {
    free(pointer);
}
void operator delete[](void* pointer, const std::nothrow_t&) noexcept {
    free(pointer);
}
void operator delete(void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
    free(pointer);
}
void operator delete[](void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
    free(pointer);
}

// ---- the Itanium C++ ABI ------------------------------------------------

extern "C" {

// Identifies "this program" to __cxa_atexit: a static program has one DSO.
[[gnu::visibility("hidden")]] void* __dso_handle = &__dso_handle;

[[noreturn]] void __cxa_pure_virtual() {
    cairn::runtime::die("runtime", "pure virtual function called", 127);
}

[[noreturn]] void __cxa_deleted_virtual() {
    cairn::runtime::die("runtime", "deleted virtual function called", 127);
}

// Static initialization guards (when the toolchain makes them thread-safe):
// byte 0 of the guard says "initialized" (the compiler's inline fast path
// reads it), byte 1 "being initialized". A thread that finds another one
// initializing spins and yields until byte 0 is set or the initializer gave
// up (__cxa_guard_abort). Recursive initialization deadlocks, as the
// standard allows.
int __cxa_guard_acquire(uint64_t* guard) {
    auto* bytes = reinterpret_cast<uint8_t*>(guard);
    for (;;) {
        if (__atomic_load_n(&bytes[0], __ATOMIC_ACQUIRE) != 0) return 0;
        uint8_t expected = 0;
        if (__atomic_compare_exchange_n(&bytes[1], &expected, 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            // Another thread may have finished between the two checks.
            if (__atomic_load_n(&bytes[0], __ATOMIC_ACQUIRE) != 0) {
                __atomic_store_n(&bytes[1], 0, __ATOMIC_RELEASE);
                return 0;
            }
            return 1;
        }
        (void)cairn::sys::thread_yield();
    }
}

void __cxa_guard_release(uint64_t* guard) {
    auto* bytes = reinterpret_cast<uint8_t*>(guard);
    __atomic_store_n(&bytes[0], 1, __ATOMIC_RELEASE);
    __atomic_store_n(&bytes[1], 0, __ATOMIC_RELEASE);
}

void __cxa_guard_abort(uint64_t* guard) {
    auto* bytes = reinterpret_cast<uint8_t*>(guard);
    __atomic_store_n(&bytes[1], 0, __ATOMIC_RELEASE);
}

// Stack protector (if a program turns it on): the guard value is fixed,
// which still catches linear overflows.
uintptr_t __stack_chk_guard = 0x595e9fbd94fda766;

[[noreturn]] void __stack_chk_fail() {
    cairn::runtime::die("runtime", "stack smashing detected", 127);
}

}  // extern "C"
