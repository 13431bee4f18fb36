#include "hal/x86_64/cpu/cpu_local.h"

#include "hal/x86_64/cpu/instructions.h"
#include "kernel/debug/panic.h"

namespace hal::x86_64 {
namespace {

constexpr uint32_t kMsrGsBase = 0xc0000101;

// A cache line each, so that no two CPUs write the same line.
struct alignas(64) PaddedCpuLocal {
    CpuLocal local;
};

PaddedCpuLocal cpu_locals[kMaxCpus];

}  // namespace

void install_cpu_local(uint32_t cpu) {
    KERNEL_ASSERT(cpu < kMaxCpus);
    cpu_locals[cpu].local.index = cpu;
    write_msr(kMsrGsBase, reinterpret_cast<uint64_t>(&cpu_locals[cpu].local));
}

}  // namespace hal::x86_64
