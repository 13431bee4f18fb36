#include "kernel/debug/print.h"

#include "hal/console.h"
#include "kernel/lib/format.h"

namespace kernel {
namespace {

constexpr uint32_t kNoOwner = ~uint32_t{0};

// The CPU holding the console, or kNoOwner. Invariant: only the owner
// writes to the console while the lock is not broken.
uint32_t owner = kNoOwner;
bool broken = false;

void write_to_console(void*, const char* text, size_t length) {
    hal::console_write(text, length);
}

}  // namespace

ConsoleGuard::ConsoleGuard() : interrupts_(hal::disable_interrupts()) {
    uint32_t cpu = hal::current_cpu_index();
    nested_ = __atomic_load_n(&owner, __ATOMIC_RELAXED) == cpu;
    if (nested_) return;
    for (;;) {
        uint32_t expected = kNoOwner;
        if (__atomic_compare_exchange_n(&owner, &expected, cpu, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED)) {
            return;
        }
        if (__atomic_load_n(&broken, __ATOMIC_RELAXED)) {
            nested_ = true;  // write without owning; never release
            return;
        }
        hal::spin_pause();
    }
}

ConsoleGuard::~ConsoleGuard() {
    if (!nested_) __atomic_store_n(&owner, kNoOwner, __ATOMIC_RELEASE);
    hal::restore_interrupts(interrupts_);
}

void break_console_lock() {
    __atomic_store_n(&broken, true, __ATOMIC_RELEASE);
}

void vprint(const char* format, va_list arguments) {
    ConsoleGuard guard;
    os::vformat_to(write_to_console, nullptr, format, arguments);
}

void print(const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    vprint(format, arguments);
    va_end(arguments);
}

}  // namespace kernel
