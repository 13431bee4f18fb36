#include "hal/x86_64/cpu/idt.h"

#include <stdint.h>

#include "hal/x86_64/cpu/exception_frame.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/instructions.h"

// In cpu/exception_entry.S.
extern "C" const uint64_t x86_64_exception_stubs[hal::x86_64::kExceptionVectorCount];
extern "C" const uint64_t x86_64_interrupt_stubs[256 - hal::x86_64::kExceptionVectorCount];

namespace hal::x86_64 {
namespace {

struct [[gnu::packed]] InterruptGate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t interrupt_stack;  // IST slot, 0 = stay on the current stack
    uint8_t type_attributes;
    uint16_t offset_middle;
    uint32_t offset_high;
    uint32_t reserved;
};
static_assert(sizeof(InterruptGate) == 16);

// Present, ring 0, 64-bit interrupt gate: the CPU clears IF on entry, so a
// handler is never interrupted before it can save anything.
constexpr uint8_t kInterruptGateType = 0x8e;
// The same gate callable from ring 3: `int3` and `into` raise #BP and #OF
// as software interrupts, which check the gate's DPL (a DPL 0 gate would
// turn them into #GP). Every other vector stays DPL 0, so user code cannot
// fake interrupts or exceptions with `int n`.
constexpr uint8_t kUserCallableGateType = 0xee;

constexpr int kVectorCount = 256;
constexpr uint64_t kNmiVector = 2;
constexpr uint64_t kDoubleFaultVector = 8;
constexpr uint64_t kBreakpointVector = 3;
constexpr uint64_t kOverflowVector = 4;

InterruptGate idt[kVectorCount];

InterruptGate make_gate(uint64_t handler, uint8_t interrupt_stack,
                        uint8_t type_attributes = kInterruptGateType) {
    return InterruptGate{
        .offset_low = static_cast<uint16_t>(handler),
        .selector = kKernelCodeSelector,
        .interrupt_stack = interrupt_stack,
        .type_attributes = type_attributes,
        .offset_middle = static_cast<uint16_t>(handler >> 16),
        .offset_high = static_cast<uint32_t>(handler >> 32),
        .reserved = 0,
    };
}

uint8_t interrupt_stack_for(uint64_t vector) {
    if (vector == kDoubleFaultVector) return kDoubleFaultStack;
    if (vector == kNmiVector) return kNmiStack;
    return 0;
}

}  // namespace

void load_idt() {
    for (int vector = 0; vector < kExceptionVectorCount; ++vector) {
        bool user_callable = vector == kBreakpointVector || vector == kOverflowVector;
        idt[vector] = make_gate(x86_64_exception_stubs[vector], interrupt_stack_for(vector),
                                user_callable ? kUserCallableGateType : kInterruptGateType);
    }
    for (int vector = kExceptionVectorCount; vector < kVectorCount; ++vector) {
        idt[vector] = make_gate(x86_64_interrupt_stubs[vector - kExceptionVectorCount], 0);
    }
    load_idt_on_this_cpu();
}

void load_idt_on_this_cpu() {
    DescriptorTablePointer pointer{sizeof(idt) - 1, reinterpret_cast<uint64_t>(idt)};
    load_interrupt_descriptor_table(pointer);
}

}  // namespace hal::x86_64
