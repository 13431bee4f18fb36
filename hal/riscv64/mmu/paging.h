// The paging state entry.S leaves behind, for the rest of hal/riscv64.
// hal/include/hal/mm.h is the generic kernel's view of the same things.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace hal::riscv64::mmu {

enum class PagingMode : uint8_t { kSv39, kSv48 };

// Reads what entry.S recorded (mode, load address), measures the ASID width
// and the direct map's boot coverage. The first call in riscv64_boot: every
// other function here depends on it.
void initialize_paging();

PagingMode paging_mode();
const char* paging_mode_name();  // "Sv48", "Sv39"
unsigned page_table_levels();    // 4, 3
uint64_t satp_mode_bits();       // satp.MODE, in place (bits 63:60)
unsigned asid_bits();            // 0 if the CPU has no ASIDs

uint64_t direct_map_base();
uint64_t direct_map_size();  // physical addresses below this are direct-mappable

// Where the image runs: its first byte, physically and as linked.
uint64_t kernel_physical_start();
uint64_t kernel_virtual_start();

// The root table entry.S built and satp points at.
uint64_t boot_root_physical();

}  // namespace hal::riscv64::mmu
