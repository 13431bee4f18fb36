#include "hal/aarch64/psci.h"

namespace hal::aarch64 {
namespace {

os::fdt::PsciConduit conduit = os::fdt::PsciConduit::kNone;

// The SMC Calling Convention: function ID in x0, result in x0. Firmware that
// implements only SMCCC 1.0 may clobber x1-x17.
#define SMCCC_CLOBBERS                                                                       \
    "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", \
        "x15", "x16", "x17", "memory"

int64_t call_through_hvc(uint64_t function_id) {
    register uint64_t x0 asm("x0") = function_id;
    asm volatile("hvc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
    return static_cast<int64_t>(x0);
}

int64_t call_through_smc(uint64_t function_id) {
    register uint64_t x0 asm("x0") = function_id;
    asm volatile("smc #0" : "+r"(x0) : : SMCCC_CLOBBERS);
    return static_cast<int64_t>(x0);
}

}  // namespace

void set_psci_conduit(os::fdt::PsciConduit new_conduit) {
    conduit = new_conduit;
}

os::fdt::PsciConduit psci_conduit() {
    return conduit;
}

int64_t psci_call(PsciFunction function) {
    auto function_id = static_cast<uint64_t>(function);
    switch (conduit) {
        case os::fdt::PsciConduit::kHvc:
            return call_through_hvc(function_id);
        case os::fdt::PsciConduit::kSmc:
            return call_through_smc(function_id);
        case os::fdt::PsciConduit::kNone:
            break;
    }
    return kPsciNotSupported;
}

}  // namespace hal::aarch64
