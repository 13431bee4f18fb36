#include "hal/riscv64/interrupts/plic.h"

#include "hal/cpu.h"
#include "hal/riscv64/boot_platform.h"
#include "hal/riscv64/harts.h"
#include "hal/riscv64/interrupts/interrupt_trap.h"
#include "hal/riscv64/mmu/early_mappings.h"
#include "kernel/debug/print.h"

namespace hal::riscv64 {
namespace {

using hal::irq::Line;
using os::fdt::Node;

// The register map (PLIC specification v1.0.0, "Memory Map").
constexpr uint64_t kPriorityOffset = 0x0;  // 4 bytes per source
constexpr uint64_t kEnableOffset = 0x2000;
constexpr uint64_t kEnableStride = 0x80;  // per context: 1024 bits
constexpr uint64_t kContextOffset = 0x200000;
constexpr uint64_t kContextStride = 0x1000;  // threshold at +0, claim/complete at +4
constexpr uint32_t kMaxSources = 1023;       // the specification's limit
constexpr uint32_t kMaxContexts = 15872;
constexpr uint32_t kClaimWord = 1;  // in the context page, after the threshold

// The IRQ a context's interrupts-extended entry names on the hart's local
// controller: 9 = supervisor external interrupt (11 would be M-mode's).
constexpr uint32_t kSupervisorExternalIrq = 9;

struct Found {
    uint64_t base = 0;
    uint64_t size = 0;
    uint32_t source_count = 0;
    uint32_t context = 0;
};

bool is_plic(const Node& node) {
    return node.is_enabled() &&
           (node.is_compatible("sifive,plic-1.0.0") || node.is_compatible("riscv,plic0"));
}

// The index of the interrupts-extended entry that targets the local
// interrupt controller with phandle `wanted` (a hart's) with the supervisor
// external IRQ: that entry's index is the context number. Each entry is a
// phandle followed by as many cells as the target's #interrupt-cells.
os::ErrorOr<uint32_t> find_context(const Node& plic, uint32_t wanted) {
    os::fdt::CellReader cells = TRY(plic.property("interrupts-extended")).cells();
    for (uint32_t context = 0; !cells.at_end(); ++context) {
        auto phandle = static_cast<uint32_t>(TRY(cells.read(1)));
        Node target = TRY(node_with_phandle(phandle));
        uint32_t irq_cells = TRY(TRY(target.property("#interrupt-cells")).as_u32());
        if (irq_cells == 0 || irq_cells > cells.remaining()) return os::Error::kMalformed;
        uint64_t irq = TRY(cells.read(1));
        for (uint32_t extra = 1; extra < irq_cells; ++extra)
            (void)TRY(cells.read(1));
        if (phandle == wanted && irq == kSupervisorExternalIrq) return context;
    }
    return os::Error::kNotFound;
}

// The PLIC that has an S-mode context for the hart whose interrupt
// controller has phandle `wanted`: with several NUMA nodes QEMU's virt
// board gives each node its own PLIC, and the boot hart may be on any.
os::ErrorOr<Node> find_plic_node(const os::fdt::DeviceTree& tree, uint32_t wanted) {
    Node found;
    bool any = false;
    tree.for_each_node([&](const Node& node) {
        if (!is_plic(node) || find_context(node, wanted).is_error()) {
            return os::fdt::IterationDecision::kContinue;
        }
        found = node;
        any = true;
        return os::fdt::IterationDecision::kBreak;
    });
    if (!any) return os::Error::kNotFound;
    return found;
}

// The S-mode context of hart `hart_id`; its claim register must lie inside
// the PLIC's registers.
// The PLIC this driver runs: the boot hart's (see find_plic()). Harts that
// another PLIC serves get kNotFound and no external interrupts.
Node driven_plic;

os::ErrorOr<uint32_t> find_hart_context(uint64_t hart_id, uint64_t plic_size) {
    uint32_t controller = TRY(hart_interrupt_controller(hart_id));
    uint32_t context = TRY(find_context(driven_plic, controller));
    if (context >= kMaxContexts ||
        plic_size < kContextOffset + (uint64_t{context} + 1) * kContextStride)
        return os::Error::kMalformed;
    return context;
}

os::ErrorOr<Found> find_plic() {
    const os::fdt::DeviceTree& tree = boot_device_tree();
    Node plic = TRY(find_plic_node(tree, TRY(hart_interrupt_controller(boot_hart_id()))));
    driven_plic = plic;
    Found found;
    os::fdt::RegEntry reg = TRY(plic.reg(0));
    found.base = TRY(tree.translate_address(plic, reg.address));
    found.size = reg.size;
    found.source_count = TRY(TRY(plic.property("riscv,ndev")).as_u32());
    if (found.source_count == 0 || found.source_count > kMaxSources) return os::Error::kMalformed;
    found.context = TRY(find_hart_context(boot_hart_id(), found.size));
    return found;
}

// Orders device-register accesses on both sides (the "io" of fence): the
// handler's writes to its device (say, clearing the interrupt there) reach
// it before the completion, and the claim before the handler's reads.
inline void io_fence() {
    asm volatile("fence iorw, iorw" ::: "memory");
}

volatile uint32_t* map_registers(uint64_t physical, size_t size) {
    return static_cast<volatile uint32_t*>(mmu::map_device(physical, size));
}

size_t enable_words(uint32_t source_count) {
    return source_count / 32 + 1;
}

}  // namespace

Line Plic::line_count() const {
    return source_count_ == 0 ? 0 : source_count_ + 1;
}

os::ErrorOr<void> Plic::initialize() {
    Found found = TRY(find_plic());
    // The PLIC spans 64 MiB of address space; map only the pages used.
    priorities_ =
        map_registers(found.base + kPriorityOffset, (uint64_t{found.source_count} + 1) * 4);
    if (priorities_ == nullptr) return os::Error::kNoSpace;
    base_ = found.base;
    size_ = found.size;
    source_count_ = found.source_count;
    TRY(add_cpu(0, boot_hart_id()));
    start_this_cpu();
    for (Line source = 1; source <= source_count_; ++source)
        priorities_[source] = 0;
    // The hart takes external interrupts (the PLIC) and software ones (IPIs)
    // from now on, once sstatus.SIE allows; timer.cc enables the timer's.
    enable_interrupt_source(kSupervisorExternalInterrupt);
    enable_interrupt_source(kSupervisorSoftwareInterrupt);
    kernel::print("riscv64: PLIC at 0x%llx, %u sources, boot hart context %u\n",
                  static_cast<unsigned long long>(found.base), source_count_, contexts_[0].number);
    return {};
}

os::ErrorOr<void> Plic::add_cpu(uint32_t cpu, uint64_t hart_id) {
    if (cpu >= hal::kMaxCpus || source_count_ == 0) return os::Error::kInvalidArgument;
    uint32_t number = TRY(find_hart_context(hart_id, size_));
    size_t words = enable_words(source_count_);
    Context& context = contexts_[cpu];
    context.number = number;
    context.enables = map_registers(base_ + kEnableOffset + number * kEnableStride, words * 4);
    context.threshold = map_registers(base_ + kContextOffset + number * kContextStride, 8);
    if (context.enables == nullptr || context.threshold == nullptr) return os::Error::kNoSpace;
    return {};
}

void Plic::start_this_cpu() {
    uint32_t cpu = hal::current_cpu_index();
    if (cpu >= hal::kMaxCpus || contexts_[cpu].threshold == nullptr) return;
    Context& context = contexts_[cpu];
    // The firmware's hart start-up (OpenSBI's warm init) reprograms the
    // context, threshold included: only the hart itself, once running,
    // knows that it is done.
    hal::InterruptState state = lock();
    for (size_t word = 0; word < enable_words(source_count_); ++word)
        context.enables[word] = 0;
    unlock(state);
    // Every source with a priority above the threshold reaches the hart.
    *context.threshold = 0;
    __atomic_store_n(&context.online, true, __ATOMIC_RELEASE);
}

Plic::Context& Plic::this_cpu_context() {
    uint32_t cpu = hal::current_cpu_index();
    return contexts_[cpu < hal::kMaxCpus ? cpu : 0];
}

// The priority is written under the lock with the enable bit: an enable on
// one CPU (a user driver's irq_ack) racing a disable on another (the
// kernel masking the line at interrupt time) must not end with the bit set
// and the priority 0, a line that is on but can never fire.
os::ErrorOr<void> Plic::enable(Line line) {
    if (!is_valid(line)) return os::Error::kInvalidArgument;
    hal::InterruptState state = lock();
    priorities_[line] = 1;
    set_enable_bit(contexts_[targets_[line]], line, true);
    unlock(state);
    return {};
}

os::ErrorOr<void> Plic::disable(Line line) {
    if (!is_valid(line)) return os::Error::kInvalidArgument;
    hal::InterruptState state = lock();
    set_enable_bit(contexts_[targets_[line]], line, false);
    priorities_[line] = 0;
    unlock(state);
    return {};
}

bool Plic::acknowledge(Line* line) {
    Context& context = this_cpu_context();
    if (context.threshold == nullptr) return false;
    uint32_t claimed = context.threshold[kClaimWord];
    io_fence();
    if (claimed == 0) return false;
    *line = claimed;
    return true;
}

void Plic::end_of_interrupt(Line line) {
    Context& context = this_cpu_context();
    if (!is_valid(line) || context.threshold == nullptr) return;
    io_fence();
    // The specification lets a PLIC ignore the completion of a source that
    // is not enabled for the context, which would leave the source's gateway
    // closed for good; kernel::handle_interrupt() disables unexpected lines
    // before this (and set_affinity() may have moved the line meanwhile).
    // Re-enable such a line around the completion: its priority is 0, or it
    // belongs to another context, so it cannot be delivered here meanwhile.
    hal::InterruptState state = lock();
    if (!enable_bit(context, line)) {
        set_enable_bit(context, line, true);
        context.threshold[kClaimWord] = line;
        set_enable_bit(context, line, false);
    } else {
        context.threshold[kClaimWord] = line;
    }
    unlock(state);
}

os::ErrorOr<void> Plic::set_affinity(Line line, uint32_t cpu) {
    if (!is_valid(line) || !has_context(cpu)) return os::Error::kInvalidArgument;
    hal::InterruptState state = lock();
    Context& from = contexts_[targets_[line]];
    if (enable_bit(from, line)) {
        set_enable_bit(from, line, false);
        set_enable_bit(contexts_[cpu], line, true);
    }
    targets_[line] = static_cast<uint8_t>(cpu);
    unlock(state);
    return {};
}

bool Plic::enable_bit(const Context& context, Line line) {
    return (context.enables[line / 32] >> (line % 32) & 1) != 0;
}

void Plic::set_enable_bit(Context& context, Line line, bool enabled) {
    uint32_t bit = uint32_t{1} << (line % 32);
    uint32_t word = context.enables[line / 32];
    context.enables[line / 32] = enabled ? word | bit : word & ~bit;
}

hal::InterruptState Plic::lock() {
    hal::InterruptState state = hal::disable_interrupts();
    while (__atomic_exchange_n(&enables_locked_, true, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&enables_locked_, __ATOMIC_RELAXED))
            hal::spin_pause();
    }
    return state;
}

void Plic::unlock(hal::InterruptState state) {
    __atomic_store_n(&enables_locked_, false, __ATOMIC_RELEASE);
    hal::restore_interrupts(state);
}

}  // namespace hal::riscv64
