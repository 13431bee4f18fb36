#include "hal/common/global_constructors.h"

extern "C" {
using GlobalConstructor = void (*)();
extern const GlobalConstructor __init_array_start[];
extern const GlobalConstructor __init_array_end[];
}

namespace hal {

void run_global_constructors() {
    for (const GlobalConstructor* constructor = __init_array_start; constructor != __init_array_end;
         ++constructor) {
        (*constructor)();
    }
}

}  // namespace hal
