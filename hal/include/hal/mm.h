// The memory-management half of the HAL: how the generic kernel reaches
// physical memory, switches page tables and keeps TLBs coherent.
//
// Contract between the HAL and kernel/mm:
//  - Every byte of RAM in the boot memory map is reachable through the direct
//    map once kernel::mm::init() has run; before that, only what the HAL's
//    early boot mapped (early_direct_map_covers()) is.
//  - Virtual addresses below user_space_end() belong to user space and are
//    translated by the current address space's root table; addresses at or
//    above kernel_space_base() belong to the kernel and are the same in every
//    address space.
//  - The page-table entry format is hal::PageTableFormat (hal/page_table_format.h);
//    kernel/mm/vm walks the tables, the HAL only activates and flushes them.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "kernel/lib/error.h"

namespace hal::mm {

using PhysicalAddress = uint64_t;
using VirtualAddress = uint64_t;

inline constexpr size_t kPageShift = 12;
inline constexpr size_t kPageSize = size_t{1} << kPageShift;
inline constexpr size_t kHugePageShift = 21;
inline constexpr size_t kHugePageSize = size_t{1} << kHugePageShift;  // 2 MiB on all three

// ---- Address-space layout ---------------------------------------------------

// One past the highest user virtual address (the lower half's end).
VirtualAddress user_space_end();
// The lowest kernel virtual address (the upper half's start).
VirtualAddress kernel_space_base();

// ---- The direct map -----------------------------------------------------------

// Physical memory as the kernel sees it: a fixed offset away.
void* physical_to_virtual(PhysicalAddress address);
// The inverse for addresses inside the direct map or the kernel image;
// returns 0 for anything else (0 is never a valid result: page 0 is never
// handed out).
PhysicalAddress virtual_to_physical(const void* address);
// True if [address, address + size) is reachable through the direct map
// before kernel::mm::init() extends it to all of RAM: the HAL's early boot
// mapping covers at least the kernel image, the boot archive and the
// firmware data (device tree, multiboot information) plus some free RAM for
// the first page tables.
bool early_direct_map_covers(PhysicalAddress address, size_t size);

// ---- Page tables and address-space identifiers ----------------------------------

// The root table the HAL booted on; kernel::mm adopts it as the kernel's.
PhysicalAddress kernel_root_table();

// Number of address-space identifiers the CPU offers (PCID, ASID); 1 means
// none. ASID 0 is the kernel's, and a user root's only when it has none of
// its own (none left, or none at all): activate_user_root with ASID 0 itself
// drops every non-global TLB entry cached under ASID 0, on every target
// (kernel/mm/vm relies on it and adds no flush).
uint32_t asid_count();

// A user root table and its ASID in the form activate_user_root() loads
// them (riscv64: satp; aarch64: TTBR0_EL1; x86_64: CR3, the PCID in its low
// bits; host: the root), made once by make_user_root(): kernel/mm/vm keeps
// one per address space, whose root and ASID never change, so that a
// switch loads it as it is.
struct UserRoot {
    uint64_t value;
    uint32_t asid;
};
// `root` (a table built by kernel/mm/vm) tagged with `asid`:
//   UserRoot make_user_root(PhysicalAddress root, uint32_t asid);
// Makes it the current user translation. On aarch64 this loads TTBR0_EL1;
// on x86_64 and riscv64 the root's upper half carries the kernel's shared
// entries.
//   void activate_user_root(const UserRoot& root);
// Both are declared, or defined inline where they are a couple of
// instructions (every switch of address space runs them), by the target's
// hal/arch/mm_inline.h, included at the end of this header, which also
// defines activate_user_root(root, asid), the two in one.

// Invalidate translations on this CPU - or on every CPU where
// kTlbFlushBroadcasts says so; otherwise kernel/mm/vm shoots them down on
// the other CPUs that may cache them (kernel/mm/vm/tlb_shootdown.h).
void flush_page(uint32_t asid, VirtualAddress address);
void flush_address_space(uint32_t asid);
void flush_kernel_page(VirtualAddress address);
void flush_all();
// True if the flush_* calls above reach every CPU by themselves (aarch64's
// TLBI ...IS broadcasts to the inner-shareable domain); false if they flush
// this CPU only (x86_64 invlpg/CR3, riscv64 sfence.vma).
extern const bool kTlbFlushBroadcasts;

// Prepares a fresh, zeroed root table for a user address space: on x86_64
// and riscv64 copies the kernel's upper-half root entries into it (kernel/mm
// creates every upper-half root entry before the first user root, so the
// copies never go stale); nothing on aarch64, where TTBR1 holds the kernel.
void initialize_user_root(PhysicalAddress root);

// The kernel image's parts as linked, so kernel/mm can map each with the
// fewest permissions it needs (W^X: text R+X, rodata R, data/bss/stack R+W).
struct KernelSegment {
    VirtualAddress start = 0;  // page-aligned
    VirtualAddress end = 0;    // page-aligned, exclusive
    PhysicalAddress physical_start = 0;
    bool writable = false;
    bool executable = false;
    const char* name = "";
};
// Fills `segments` (up to `capacity`) and returns how many there are.
size_t kernel_segments(KernelSegment* segments, size_t capacity);

// Called once kernel/mm has mapped all of RAM: the HAL drops its boot-time
// identity mapping and anything else it only needed to get there.
void finish_early_mappings();

// ---- User memory access -----------------------------------------------------
//
// The only way kernel code touches user memory. The range is checked to lie
// below user_space_end(); a fault the kernel cannot resolve (unmapped page,
// wrong permission) makes the copy fail with kBadAddress instead of
// crashing: the HAL's fault path resumes at the copy routine's recovery point.

os::ErrorOr<void> copy_from_user(void* destination, VirtualAddress source, size_t length);
os::ErrorOr<void> copy_to_user(VirtualAddress destination, const void* source, size_t length);

// ---- Page faults ------------------------------------------------------------

enum class Access : uint8_t { kRead, kWrite, kExecute };

inline const char* to_string(Access access) {
    switch (access) {
        case Access::kRead:
            return "read";
        case Access::kWrite:
            return "write";
        case Access::kExecute:
            return "execute";
    }
    return "?";
}

struct PageFault {
    VirtualAddress address = 0;  // the faulting virtual address
    VirtualAddress pc = 0;       // the faulting instruction
    Access access = Access::kRead;
    bool from_user = false;  // the CPU was in user mode
    bool present = false;    // a translation existed (permission fault)
};

}  // namespace hal::mm

namespace kernel {

enum class FaultResolution : uint8_t {
    kResolved,    // the mapping is fixed: retry the instruction
    kUnresolved,  // invalid access; the caller decides (user-copy recovery, panic)
};

// Called by the HAL's trap handler for every page fault, with interrupts as
// the trap left them. Implemented by kernel/mm.
FaultResolution handle_page_fault(const hal::mm::PageFault& fault);

}  // namespace kernel

#include "hal/arch/mm_inline.h"

namespace hal::mm {

inline void activate_user_root(PhysicalAddress root, uint32_t asid) {
    activate_user_root(make_user_root(root, asid));
}

}  // namespace hal::mm
