#include "hal/x86_64/interrupts/apic_controller.h"

#include "hal/cpu.h"
#include "hal/interrupts.h"
#include "hal/x86_64/acpi/interrupt_controllers.h"
#include "hal/x86_64/acpi/tables.h"
#include "hal/x86_64/interrupts/io_apic.h"
#include "hal/x86_64/interrupts/legacy_pic.h"
#include "hal/x86_64/interrupts/local_apic.h"
#include "hal/x86_64/interrupts/vectors.h"
#include "kernel/debug/print.h"

namespace hal::x86_64 {
namespace {

// Guards the I/O APICs' select/window register pairs and the CPU table
// against other CPUs; the caller has masked interrupts on this one.
class RegisterLock {
public:
    void lock() {
        while (__atomic_exchange_n(&locked_, true, __ATOMIC_ACQUIRE))
            hal::spin_pause();
    }
    void unlock() { __atomic_store_n(&locked_, false, __ATOMIC_RELEASE); }

private:
    bool locked_ = false;
};

class Guard {
public:
    explicit Guard(RegisterLock& lock) : lock_(lock), saved_(hal::disable_interrupts()) {
        lock_.lock();
    }
    ~Guard() {
        lock_.unlock();
        hal::restore_interrupts(saved_);
    }

private:
    RegisterLock& lock_;
    hal::InterruptState saved_;
};

class ApicController final : public hal::irq::InterruptController {
public:
    const char* name() const override { return "ioapic+lapic"; }
    hal::irq::Line line_count() const override { return line_count_; }
    os::ErrorOr<void> initialize() override;
    os::ErrorOr<void> enable(hal::irq::Line line) override;
    os::ErrorOr<void> disable(hal::irq::Line line) override;
    bool acknowledge(hal::irq::Line* line) override;
    void end_of_interrupt(hal::irq::Line line) override;
    os::ErrorOr<void> set_affinity(hal::irq::Line line, uint32_t cpu) override;

    os::ErrorOr<void> mark_started(uint32_t cpu);
    bool apic_id_of(uint32_t cpu, uint32_t* apic_id) const;
    bool started(uint32_t cpu) const;
    os::ErrorOr<uint32_t> gsi_of_isa_irq(uint32_t irq) const;

private:
    IoApic* io_apic_for(hal::irq::Line line);
    void build_cpu_table();

