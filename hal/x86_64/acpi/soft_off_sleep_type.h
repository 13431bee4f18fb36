// The sleep type values for ACPI soft off (S5), from the DSDT's AML.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"
#include "kernel/lib/span.h"

namespace hal::x86_64::acpi {

// What to write into the SLP_TYP field of PM1a_CNT and PM1b_CNT.
struct SleepType {
    uint8_t pm1a = 0;
    uint8_t pm1b = 0;
};

// Finds the \_S5_ object in `aml` (a DSDT's body, after its header). There
// is no AML interpreter, so this recognises the one encoding firmware uses in
// practice, a named package of integer constants:
//
//   NameOp ['\'] "_S5_" PackageOp PkgLength NumElements SLP_TYPa SLP_TYPb ...
//
// Every read is bounds-checked. Fails with kNotFound if there is no such
// definition, kMalformed if it is cut short or a value does not fit SLP_TYP,
// and kUnsupported if the values are not integer constants.
os::ErrorOr<SleepType> find_soft_off_sleep_type(os::Bytes aml);

}  // namespace hal::x86_64::acpi
