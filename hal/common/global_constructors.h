// C++ global constructors, which linker.ld collects between __init_array_start
// and __init_array_end. There is no C runtime to run them: the boot code calls
// this once, before the first global object is used.
#pragma once

namespace hal {

void run_global_constructors();

}  // namespace hal
