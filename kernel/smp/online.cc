#include "kernel/smp/online.h"

#include "hal/cpu.h"

namespace kernel::smp {

uint64_t online_mask = 1;  // bit per CPU index; the boot CPU is 0
uint32_t online_count = 1;

uint64_t online_cpu_mask() {
    return __atomic_load_n(&online_mask, __ATOMIC_ACQUIRE);
}

uint32_t online_cpus() {
    return __atomic_load_n(&online_count, __ATOMIC_ACQUIRE);
}

bool is_online(uint32_t cpu) {
    return cpu < hal::kMaxCpus && (online_cpu_mask() >> cpu) & 1;
}

void mark_online(uint32_t cpu) {
    if (cpu >= hal::kMaxCpus) return;
    uint64_t bit = uint64_t{1} << cpu;
    if ((__atomic_fetch_or(&online_mask, bit, __ATOMIC_RELEASE) & bit) == 0) {
        __atomic_add_fetch(&online_count, 1, __ATOMIC_RELEASE);
    }
}

}  // namespace kernel::smp
