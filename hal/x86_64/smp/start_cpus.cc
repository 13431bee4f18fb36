// hal::smp::start_secondary_cpus() on PCs.
//
// The boot CPU starts the others one at a time, in the interrupt code's CPU
// order (apic_id_of_cpu: the MADT's enabled processors), each with the
// classic sequence: INIT, 10 ms, startup IPI, 200 us, a second startup IPI
// if the CPU has not shown up yet. The startup IPI names the trampoline page
// (reserve_trampoline_page); the trampoline reads its parameter block there,
// so the next CPU is started only once this one has left the trampoline.
//
// Bring-up page tables: a startup IPI leaves the CPU in real mode, and the
// trampoline must turn paging on while executing from its own low physical
// address, which the kernel's root no longer maps (its lower half is empty).
// So the boot CPU builds a small root of its own here (in .bss, below 4 GiB
// as the 32-bit CR3 load needs) that identity-maps physical 0-2 MiB with one
// 2 MiB page and shares the kernel root's upper-half entries, so the CPU can
// jump straight to the higher half. x86_64_secondary_entry then loads the
// kernel root itself; nothing ever changes the kernel's root to add a
// temporary identity map.
#include "hal/x86_64/smp/start_cpus.h"

#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/smp.h"
#include "hal/timer.h"
#include "hal/x86_64/cpu/cpu_local.h"
#include "hal/x86_64/cpu/features.h"
#include "hal/x86_64/cpu/gdt.h"
#include "hal/x86_64/cpu/idt.h"
#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/cpu/syscall.h"
#include "hal/x86_64/interrupts/apic_controller.h"
#include "hal/x86_64/interrupts/local_apic.h"
#include "hal/x86_64/memory_layout.h"
#include "hal/x86_64/mmu/paging.h"
#include "hal/x86_64/smp/trampoline.h"
#include "kernel/debug/panic.h"
#include "kernel/debug/print.h"

extern "C" [[noreturn]] void x86_64_secondary_entry(uint64_t cpu);

namespace hal::x86_64 {
namespace {

constexpr uint64_t kPageSize = 4096;
constexpr uint64_t kRealModeMemoryEnd = 0xa0000;  // 640 KiB: the EBDA and ROMs follow
constexpr uint64_t kNanosecondsPerMillisecond = 1000000;
constexpr uint64_t kInitDelayNs = 10 * kNanosecondsPerMillisecond;
constexpr uint64_t kStartupDelayNs = 200000;
constexpr uint64_t kStartTimeoutNs = 1000 * kNanosecondsPerMillisecond;
constexpr size_t kStackSize = 16384;

// The physical trampoline page; 0 if none was found.
uint64_t trampoline_page = 0;

alignas(kPageSize) uint64_t bring_up_root[paging::kEntriesPerTable];
alignas(kPageSize) uint64_t bring_up_pdpt[paging::kEntriesPerTable];
alignas(kPageSize) uint64_t bring_up_directory[paging::kEntriesPerTable];

// The stacks secondary CPUs start on (CPU n uses entry n - 1); the boot CPU
// has boot.S's.
alignas(16) uint8_t stacks[kMaxCpus - 1][kStackSize];

// Where the CPU being started is; written by it, read by the boot CPU.
enum class Progress : uint32_t {
    kWaiting,  // not out of the trampoline yet
    kArrived,  // in C++ on the kernel's tables: the trampoline is free again
    kReady,    // local APIC and timer set up, marked started
    kFailed,   // reported why and stopped
};
uint32_t progress = static_cast<uint32_t>(Progress::kWaiting);

Progress current_progress() {
    return static_cast<Progress>(__atomic_load_n(&progress, __ATOMIC_ACQUIRE));
}

void report_progress(Progress reached) {
    __atomic_store_n(&progress, static_cast<uint32_t>(reached), __ATOMIC_RELEASE);
}

// Spins until `done()` or `timeout_ns` has passed; returns done().
template <typename Done>
bool wait_until(Done done, uint64_t timeout_ns) {
    uint64_t start = hal::timer::monotonic_ns();
    while (!done()) {
        if (hal::timer::monotonic_ns() - start >= timeout_ns) return done();
        hal::spin_pause();
    }
    return true;
}

void prepare_bring_up_tables() {
    using namespace paging;
    constexpr uint64_t kTableFlags = X86_64_PTE_PRESENT | X86_64_PTE_WRITABLE;
    const uint64_t* kernel_root = table_at(hal::mm::kernel_root_table());
    for (size_t index = kFirstKernelRootEntry; index < kEntriesPerTable; ++index) {
        bring_up_root[index] = kernel_root[index];
    }
    bring_up_root[0] = kernel_physical_address(bring_up_pdpt) | kTableFlags;
    bring_up_pdpt[0] = kernel_physical_address(bring_up_directory) | kTableFlags;
    bring_up_directory[0] = 0 | kTableFlags | kLargePage;  // physical 0-2 MiB, executable
}

template <typename T>
void write_parameter(unsigned offset, T value) {
    auto* page = static_cast<uint8_t*>(hal::mm::physical_to_virtual(trampoline_page));
    __builtin_memcpy(page + offset, &value, sizeof(value));
}

void send_init(uint32_t apic_id) {
    hal::InterruptState saved = hal::disable_interrupts();
    local_apic::send_init_ipi(apic_id);
    hal::restore_interrupts(saved);
}

void send_startup(uint32_t apic_id) {
    hal::InterruptState saved = hal::disable_interrupts();
    local_apic::send_startup_ipi(apic_id, static_cast<uint8_t>(trampoline_page / kPageSize));
    hal::restore_interrupts(saved);
}

bool start_cpu(uint32_t cpu, uint32_t apic_id) {
    write_parameter<uint32_t>(X86_64_TRAMPOLINE_PAGE_TABLE,
                              static_cast<uint32_t>(kernel_physical_address(bring_up_root)));
    write_parameter<uint64_t>(X86_64_TRAMPOLINE_ENTRY,
                              reinterpret_cast<uint64_t>(&x86_64_secondary_entry));
    write_parameter<uint64_t>(X86_64_TRAMPOLINE_STACK_TOP,
                              reinterpret_cast<uint64_t>(stacks[cpu - 1] + kStackSize));
    write_parameter<uint64_t>(X86_64_TRAMPOLINE_CPU, cpu);
    report_progress(Progress::kWaiting);

    auto left_trampoline = [] { return current_progress() != Progress::kWaiting; };
    send_init(apic_id);
    wait_until([] { return false; }, kInitDelayNs);
    for (int attempt = 0; attempt < 2 && !left_trampoline(); ++attempt) {
        send_startup(apic_id);
        wait_until(left_trampoline, kStartupDelayNs);
    }
    bool finished = wait_until(
        [] {
            Progress now = current_progress();
            return now == Progress::kReady || now == Progress::kFailed;
        },
        kStartTimeoutNs);
    if (finished) return current_progress() == Progress::kReady;

    // Back to waiting for a startup IPI, so that a late CPU cannot run the
    // trampoline with the next CPU's parameters.
    send_init(apic_id);
    kernel::print("smp: CPU %u (APIC ID %u) %s within %llu ms; skipped\n", cpu, apic_id,
                  left_trampoline() ? "did not finish its setup" : "did not start",
                  static_cast<unsigned long long>(kStartTimeoutNs / kNanosecondsPerMillisecond));
    return false;
}

[[noreturn]] void stop_this_cpu() {
    report_progress(Progress::kFailed);
    for (;;) {
        disable_interrupts();
        halt_until_interrupt();
    }
}

}  // namespace

void reserve_trampoline_page(os::MemoryMap& map) {
    for (uint64_t page = kRealModeMemoryEnd - kPageSize; page >= kPageSize; page -= kPageSize) {
        if (!map.contains(page, kPageSize, os::MemoryKind::kUsable)) continue;
        if (map.reserve(page, kPageSize, os::MemoryKind::kKernel).is_error()) break;
        trampoline_page = page;
        return;
    }
    kernel::print("smp: no usable page below 640 KiB for the startup trampoline\n");
}

}  // namespace hal::x86_64

