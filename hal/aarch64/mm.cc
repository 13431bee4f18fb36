// hal/mm.h for aarch64: the address-space layout of memory_layout.h, TTBR
// switching and TLB maintenance.
//
// TLB maintenance uses the inner-shareable ("is") forms, which the hardware
// broadcasts to every CPU in the inner-shareable domain: the shootdown the
// interface promises for SMP needs no IPIs here. Each operation is
//   dsb ishst  - the page-table writes before it are visible to table walks
//   tlbi ...is - invalidate, on every CPU
//   dsb ish    - ... and wait until every CPU has done so
//   isb        - no instruction after it was fetched with the old mapping.
// The "va" forms invalidate cached walks of every level, not only the leaf:
// kernel/mm frees page-table pages when it unmaps and relies on the same
// flush to forget the tables' addresses (vale1is would keep those).
#include <stdint.h>

#include "hal/aarch64/early_mappings.h"
#include "hal/aarch64/memory_layout.h"
#include "hal/aarch64/system_registers.h"
#include "hal/mm.h"

extern "C" {
extern uint64_t kernel_root_l0[512];
extern char __kernel_start[];
extern char __text_end[];
extern char __rodata_end[];
extern char __kernel_end[];
}

namespace hal::mm {
namespace {

constexpr unsigned kAsidShift = 48;  // in TTBRn_EL1 and in TLBI operands
static_assert(kAsidShift == aarch64::kTtbrAsidShift);

uint64_t read_id_aa64mmfr0() {
    uint64_t value;
    asm("mrs %0, id_aa64mmfr0_el1" : "=r"(value));
    return value;
}

// A TLBI operand: VA[55:12] in bits [43:0], the ASID in bits [63:48].
uint64_t tlbi_operand(uint32_t asid, VirtualAddress address) {
    return (uint64_t{asid} << kAsidShift) | ((address >> kPageShift) & ((uint64_t{1} << 44) - 1));
}

VirtualAddress address_of(const char* symbol) {
    return reinterpret_cast<VirtualAddress>(symbol);
}

bool in_image(VirtualAddress address) {
    return address >= address_of(__kernel_start) && address < address_of(__kernel_end);
}

}  // namespace

VirtualAddress user_space_end() {
    return USER_SPACE_END;
}

VirtualAddress kernel_space_base() {
    return KERNEL_SPACE_BASE;
}

void* physical_to_virtual(PhysicalAddress address) {
    return reinterpret_cast<void*>(DIRECT_MAP_BASE + address);
}

PhysicalAddress virtual_to_physical(const void* pointer) {
    auto address = reinterpret_cast<VirtualAddress>(pointer);
    if (address - DIRECT_MAP_BASE < DIRECT_MAP_SIZE) return address - DIRECT_MAP_BASE;
    if (in_image(address)) return aarch64::image_physical_address(pointer);
    return 0;
}

PhysicalAddress kernel_root_table() {
    return aarch64::image_physical_address(kernel_root_l0);
}

uint32_t asid_count() {
    uint64_t bits = (read_id_aa64mmfr0() >> ID_AA64MMFR0_EL1_ASIDBITS_SHIFT) & 0xf;
    // boot_mmu.S sets TCR_EL1.AS exactly when the CPU has 16-bit ASIDs.
    return bits == ID_AA64MMFR0_EL1_ASIDBITS_16 ? 65536 : 256;
}

extern const bool kTlbFlushBroadcasts = true;  // the TLBI ...IS forms below

void flush_page(uint32_t asid, VirtualAddress address) {
    asm volatile("dsb ishst\n\ttlbi vae1is, %0\n\tdsb ish\n\tisb"
                 :
                 : "r"(tlbi_operand(asid, address))
                 : "memory");
}

void flush_address_space(uint32_t asid) {
    asm volatile("dsb ishst\n\ttlbi aside1is, %0\n\tdsb ish\n\tisb"
                 :
                 : "r"(tlbi_operand(asid, 0))
                 : "memory");
}

void flush_kernel_page(VirtualAddress address) {
    // Kernel mappings are global: any ASID matches them.
    asm volatile("dsb ishst\n\ttlbi vaae1is, %0\n\tdsb ish\n\tisb"
                 :
                 : "r"(tlbi_operand(0, address))
                 : "memory");
}

void flush_all() {
    asm volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
}

void initialize_user_root(PhysicalAddress) {
    // Nothing: TTBR1_EL1 holds the kernel for every address space.
}

size_t kernel_segments(KernelSegment* segments, size_t capacity) {
    // The same split and permissions boot_mmu.S maps the image with.
    const KernelSegment all[] = {
        {address_of(__kernel_start), address_of(__text_end), 0, false, true, "text"},
        {address_of(__text_end), address_of(__rodata_end), 0, false, false, "rodata"},
        {address_of(__rodata_end), address_of(__kernel_end), 0, true, false,
         "data, bss, page tables, stack"},
    };
    size_t count = 0;
    for (const KernelSegment& segment : all) {
        if (count == capacity) break;
        segments[count] = segment;
        segments[count].physical_start =
            aarch64::image_physical_address(reinterpret_cast<const void*>(segment.start));
        ++count;
    }
    return sizeof(all) / sizeof(all[0]);
}

void finish_early_mappings() {
    // Replace the boot identity map in TTBR0 by the empty table, unless a
    // user address space has already taken TTBR0 over.
    uint64_t ttbr0;
    asm volatile("mrs %0, ttbr0_el1" : "=r"(ttbr0));
    if ((ttbr0 & ((uint64_t{1} << kAsidShift) - 1)) == aarch64::identity_root_table())
        activate_user_root(aarch64::empty_user_root_table(), 0);
    // The identity map's entries were global: only a full flush drops them.
    flush_all();
}

}  // namespace hal::mm
