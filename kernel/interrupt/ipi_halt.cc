// halt_other_cpus() (see ipi.h), apart from ipi.cc because it needs the
// clock, which host tests of the rest do not have.
#include "hal/cpu.h"
#include "hal/timer.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/interrupt/ipi_internal.h"
#include "kernel/smp/online.h"

namespace kernel::interrupt {

CpuMask halt_other_cpus(uint64_t timeout_ns) {
    const uint32_t self = hal::current_cpu_index();
    CpuMask others = smp::online_cpu_mask() & ~(CpuMask{1} << self);
    for (CpuMask left = others; left != 0; left &= left - 1) {
        (void)post(static_cast<uint32_t>(__builtin_ctzll(left)), Reason::kHalt);
    }
    uint64_t start = hal::timer::monotonic_ns();
    while ((halted_cpus() & others) != others && hal::timer::monotonic_ns() - start < timeout_ns) {
        hal::spin_pause();
    }
    return halted_cpus() & others;
}

}  // namespace kernel::interrupt
