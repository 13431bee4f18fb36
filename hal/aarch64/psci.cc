#include "hal/aarch64/psci.h"

namespace hal::aarch64 {
namespace {

os::fdt::PsciConduit conduit = os::fdt::PsciConduit::kNone;

// The SMC Calling Convention: function ID in x0, arguments in x1-x3, result
// in x0. Firmware that implements only SMCCC 1.0 may clobber x1-x17.
#define SMCCC_CLOBBERS                                                                          \
    "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", \
        "memory"

int64_t call_through_hvc(uint64_t function_id, uint64_t a1, uint64_t a2, uint64_t a3) {
    register uint64_t x0 asm("x0") = function_id;
    register uint64_t x1 asm("x1") = a1;
    register uint64_t x2 asm("x2") = a2;
    register uint64_t x3 asm("x3") = a3;
    asm volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : SMCCC_CLOBBERS);
    return static_cast<int64_t>(x0);
}

int64_t call_through_smc(uint64_t function_id, uint64_t a1, uint64_t a2, uint64_t a3) {
    register uint64_t x0 asm("x0") = function_id;
    register uint64_t x1 asm("x1") = a1;
    register uint64_t x2 asm("x2") = a2;
    register uint64_t x3 asm("x3") = a3;
    asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : SMCCC_CLOBBERS);
    return static_cast<int64_t>(x0);
}

}  // namespace

void set_psci_conduit(os::fdt::PsciConduit new_conduit) {
    conduit = new_conduit;
}

os::fdt::PsciConduit psci_conduit() {
    return conduit;
}

int64_t psci_call(PsciFunction function, uint64_t argument1, uint64_t argument2,
                  uint64_t argument3) {
    auto function_id = static_cast<uint64_t>(function);
    switch (conduit) {
        case os::fdt::PsciConduit::kHvc:
            return call_through_hvc(function_id, argument1, argument2, argument3);
        case os::fdt::PsciConduit::kSmc:
            return call_through_smc(function_id, argument1, argument2, argument3);
        case os::fdt::PsciConduit::kNone:
            break;
    }
    return kPsciNotSupported;
}

const char* psci_status_name(int64_t status) {
    switch (status) {
        case 0:
            return "success";
        case kPsciNotSupported:
            return "not supported";
        case kPsciInvalidParameters:
            return "invalid parameters";
        case kPsciDenied:
            return "denied";
        case kPsciAlreadyOn:
            return "already on";
        case kPsciOnPending:
            return "on pending";
        case kPsciInternalFailure:
            return "internal failure";
        case kPsciInvalidAddress:
            return "invalid address";
        default:
            return "unknown status";
    }
}

}  // namespace hal::aarch64
