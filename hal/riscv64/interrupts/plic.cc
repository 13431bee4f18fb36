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

os::ErrorOr<Node> find_plic_node(const os::fdt::DeviceTree& tree) {
    auto node = tree.find_compatible_node("sifive,plic-1.0.0");
    if (!node.is_error()) return node.release_value();
    return tree.find_compatible_node("riscv,plic0");
}

// The index of the interrupts-extended entry that targets the boot hart's
// local interrupt controller with the supervisor external IRQ: that entry's
// index is the context number. Each entry is a phandle followed by as many
// cells as the target's #interrupt-cells.
os::ErrorOr<uint32_t> find_boot_hart_context(const Node& plic) {
    uint32_t wanted = TRY(boot_hart_interrupt_controller());
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

os::ErrorOr<Found> find_plic() {
    const os::fdt::DeviceTree& tree = boot_device_tree();
    Node plic = TRY(find_plic_node(tree));
    Found found;
    os::fdt::RegEntry reg = TRY(plic.reg(0));
    found.base = TRY(tree.translate_address(plic, reg.address));
    found.size = reg.size;
    found.source_count = TRY(TRY(plic.property("riscv,ndev")).as_u32());
    if (found.source_count == 0 || found.source_count > kMaxSources) return os::Error::kMalformed;
    found.context = TRY(find_boot_hart_context(plic));
    // The context's claim register must lie inside the PLIC's registers.
    if (found.context >= kMaxContexts ||
        found.size < kContextOffset + (uint64_t{found.context} + 1) * kContextStride)
        return os::Error::kMalformed;
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

}  // namespace

Line Plic::line_count() const {
    return source_count_ == 0 ? 0 : source_count_ + 1;
}

os::ErrorOr<void> Plic::initialize() {
    Found found = TRY(find_plic());
    // The PLIC spans 64 MiB of address space; map only the pages used.
    size_t enable_words = found.source_count / 32 + 1;
    priorities_ =
        map_registers(found.base + kPriorityOffset, (uint64_t{found.source_count} + 1) * 4);
    enables_ =
        map_registers(found.base + kEnableOffset + found.context * kEnableStride, enable_words * 4);
    threshold_ = map_registers(found.base + kContextOffset + found.context * kContextStride, 8);
    if (priorities_ == nullptr || enables_ == nullptr || threshold_ == nullptr)
        return os::Error::kNoSpace;
    source_count_ = found.source_count;
    context_ = found.context;

    for (size_t word = 0; word < enable_words; ++word)
        enables_[word] = 0;
    for (Line source = 1; source <= source_count_; ++source)
        priorities_[source] = 0;
    // Every source with a priority above the threshold reaches the hart.
    *threshold_ = 0;
    // The hart takes external interrupts (the PLIC) and software ones (IPIs)
    // from now on, once sstatus.SIE allows; timer.cc enables the timer's.
    enable_interrupt_source(kSupervisorExternalInterrupt);
    enable_interrupt_source(kSupervisorSoftwareInterrupt);
    kernel::print("riscv64: PLIC at 0x%llx, %u sources, boot hart context %u\n",
                  static_cast<unsigned long long>(found.base), source_count_, context_);
    return {};
}

os::ErrorOr<void> Plic::enable(Line line) {
    if (!is_valid(line)) return os::Error::kInvalidArgument;
    priorities_[line] = 1;
    set_enable_bit(line, true);
    return {};
}

os::ErrorOr<void> Plic::disable(Line line) {
    if (!is_valid(line)) return os::Error::kInvalidArgument;
    set_enable_bit(line, false);
    priorities_[line] = 0;
    return {};
}

bool Plic::acknowledge(Line* line) {
    if (threshold_ == nullptr) return false;
    uint32_t claimed = threshold_[kClaimWord];
    io_fence();
    if (claimed == 0) return false;
    *line = claimed;
    return true;
}

void Plic::end_of_interrupt(Line line) {
    if (!is_valid(line)) return;
    io_fence();
    // The specification lets a PLIC ignore the completion of a source that
    // is not enabled for the context, which would leave the source's gateway
    // closed for good; kernel::handle_interrupt() disables unexpected lines
    // before this. Re-enable such a line around the completion: its priority
    // is 0, so it cannot be delivered meanwhile.
    if (!enable_bit(line)) {
        set_enable_bit(line, true);
        threshold_[kClaimWord] = line;
        set_enable_bit(line, false);
        return;
    }
    threshold_[kClaimWord] = line;
}

os::ErrorOr<void> Plic::set_affinity(Line line, uint32_t cpu) {
    if (!is_valid(line) || cpu != 0) return os::Error::kInvalidArgument;
    return {};  // every enabled line already goes to the boot hart's context
}

bool Plic::enable_bit(Line line) const {
    return (enables_[line / 32] >> (line % 32) & 1) != 0;
}

void Plic::set_enable_bit(Line line, bool enabled) {
    hal::InterruptState state = hal::disable_interrupts();
    while (__atomic_exchange_n(&enables_locked_, true, __ATOMIC_ACQUIRE)) {
        while (__atomic_load_n(&enables_locked_, __ATOMIC_RELAXED))
            hal::spin_pause();
    }
    uint32_t bit = uint32_t{1} << (line % 32);
    uint32_t word = enables_[line / 32];
    enables_[line / 32] = enabled ? word | bit : word & ~bit;
    __atomic_store_n(&enables_locked_, false, __ATOMIC_RELEASE);
    hal::restore_interrupts(state);
}

}  // namespace hal::riscv64
