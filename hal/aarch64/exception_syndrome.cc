#include "hal/aarch64/exception_syndrome.h"

namespace hal::aarch64 {

const char* ExceptionSyndrome::class_name() const {
    switch (exception_class()) {
        case 0x00:
            return "unknown/undefined instruction";
        case 0x01:
            return "trapped WFI/WFE";
        case 0x07:
            return "trapped FP/SIMD access";
        case 0x0e:
            return "illegal execution state";
        case 0x11:
            return "SVC instruction (AArch32)";
        case 0x15:
            return "SVC instruction";
        case 0x16:
            return "HVC instruction";
        case 0x17:
            return "SMC instruction";
        case 0x18:
            return "trapped MSR/MRS/system instruction";
        case 0x19:
            return "trapped SVE access";
        case 0x20:
            return "instruction abort (lower EL)";
        case 0x21:
            return "instruction abort (current EL)";
        case 0x22:
            return "PC alignment fault";
        case 0x24:
            return "data abort (lower EL)";
        case 0x25:
            return "data abort (current EL)";
        case 0x26:
            return "SP alignment fault";
        case 0x28:
            return "floating-point exception (AArch32)";
        case 0x2c:
            return "floating-point exception";
        case 0x2f:
            return "SError interrupt";
        case 0x30:
            return "breakpoint (lower EL)";
        case 0x31:
            return "breakpoint (current EL)";
        case 0x32:
            return "software step (lower EL)";
        case 0x33:
            return "software step (current EL)";
        case 0x34:
            return "watchpoint (lower EL)";
        case 0x35:
            return "watchpoint (current EL)";
        case 0x38:
            return "BKPT instruction (AArch32)";
        case 0x3c:
            return "BRK instruction";
        default:
            return "reserved exception class";
    }
}

const char* ExceptionSyndrome::fault_status_name() const {
    uint32_t code = fault_status();
    // Codes 0b0000LL-0b0011LL carry the translation table level in their low
    // two bits; the level is printed with the raw code.
    switch (code >> 2) {
        case 0x0:
            return "address size fault";
        case 0x1:
            return "translation fault";
        case 0x2:
            return "access flag fault";
        case 0x3:
            return "permission fault";
        default:
            break;
    }
    switch (code) {
        case 0x10:
            return "synchronous external abort";
        case 0x11:
            return "synchronous tag check fault";
        case 0x18:
            return "synchronous parity or ECC error";
        case 0x21:
            return "alignment fault";
        case 0x30:
            return "TLB conflict abort";
        case 0x31:
            return "unsupported atomic hardware update";
        case 0x34:
            return "lockdown abort";
        case 0x35:
            return "unsupported exclusive or atomic access";
        default:
            break;
    }
    if (code >= 0x14 && code <= 0x17)
        return "external abort on translation table walk";
    if (code >= 0x1c && code <= 0x1f)
        return "parity or ECC error on translation table walk";
    return "reserved fault status code";
}

}  // namespace hal::aarch64
