#include "hal/x86_64/cpu/cpu_local.h"

#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/instructions.h"
#include "kernel/debug/panic.h"

namespace hal::x86_64 {
namespace {

constexpr uint32_t kMsrGsBase = 0xc0000101;
constexpr uint32_t kMsrKernelGsBase = 0xc0000102;

// Cache-line aligned, so that no two CPUs write the same line.
struct alignas(64) PaddedCpuLocal {
    CpuLocal local;
};

PaddedCpuLocal cpu_locals[kMaxCpus];

}  // namespace

CpuLocal& cpu_local(uint32_t cpu) {
    KERNEL_ASSERT(cpu < kMaxCpus);
    return cpu_locals[cpu].local;
}

void install_cpu_local(uint32_t cpu) {
    KERNEL_ASSERT(cpu < kMaxCpus);
    cpu_locals[cpu].local.index = cpu;
    cpu_locals[cpu].local.self = &cpu_locals[cpu].local;
    write_msr(kMsrGsBase, reinterpret_cast<uint64_t>(&cpu_locals[cpu].local));
    // The user's GS base, which the first swapgs on the way to user mode
    // brings in.
    write_msr(kMsrKernelGsBase, 0);
}

}  // namespace hal::x86_64
