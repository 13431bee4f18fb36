// hal/smp.h on riscv64: the harts besides the boot hart, started one at a
// time through SBI HSM hart_start in the order harts.h numbers them (CPU
// index 1, 2, ...). smp/secondary_entry.S explains how a starting hart
// gets from paging off onto the kernel's root; this file prepares what it
// needs (bring-up root, stacks, PLIC context, start block), starts it, waits
// for it, and is where it enters C++.
#include "hal/smp.h"

#include "hal/cpu.h"
#include "hal/mm.h"
#include "hal/riscv64/harts.h"
#include "hal/riscv64/mmu/address_space_layout.h"
#include "hal/riscv64/mmu/page_table_format.h"
#include "hal/riscv64/mmu/paging.h"
#include "hal/riscv64/sbi.h"
#include "hal/riscv64/sbi_call.h"
#include "hal/riscv64/smp/hart_setup.h"
#include "hal/riscv64/smp/start_block.h"
#include "hal/riscv64/trap_frame.h"
#include "hal/timer.h"
#include "kernel/debug/print.h"

extern "C" {
extern char riscv64_secondary_entry[];   // smp/secondary_entry.S
extern char riscv64_secondary_stacks[];  // smp/secondary_entry.S
// By CPU index; [0] (the boot CPU) unused. A block is written by the boot
// hart before hart_start, then only its state changes (atomically).
// secondary_entry.S searches it by hart id (riscv64_secondary_stray_entry).
constinit hal::riscv64::StartBlock riscv64_start_blocks[hal::kMaxCpus];
[[noreturn]] void riscv64_secondary_start(hal::riscv64::StartBlock* block);
}

