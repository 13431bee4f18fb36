// The paging state after entry.S, and the parts of hal/mm.h that follow from
// it: address-space layout, the direct map, the root table, ASIDs.
#include "hal/riscv64/mmu/paging.h"

#include "hal/mm.h"
#include "hal/riscv64/mmu/address_space_layout.h"
#include "hal/riscv64/mmu/csr.h"
#include "hal/riscv64/mmu/early_mappings.h"
#include "hal/riscv64/mmu/page_table_format.h"

extern "C" {
// Written by entry.S (at physical addresses, after .bss was zeroed) before
// the first C++ instruction; read-only afterwards.
constinit uint64_t riscv64_boot_satp_mode = 0;         // RISCV64_SATP_MODE_SV48 or _SV39
constinit uint64_t riscv64_kernel_physical_start = 0;  // the load address of _start

extern char __kernel_start[];
extern uint64_t riscv64_boot_root[];  // boot_paging.S

// What activate_user_root() (include/hal/arch/mm_inline.h) puts in satp
// with the root and the ASID on every switch of address space, computed once
// by initialize_paging(): satp's MODE field.
constinit uint64_t riscv64_user_satp_mode = 0;
}

namespace hal::riscv64::mmu {
namespace {

constexpr uint64_t kSatpAsidAllOnes = uint64_t{RISCV64_SATP_ASID_MASK} << RISCV64_SATP_ASID_SHIFT;

constinit PagingMode mode = PagingMode::kSv39;
constinit unsigned asid_width = 0;
// activate_user_root() (include/hal/arch/mm_inline.h) shifts the ASID into
// place itself.
static_assert(RISCV64_SATP_ASID_SHIFT == 44);

// ASIDLEN is not reported anywhere: the privileged specification has
// software write all ones to satp.ASID and count the bits that stick (they
// are the low ones). The kernel's own mappings are global, so running
// under the probe ASID for a few instructions changes nothing.
unsigned measure_asid_bits() {
    uint64_t satp = read_satp();
    write_satp(satp | kSatpAsidAllOnes);
    uint64_t probed = read_satp();
    write_satp(satp);
    fence_all();
    return static_cast<unsigned>(
        __builtin_popcountll((probed >> RISCV64_SATP_ASID_SHIFT) & RISCV64_SATP_ASID_MASK));
}

}  // namespace

void initialize_paging() {
    mode = riscv64_boot_satp_mode == RISCV64_SATP_MODE_SV48 ? PagingMode::kSv48 : PagingMode::kSv39;
    PageTableFormat::set_levels(page_table_levels());
    asid_width = measure_asid_bits();
    riscv64_user_satp_mode = satp_mode_bits();
    record_boot_direct_map();
}

PagingMode paging_mode() {
    return mode;
}

const char* paging_mode_name() {
    return mode == PagingMode::kSv48 ? "Sv48" : "Sv39";
}

unsigned page_table_levels() {
    return mode == PagingMode::kSv48 ? 4 : 3;
}

uint64_t satp_mode_bits() {
    uint64_t satp_mode =
        mode == PagingMode::kSv48 ? RISCV64_SATP_MODE_SV48 : RISCV64_SATP_MODE_SV39;
    return satp_mode << RISCV64_SATP_MODE_SHIFT;
}

unsigned asid_bits() {
    return asid_width;
}

uint64_t direct_map_base() {
    return mode == PagingMode::kSv48 ? RISCV64_DIRECT_MAP_BASE_SV48 : RISCV64_DIRECT_MAP_BASE_SV39;
}

uint64_t direct_map_size() {
    // A quarter of the address space: half of the upper half, leaving the
    // other half to the kernel window, the fixmap and what kernel/mm adds.
    return uint64_t{1} << (mode == PagingMode::kSv48 ? 46 : 37);
}

uint64_t kernel_physical_start() {
    return riscv64_kernel_physical_start;
}

uint64_t kernel_virtual_start() {
    return reinterpret_cast<uint64_t>(__kernel_start);
}

uint64_t boot_root_physical() {
    return hal::mm::virtual_to_physical(riscv64_boot_root);
}

}  // namespace hal::riscv64::mmu

namespace hal::mm {

using namespace riscv64::mmu;

VirtualAddress user_space_end() {
    // The lower half: addresses whose bit (va_bits - 1) is clear.
    return paging_mode() == PagingMode::kSv48 ? 0x0000800000000000 : 0x0000004000000000;
}

VirtualAddress kernel_space_base() {
    return direct_map_base();  // the upper half's first address
}

void* physical_to_virtual(PhysicalAddress address) {
    if (address >= direct_map_size()) return nullptr;
    return reinterpret_cast<void*>(direct_map_base() + address);
}

PhysicalAddress virtual_to_physical(const void* pointer) {
    auto address = reinterpret_cast<VirtualAddress>(pointer);
    if (address - direct_map_base() < direct_map_size()) return address - direct_map_base();
    // The kernel window maps the whole GiB the image was loaded in.
    uint64_t kernel_gib = kernel_physical_start() & ~(kGiB - 1);
    if (address - kKernelWindowBase < kGiB) return address - kKernelWindowBase + kernel_gib;
    return 0;
}

PhysicalAddress kernel_root_table() {
    return boot_root_physical();
}

uint32_t asid_count() {
    return uint32_t{1} << asid_bits();  // 1 (only ASID 0) without ASIDs
}

// activate_user_root() is inline, in include/hal/arch/mm_inline.h (it runs
// on every switch of address space).

extern const bool kTlbFlushBroadcasts = false;  // sfence.vma is local

void flush_page(uint32_t asid, VirtualAddress address) {
    fence_address_in_asid(address, asid_bits() == 0 ? 0 : asid);
}

void flush_address_space(uint32_t asid) {
    fence_asid(asid_bits() == 0 ? 0 : asid);
}

void flush_kernel_page(VirtualAddress address) {
    fence_address(address);
}

void flush_all() {
    fence_all();
}

void initialize_user_root(PhysicalAddress root) {
    // Root entries 256..511 translate the upper half in Sv48 and Sv39 alike.
    constexpr size_t kEntries = 512;
    auto* user = static_cast<uint64_t*>(physical_to_virtual(root));
    const auto* kernel = static_cast<const uint64_t*>(physical_to_virtual(kernel_root_table()));
    for (size_t index = kEntries / 2; index < kEntries; ++index)
        user[index] = kernel[index];
}

void finish_early_mappings() {
    drop_identity_map();
}

}  // namespace hal::mm
