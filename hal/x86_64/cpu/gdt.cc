#include "hal/x86_64/cpu/gdt.h"

#include <stddef.h>

#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/cpu/io_bitmap.h"
#include "kernel/debug/panic.h"

// In cpu/load_segments.S: lgdt, then reload CS (by a far return) and the
// data segment registers.
extern "C" void x86_64_load_gdt(const hal::x86_64::DescriptorTablePointer* pointer,
                                uint16_t code_selector, uint16_t data_selector);

namespace hal::x86_64 {
namespace {

// The 64-bit TSS is the first part of the CPU's CpuLocal (cpu/cpu_local.h):
// RSP0 is the kernel stack for traps from user mode, the IST the stacks of
// the double fault and NMI, and the I/O permission bitmap at the block's
// end denies all ports except the ones cpu/io_ports.cc opens for the
// running thread's process.

// Flat descriptors; in long mode only the access byte and the L/D bits count.
constexpr uint64_t kCodeDescriptor = 0x00af9b000000ffff;      // present, ring 0, code, L=1
constexpr uint64_t kDataDescriptor = 0x00cf93000000ffff;      // present, ring 0, writable data
constexpr uint64_t kUserCodeDescriptor = 0x00affb000000ffff;  // as kCodeDescriptor, DPL 3
constexpr uint64_t kUserDataDescriptor = 0x00cff3000000ffff;  // as kDataDescriptor, DPL 3
constexpr uint64_t kAvailableTaskStateType = 0x89;            // present, 64-bit TSS, not busy

constexpr size_t kInterruptStackSize = 8192;

// Every CPU has its own TSS (its own IST stacks: two CPUs may take a double
// fault or an NMI at once) and so its own GDT, whose TSS descriptor names it
// and whose busy bit ltr sets.
struct PerCpuTables {
    alignas(16) uint8_t double_fault_stack[kInterruptStackSize];
    alignas(16) uint8_t nmi_stack[kInterruptStackSize];
    // null, kernel code, kernel data, user data, user code, then the TSS
    // descriptor, which takes two slots (see gdt.h for the order).
    uint64_t gdt[7];
};
static_assert(kTaskStateSelector / 8 + 2 == sizeof(PerCpuTables::gdt) / sizeof(uint64_t));

PerCpuTables per_cpu_tables[kMaxCpus];

// The 16-byte system descriptor of a TSS at `base`, as its two GDT slots.
void write_task_state_descriptor(uint64_t* slots, uint64_t base, uint32_t limit) {
    slots[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (kAvailableTaskStateType << 40) |
               (static_cast<uint64_t>((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
    slots[1] = base >> 32;
}

uint64_t stack_top(uint8_t (&stack)[kInterruptStackSize]) {
    return reinterpret_cast<uint64_t>(stack + kInterruptStackSize);
}

}  // namespace

void load_gdt_and_task_state(uint32_t cpu) {
    KERNEL_ASSERT(cpu < kMaxCpus);
    PerCpuTables& tables = per_cpu_tables[cpu];
    CpuLocal& local = cpu_local(cpu);
    uint64_t* gdt = tables.gdt;
    local.interrupt_stacks[kDoubleFaultStack - 1] = stack_top(tables.double_fault_stack);
    local.interrupt_stacks[kNmiStack - 1] = stack_top(tables.nmi_stack);
    local.io_map_base = offsetof(CpuLocal, io_bitmap) - offsetof(CpuLocal, tss_reserved0);
    for (uint8_t& byte : local.io_bitmap)
        byte = 0xff;  // every port denied
    local.io_bitmap_end = 0xff;

    gdt[0] = 0;
    gdt[kKernelCodeSelector / 8] = kCodeDescriptor;
    gdt[kKernelDataSelector / 8] = kDataDescriptor;
    gdt[kUserDataSelector / 8] = kUserDataDescriptor;
    gdt[kUserCodeSelector / 8] = kUserCodeDescriptor;
    write_task_state_descriptor(
        &gdt[kTaskStateSelector / 8], reinterpret_cast<uint64_t>(&local.tss_reserved0),
        offsetof(CpuLocal, io_bitmap_end) - offsetof(CpuLocal, tss_reserved0));  // the last byte

    DescriptorTablePointer pointer{sizeof(tables.gdt) - 1, reinterpret_cast<uint64_t>(gdt)};
    x86_64_load_gdt(&pointer, kKernelCodeSelector, kKernelDataSelector);
    load_task_register(kTaskStateSelector);
}

uint8_t* io_permission_bitmap(uint32_t cpu) {
    return cpu_local(cpu).io_bitmap;
}

}  // namespace hal::x86_64
