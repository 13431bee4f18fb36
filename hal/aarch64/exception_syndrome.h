// Decoding ESR_EL1, the exception syndrome register: which kind of
// synchronous exception (or SError) was taken and the class-specific details.
// Field layout from the Arm ARM, "ESR_EL1, Exception Syndrome Register (EL1)".
#pragma once

#include <stdint.h>

namespace hal::aarch64 {

class ExceptionSyndrome {
public:
    explicit constexpr ExceptionSyndrome(uint64_t esr) : esr_(esr) {}

    // EC, bits [31:26]: the exception class.
    constexpr uint32_t exception_class() const { return (esr_ >> 26) & 0x3f; }
    // ISS, bits [24:0]: the instruction-specific syndrome.
    constexpr uint32_t iss() const { return esr_ & 0x1ffffff; }

    // Data or instruction abort, from this EL or a lower one.
    constexpr bool is_abort() const {
        uint32_t ec = exception_class();
        return ec == 0x20 || ec == 0x21 || ec == 0x24 || ec == 0x25;
    }
    constexpr bool is_data_abort() const {
        return exception_class() == 0x24 || exception_class() == 0x25;
    }
    constexpr bool is_instruction_abort() const {
        return exception_class() == 0x20 || exception_class() == 0x21;
    }
    // Aborts taken from a lower EL (0x20, 0x24) have even classes.
    constexpr bool is_from_lower_level() const { return is_abort() && exception_class() % 2 == 0; }
    constexpr bool is_brk() const { return exception_class() == 0x3c; }

    // For aborts: DFSC/IFSC, ISS bits [5:0], the fault status code.
    constexpr uint32_t fault_status() const { return iss() & 0x3f; }
    // For data aborts: WnR, ISS bit 6; set if the access was a write.
    constexpr bool is_write() const { return (iss() >> 6) & 1; }
    // For data aborts: CM, ISS bit 8; a cache maintenance instruction, which
    // reports WnR = 1 although it writes nothing.
    constexpr bool is_cache_maintenance() const { return (iss() >> 8) & 1; }

    // Fault status codes 0b0001LL, 0b0010LL and 0b0011LL: a translation,
    // access flag or permission fault at level LL. These are what the page
    // tables decide, so kernel/mm may resolve them; every other abort
    // (alignment, external abort, address size, TLB conflict) is a bug or a
    // hardware error.
    constexpr bool is_page_fault() const {
        return is_abort() && fault_status() >= 0x04 && fault_status() <= 0x0f;
    }
    // A translation fault: no valid entry mapped the address.
    constexpr bool is_translation_fault() const { return (fault_status() >> 2) == 0x1; }
    // For BRK: the instruction's 16-bit immediate (clang's __builtin_trap uses 1).
    constexpr uint32_t brk_immediate() const { return iss() & 0xffff; }

    // A short name for the exception class, e.g. "data abort (current EL)".
    const char* class_name() const;
    // For aborts, what the fault status code means, e.g. "alignment fault".
    const char* fault_status_name() const;

private:
    uint64_t esr_;
};

}  // namespace hal::aarch64
