// Mistakes the kernel must catch and stop on with a clear message, one per
// suite because each ends in a panic: tests/kernel boots with
// `test=<suite> panic=poweroff` and checks the message.
#include "hal/mm.h"
#include "kernel/debug/print.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/selftest/selftest.h"

namespace kernel::mm {
namespace {

// Static const data lands in the kernel's read-only segment.
const uint64_t read_only_word = 42;

KERNEL_TEST(mm_fatal_double_free, kfree_twice) {
    void* object = kmalloc(48);
    REQUIRE(object != nullptr);
    kfree(object);
    kfree(object);  // must panic: "heap: double free of ..."
    CHECK(false);
}

KERNEL_TEST(mm_fatal_foreign_free, kfree_stack_address) {
    uint64_t on_stack[4] = {};
    kfree(&on_stack[1]);  // must panic: "... not allocated by kmalloc"
    CHECK(false);
}

KERNEL_TEST(mm_fatal_use_after_free, write_after_kfree) {
    auto* bytes = static_cast<volatile uint8_t*>(kmalloc(128));
    REQUIRE(bytes != nullptr);
    kfree(const_cast<uint8_t*>(bytes));
    bytes[10] = 1;  // the freed object is poisoned: the next allocation notices
    for (int i = 0; i < 64; ++i)
        kfree(kmalloc(128));
    CHECK(false);
}

KERNEL_TEST(mm_fatal_kernel_write_fault, write_to_read_only_data) {
    // Hide the pointer's origin from the compiler, which may otherwise
    // drop a store to an object it knows is const.
    auto* target = const_cast<uint64_t*>(&read_only_word);
    asm volatile("" : "+r"(target));
    print("selftest: writing kernel rodata at %p\n", static_cast<void*>(target));
    *reinterpret_cast<volatile uint64_t*>(target) = 7;  // W^X: a kernel page fault, then panic
    CHECK(false);
}

}  // namespace
}  // namespace kernel::mm