namespace hal::riscv64 {
namespace {

using u64 = unsigned long long;  // what the %llu conversions take

static_assert(SMP_MAX_SECONDARY_CPUS == hal::kMaxCpus - 1);

// How long a started hart gets to reach C++ before it is given up.
constexpr uint64_t kStartTimeoutNs = 1000000000;
constexpr size_t kTableEntries = 512;
constexpr unsigned kGibLevel = 2;

// The bring-up root (secondary_entry.S) and, for Sv48, the table under its
// entry 0 that holds the identity leaf. Built by the boot hart before any
// hart starts; only starting harts walk them, read-only.
alignas(4096) constinit uint64_t bringup_root[kTableEntries];
alignas(4096) constinit uint64_t bringup_identity_l2[kTableEntries];

// The kernel's root with the kernel's GiB identity-mapped as well. The
// upper half is copied from the kernel's root as it is now: only the kernel
// window matters, for the few instructions before the switch to the real
// root, and kernel/mm never removes it.
void build_bringup_root() {
    using Format = PageTableFormat;
    uint64_t kernel_gib = mmu::kernel_physical_start() / mmu::kGiB;
    // entry.S refused to boot above 256 GiB, so this is a lower-half entry
    // in both modes. Non-global: the switch to the kernel's root drops it.
    constexpr hal::mm::MappingAttributes kIdentity{.writable = true, .executable = true};
    uint64_t identity = Format::leaf_entry(kernel_gib * mmu::kGiB, kGibLevel, kIdentity);
    if (mmu::paging_mode() == mmu::PagingMode::kSv48) {
        bringup_identity_l2[kernel_gib] = identity;
        bringup_root[0] = Format::table_entry(hal::mm::virtual_to_physical(bringup_identity_l2));
    } else {
        bringup_root[kernel_gib] = identity;
    }
    const auto* kernel =
        static_cast<const uint64_t*>(hal::mm::physical_to_virtual(hal::mm::kernel_root_table()));
    for (size_t index = kTableEntries / 2; index < kTableEntries; ++index)
        bringup_root[index] = kernel[index];
}

uint64_t satp_for(uint64_t root_physical) {
    // ASID 0, the kernel's.
    return mmu::satp_mode_bits() | root_physical >> hal::mm::kPageShift;
}

void fill_start_block(StartBlock& block, uint32_t cpu, uint64_t hart_id) {
    constexpr uint64_t kPerCpu = SMP_BOOT_STACK_SIZE + SMP_TRAP_STACK_SIZE;
    char* stacks = riscv64_secondary_stacks + (cpu - 1) * kPerCpu;
    block.bringup_satp = satp_for(hal::mm::virtual_to_physical(bringup_root));
    block.kernel_satp = satp_for(hal::mm::kernel_root_table());
    block.cpu_index = cpu;
    block.stack_top = reinterpret_cast<uint64_t>(stacks + SMP_BOOT_STACK_SIZE);
    block.trap_slot = reinterpret_cast<uint64_t>(stacks + kPerCpu - TRAP_STACK_CPU_AREA_SIZE);
    block.self = &block;
    block.hart_id = hart_id;
    block.stray = 0;
    __atomic_store_n(&block.state, hart_state::kStarting, __ATOMIC_RELAXED);
}

// Starts hart `hart_id` as CPU `cpu` and waits until it is in C++ and set
// up; false (reported) if it could not be started or did not arrive.
bool start_cpu(uint32_t cpu, uint64_t hart_id) {
    if (auto prepared = prepare_interrupts_for_cpu(cpu, hart_id); prepared.is_error()) {
        kernel::print("riscv64: hart %llu (CPU %u) skipped: no PLIC context (%s)\n",
                      static_cast<u64>(hart_id), cpu, os::to_string(prepared.error()));
        return false;
    }
    StartBlock& block = riscv64_start_blocks[cpu];
    fill_start_block(block, cpu, hart_id);
    // `fence rw, rw`: the block and the bring-up tables are in memory before
    // the firmware wakes the hart, which reads them with paging off.
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    long error = sbi::hart_start(hart_id, hal::mm::virtual_to_physical(riscv64_secondary_entry),
                                 hal::mm::virtual_to_physical(&block));
    if (error != sbi::kSuccess) {
        kernel::print("riscv64: hart %llu (CPU %u) skipped: SBI hart_start failed (error %ld)\n",
                      static_cast<u64>(hart_id), cpu, error);
        return false;
    }
    uint64_t start = hal::timer::monotonic_ns();
    while (__atomic_load_n(&block.state, __ATOMIC_ACQUIRE) == hart_state::kStarting &&
           hal::timer::monotonic_ns() - start < kStartTimeoutNs) {
        hal::spin_pause();
    }
    // Either the hart has reported, or it is given up; should it arrive
    // later, it finds kAbandoned and stops (riscv64_secondary_start).
    uint32_t state = hart_state::kStarting;
    if (__atomic_compare_exchange_n(&block.state, &state, hart_state::kAbandoned, false,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        kernel::print("riscv64: hart %llu (CPU %u) skipped: not in the kernel after %llu ms\n",
                      static_cast<u64>(hart_id), cpu, static_cast<u64>(kStartTimeoutNs / 1000000));
        return false;
    }
    if (state == hart_state::kFailed) {
        kernel::print("riscv64: hart %llu (CPU %u) stopped: its timer cannot use %s\n",
                      static_cast<u64>(hart_id), cpu, "the boot hart's mechanism (stimecmp)");
        return false;
    }
    if (block.stray != 0) {
        kernel::print("riscv64: hart %llu (CPU %u) was sent to _start by the firmware; recovered\n",
                      static_cast<u64>(hart_id), cpu);
    }
    return true;
}

}  // namespace
}  // namespace hal::riscv64

namespace hal::smp {

using namespace riscv64;

uint32_t start_secondary_cpus() {
    uint32_t cpus = cpu_count();
    if (cpus <= 1) return 0;
    if (!sbi::has_extension(sbi::kHartStateExtension)) {
        kernel::print("riscv64: the SBI firmware has no HSM extension; the other harts stay off\n");
        return 0;
    }
    build_bringup_root();
    uint32_t started = 0;
    for (uint32_t cpu = 1; cpu < cpus; ++cpu) {
        uint64_t hart_id;
        if (!hart_of_cpu(cpu, &hart_id)) break;
        // CPU indices stay those of harts.h even after a hart is skipped:
        // send_ipi(cpu) depends on it.
        if (start_cpu(cpu, hart_id)) ++started;
    }
    return started;
}

}  // namespace hal::smp

// The first C++ on a started hart (secondary_entry.S): on the kernel's root,
// on its own boot stack, tp = its CPU index, traps going to trap_entry.S,
// interrupts masked.
extern "C" void riscv64_secondary_start(hal::riscv64::StartBlock* block) {
    using namespace hal::riscv64;
    // Needs the trap vector: the stimecmp probe may trap.
    bool timer_ready = !start_timer_on_this_hart().is_error();
    uint32_t state = hart_state::kStarting;
    uint32_t next = timer_ready ? hart_state::kOnline : hart_state::kFailed;
    bool claimed = __atomic_compare_exchange_n(&block->state, &state, next, false, __ATOMIC_ACQ_REL,
                                               __ATOMIC_ACQUIRE);
    if (!claimed || !timer_ready) {
        // Given up on (kAbandoned) or unusable: back to the firmware.
        asm volatile("csrw sie, zero" ::: "memory");
        sbi::hart_stop();
        hal::halt();
    }
    enable_interrupt_sources_on_this_hart();
    kernel::secondary_main();
}
