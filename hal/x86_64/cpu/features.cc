#include "hal/x86_64/cpu/features.h"

#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/mmu/page_table_format.h"
#include "kernel/debug/panic.h"

uint8_t x86_64_smap_enabled = 0;
uint8_t x86_64_pcids_enabled = 0;

namespace hal::x86_64 {
namespace {

// CPUID bits (Intel SDM vol. 2, CPUID).
constexpr uint32_t kLeaf1EcxPcid = 1u << 17;
constexpr uint32_t kLeaf1EdxGlobalPages = 1u << 13;
constexpr uint32_t kLeaf7EbxSmep = 1u << 7;
constexpr uint32_t kLeaf7EbxInvpcid = 1u << 10;
constexpr uint32_t kLeaf7EbxSmap = 1u << 20;
constexpr uint32_t kExtendedEdxNoExecute = 1u << 20;
constexpr uint32_t kExtendedEdx1GibPages = 1u << 26;

constexpr uint32_t kMsrEfer = 0xc0000080;
constexpr uint64_t kEferNoExecuteEnable = 1 << 11;
constexpr uint64_t kCr0MonitorCoprocessor = 1 << 1;
constexpr uint64_t kCr0Emulation = 1 << 2;
constexpr uint64_t kCr0TaskSwitched = 1 << 3;
constexpr uint64_t kCr0WriteProtect = 1 << 16;
constexpr uint64_t kCr4OsFxsr = 1 << 9;
constexpr uint64_t kCr4OsXmmExceptions = 1 << 10;
constexpr uint64_t kCr4GlobalPages = 1 << 7;
constexpr uint64_t kCr4Pcid = 1 << 17;
constexpr uint64_t kCr4Smep = 1 << 20;
constexpr uint64_t kCr4Smap = 1 << 21;

CpuFeatures& features = detected_cpu_features;

// The kernel is built for x86-64-v2 (toolchains/cc_toolchain_config.bzl);
// with SSE off, what it can emit from that level is POPCNT and CMPXCHG16B.
constexpr uint32_t kLeaf1EcxCmpxchg16b = 1u << 13;
constexpr uint32_t kLeaf1EcxPopcnt = 1u << 23;

CpuFeatures detect_features() {
    CpuFeatures found;
    uint32_t max_leaf = cpuid(0).eax;
    CpuidResult leaf1 = cpuid(1);
    found.pcid = leaf1.ecx & kLeaf1EcxPcid;
    found.global_pages = leaf1.edx & kLeaf1EdxGlobalPages;
    if (max_leaf >= 7) {
        CpuidResult leaf7 = cpuid(7, 0);
        found.smep = leaf7.ebx & kLeaf7EbxSmep;
        found.smap = leaf7.ebx & kLeaf7EbxSmap;
        found.invpcid = leaf7.ebx & kLeaf7EbxInvpcid;
    }
    if (cpuid(0x80000000).eax >= 0x80000001) {
        CpuidResult extended = cpuid(0x80000001);
        found.no_execute = extended.edx & kExtendedEdxNoExecute;
        found.huge_1gib = extended.edx & kExtendedEdx1GibPages;
    }
    return found;
}

}  // namespace

void enable_cpu_features() {
    uint32_t leaf1_ecx = cpuid(1).ecx;
    if ((leaf1_ecx & kLeaf1EcxPopcnt) == 0 || (leaf1_ecx & kLeaf1EcxCmpxchg16b) == 0) {
        kernel::panic(
            "this CPU lacks x86-64-v2 (POPCNT, CMPXCHG16B), which the kernel is built "
            "for; use a newer CPU model (QEMU: -cpu max)");
    }
    features = detect_features();
    if (!features.no_execute) {
        kernel::panic("this CPU has no no-execute (NX) pages; Cairn needs them for W^X");
    }
    enable_cpu_features_on_this_cpu();
    x86_64_smap_enabled = features.smap ? 1 : 0;
    x86_64_pcids_enabled = features.pcid ? 1 : 0;  // hal/arch/mm_inline.h
    PageTableFormat::set_gigabyte_pages_supported(features.huge_1gib);
}

void enable_cpu_features_on_this_cpu() {
    // boot.S and the SMP trampoline already set both; stating them here keeps
    // the guarantee in one place.
    write_msr(kMsrEfer, read_msr(kMsrEfer) | kEferNoExecuteEnable);
    // User code may use x87 and SSE (the kernel never does: it is built
    // general-registers-only, and thread switches save and restore the user
    // threads' registers eagerly, so no #NM lazy switching): no emulation,
    // no task-switched trap, FXSAVE/FXRSTOR and SSE exceptions enabled.
    write_cr0((read_cr0() | kCr0WriteProtect | kCr0MonitorCoprocessor) &
              ~(kCr0Emulation | kCr0TaskSwitched));

    uint64_t cr4 = read_cr4() | kCr4OsFxsr | kCr4OsXmmExceptions;
    if (features.global_pages) cr4 |= kCr4GlobalPages;
    if (features.smep) cr4 |= kCr4Smep;
    if (features.smap) cr4 |= kCr4Smap;
    // PCIDE may only be set while CR3 holds PCID 0, as it does since boot.S.
    if (features.pcid) cr4 |= kCr4Pcid;
    write_cr4(cr4);
}

CpuFeatures detected_cpu_features;

uint32_t current_apic_id() {
    constexpr uint32_t kTopologyLeaf = 0xb;
    if (cpuid(0).eax >= kTopologyLeaf && cpuid(kTopologyLeaf, 0).ebx != 0) {
        return cpuid(kTopologyLeaf, 0).edx;
    }
    return cpuid(1).ebx >> 24;
}

}  // namespace hal::x86_64
