// The kernel's own mappings as the HAL sets them up at boot.
#pragma once

namespace hal::x86_64 {

// Tightens boot.S's page tables once the identity map is gone: every
// kernel-window and direct-map entry becomes global (kept across address
// space switches), and the direct map no-executable. Needs
// enable_cpu_features() first (no-execute and global pages must be on);
// flushes the TLB.
void harden_boot_mappings();

}  // namespace hal::x86_64