// A secondary CPU's first C++ code, on its own stack (start_cpus.cc gave the
// trampoline the address) with the bring-up tables and the trampoline's GDT,
// interrupts masked: the same per-CPU setup as x86_64_boot_main, in the same
// order, then the local APIC and the timer.
extern "C" [[noreturn]] void x86_64_secondary_entry(uint64_t cpu) {
    using namespace hal::x86_64;
    auto index = static_cast<uint32_t>(cpu);
    load_gdt_and_task_state(index);
    install_cpu_local(index);
    load_idt_on_this_cpu();
    write_cr3(hal::mm::kernel_root_table());
    enable_cpu_features_on_this_cpu();
    enable_system_calls_on_this_cpu();
    report_progress(Progress::kArrived);

    if (auto result = local_apic::initialize_this_cpu(); result.is_error()) {
        kernel::print("smp: CPU %u: local APIC: %s\n", index, os::to_string(result.error()));
        stop_this_cpu();
    }
    if (auto result = hal::timer::initialize(); result.is_error()) {
        kernel::print("smp: CPU %u: timer: %s\n", index, os::to_string(result.error()));
        stop_this_cpu();
    }
    if (auto result = mark_cpu_started(index); result.is_error()) {
        kernel::print("smp: CPU %u: not in the interrupt code's table\n", index);
        stop_this_cpu();
    }
    report_progress(Progress::kReady);
    kernel::secondary_main();
}

namespace hal::smp {

uint32_t start_secondary_cpus() {
    using namespace hal::x86_64;
    uint32_t apic_id;
    if (!apic_id_of_cpu(1, &apic_id)) return 0;  // the boot CPU is alone
    if (trampoline_page == 0) return 0;          // reported at boot
    size_t size = x86_64_trampoline_end - x86_64_trampoline_start;
    KERNEL_ASSERT(size <= kPageSize);
    __builtin_memcpy(hal::mm::physical_to_virtual(trampoline_page), x86_64_trampoline_start, size);
    prepare_bring_up_tables();

    uint32_t started = 0;
    for (uint32_t cpu = 1; cpu < kMaxCpus && apic_id_of_cpu(cpu, &apic_id); ++cpu) {
        if (start_cpu(cpu, apic_id)) ++started;
    }
    return started;
}

}  // namespace hal::smp