    acpi::InterruptControllers madt_;
    IoApic io_apics_[acpi::kMaxIoApics];
    uint32_t io_apic_count_ = 0;
    hal::irq::Line line_count_ = 0;
    uint32_t cpu_apic_ids_[kMaxCpus];
    bool cpu_started_[kMaxCpus] = {};
    uint32_t cpu_count_ = 0;
    RegisterLock lock_;
};

os::ErrorOr<void> ApicController::initialize() {
    // The PICs first: whatever else fails, they must not deliver on the
    // exception vectors once interrupts are enabled.
    legacy_pic::remap_and_mask(kLegacyPicFirstVector);

    const acpi::TableHeader* table = acpi::find_table("APIC");
    if (table == nullptr) return os::Error::kNotFound;
    auto bytes = os::Bytes(reinterpret_cast<const unsigned char*>(table), table->length);
    if (auto parsed = acpi::parse_interrupt_controllers(bytes, &madt_); parsed.is_error()) {
        kernel::print("interrupts: MADT rejected (%s)\n", os::to_string(parsed.error()));
        return parsed.error();
    }
    if (madt_.io_apic_count == 0) return os::Error::kNotFound;

    if (auto result = local_apic::initialize(madt_.local_apic_address); result.is_error()) {
        return result.error();
    }
    build_cpu_table();

    uint32_t gsi_end = 0;
    for (uint32_t index = 0; index < madt_.io_apic_count; ++index) {
        IoApic& io_apic = io_apics_[index];
        if (auto result = io_apic.initialize(madt_.io_apics[index]); result.is_error()) {
            return result.error();
        }
        uint32_t end = io_apic.gsi_base() + io_apic.input_count();
        if (end > gsi_end) gsi_end = end;
    }
    io_apic_count_ = madt_.io_apic_count;
    // Lines beyond the device vectors cannot be told apart: not offered.
    line_count_ = gsi_end < kMaxDeviceLines ? gsi_end : kMaxDeviceLines;

    // Every line gets its vector, mode and the boot CPU as destination now,
    // masked, so enable() only flips the mask bit.
    for (hal::irq::Line line = 0; line < line_count_; ++line) {
        IoApic* io_apic = io_apic_for(line);
        if (io_apic == nullptr) continue;
        io_apic->program(line, kFirstDeviceVector + line, acpi::gsi_mode(madt_, line),
                         cpu_apic_ids_[0], true);
    }
    kernel::print(
        "interrupts: local APIC %u at 0x%llx, %u I/O APIC(s), %u GSIs, %u CPU(s) in the "
        "MADT\n",
        cpu_apic_ids_[0], static_cast<unsigned long long>(madt_.local_apic_address), io_apic_count_,
        line_count_, cpu_count_);
    return {};
}

// CPU 0 is the one running this; the MADT's other processors follow.
void ApicController::build_cpu_table() {
    uint32_t boot_apic_id = local_apic::id();
    cpu_apic_ids_[0] = boot_apic_id;
    cpu_started_[0] = true;
    cpu_count_ = 1;
    for (uint32_t index = 0; index < madt_.processor_count && cpu_count_ < kMaxCpus; ++index) {
        uint32_t apic_id = madt_.processor_apic_ids[index];
        // xAPIC mode addresses 8-bit IDs only.
        if (apic_id == boot_apic_id || apic_id > 0xfe) continue;
        cpu_apic_ids_[cpu_count_++] = apic_id;
    }
}

IoApic* ApicController::io_apic_for(hal::irq::Line line) {
    if (line >= line_count_) return nullptr;
    for (uint32_t index = 0; index < io_apic_count_; ++index) {
        if (io_apics_[index].serves(line)) return &io_apics_[index];
    }
    return nullptr;  // a gap between I/O APICs' ranges
}

os::ErrorOr<void> ApicController::enable(hal::irq::Line line) {
    IoApic* io_apic = io_apic_for(line);
    if (io_apic == nullptr) return os::Error::kInvalidArgument;
    Guard guard(lock_);
    io_apic->set_masked(line, false);
    return {};
}

os::ErrorOr<void> ApicController::disable(hal::irq::Line line) {
    IoApic* io_apic = io_apic_for(line);
    if (io_apic == nullptr) return os::Error::kInvalidArgument;
    Guard guard(lock_);
    io_apic->set_masked(line, true);
    return {};
}

// The local APIC marked the vector in service when the CPU took it; with
// interrupts masked since, it is the highest one in service.
bool ApicController::acknowledge(hal::irq::Line* line) {
    uint32_t vector = local_apic::in_service_vector();
    if (vector < kFirstDeviceVector || vector >= kFirstDeviceVector + line_count_) return false;
    *line = vector - kFirstDeviceVector;
    return true;
}

// Also ends a level-triggered line's cycle at its I/O APIC: the local APIC
// broadcasts the EOI to them.
void ApicController::end_of_interrupt(hal::irq::Line) {
    local_apic::end_of_interrupt();
}

os::ErrorOr<void> ApicController::set_affinity(hal::irq::Line line, uint32_t cpu) {
    IoApic* io_apic = io_apic_for(line);
    if (io_apic == nullptr || !started(cpu)) return os::Error::kInvalidArgument;
    Guard guard(lock_);
    io_apic->set_destination(line, cpu_apic_ids_[cpu]);
    return {};
}

os::ErrorOr<void> ApicController::mark_started(uint32_t cpu) {
    if (cpu >= cpu_count_) return os::Error::kInvalidArgument;
    __atomic_store_n(&cpu_started_[cpu], true, __ATOMIC_RELEASE);
    return {};
}

bool ApicController::apic_id_of(uint32_t cpu, uint32_t* apic_id) const {
    if (cpu >= cpu_count_) return false;
    *apic_id = cpu_apic_ids_[cpu];
    return true;
}

bool ApicController::started(uint32_t cpu) const {
    return cpu < cpu_count_ && __atomic_load_n(&cpu_started_[cpu], __ATOMIC_ACQUIRE);
}

os::ErrorOr<uint32_t> ApicController::gsi_of_isa_irq(uint32_t irq) const {
    if (irq >= acpi::kIsaIrqCount) return os::Error::kInvalidArgument;
    return madt_.isa[irq].gsi;
}

ApicController the_controller;

}  // namespace

os::ErrorOr<void> mark_cpu_started(uint32_t cpu) {
    return the_controller.mark_started(cpu);
}

bool apic_id_of_cpu(uint32_t cpu, uint32_t* apic_id) {
    return the_controller.apic_id_of(cpu, apic_id);
}

os::ErrorOr<uint32_t> gsi_of_isa_irq(uint32_t irq) {
    return the_controller.gsi_of_isa_irq(irq);
}

}  // namespace hal::x86_64

namespace hal::irq {

InterruptController& controller() {
    return x86_64::the_controller;
}

os::ErrorOr<void> send_ipi(uint32_t cpu) {
    using namespace x86_64;
    uint32_t apic_id;
    if (!the_controller.started(cpu) || !the_controller.apic_id_of(cpu, &apic_id)) {
        return os::Error::kInvalidArgument;
    }
    hal::InterruptState saved = hal::disable_interrupts();
    local_apic::send_fixed_ipi(apic_id, kIpiVector);
    hal::restore_interrupts(saved);
    return {};
}

void enable_interrupts() {
    asm volatile("sti" ::: "memory");
}

}  // namespace hal::irq
