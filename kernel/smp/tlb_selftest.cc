// TLB shootdown on real CPUs (`test=tlb`, 2 or more): CPU 1 reads a user page
// of an address space it runs, so its TLB caches the translation; CPU 0
// unmaps (or write-protects) the page; CPU 1's next access must fault,
// which it does only if CPU 0's change reached CPU 1's TLB. (QEMU keeps TLB
// entries until the guest flushes them, like hardware.) CPU 1 runs its part
// as remote calls (kernel/interrupt/ipi.h), in interrupt context.
#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/mm/vm/tlb_shootdown.h"
#include "kernel/selftest/selftest.h"
#include "kernel/smp/cpus.h"
#include "kernel/smp/online.h"

namespace kernel::smp {
namespace {

using mm::AddressSpace;

constexpr hal::mm::VirtualAddress kPageAddress = 0x40000000;
constexpr uint32_t kOtherCpu = 1;

struct RemoteAccess {
    AddressSpace* space = nullptr;  // to switch to first; nullptr: stay
    bool switch_away = false;       // instead: leave the user address space
    bool write = false;
    uint8_t value = 0;
    uint32_t cpu = 0xffffffff;  // where it ran
    bool failed = false;        // the copy returned an error
    os::Error error = os::Error::kInvalidArgument;
};

void access_here(void* argument) {
    auto& access = *static_cast<RemoteAccess*>(argument);
    access.cpu = hal::current_cpu_index();
    if (access.switch_away) {
        mm::as_switch(nullptr);
        return;
    }
    if (access.space != nullptr) mm::as_switch(access.space);
    auto result = access.write ? hal::mm::copy_to_user(kPageAddress, &access.value, 1)
                               : hal::mm::copy_from_user(&access.value, kPageAddress, 1);
    access.failed = result.is_error();
    if (access.failed) access.error = result.error();
}

// Runs `access` on the other CPU; false if it could not.
bool on_other_cpu(RemoteAccess& access) {
    return interrupt::call_on_cpu(kOtherCpu, access_here, &access) && access.cpu == kOtherCpu;
}

// A space with one read-write page, cached in CPU 1's TLB (with `value` in it).
AddressSpace* space_cached_on_other_cpu(uint8_t value) {
    auto created = mm::as_create();
    if (created.is_error()) return nullptr;
    AddressSpace* space = created.value();
    mm::MapRequest request;
    request.type = mm::RegionType::kAnonymous;
    request.permissions = {.read = true, .write = true, .execute = false};
    request.length = hal::mm::kPageSize;
    request.address = kPageAddress;
    request.fixed = true;
    if (space->map(request).is_error()) {
        space->destroy();
        return nullptr;
    }
    RemoteAccess write{.space = space, .write = true, .value = value};
    RemoteAccess read;
    if (!on_other_cpu(write) || write.failed || !on_other_cpu(read) || read.failed ||
        read.value != value) {
        RemoteAccess away{.switch_away = true};
        (void)on_other_cpu(away);
        space->destroy();
        return nullptr;
    }
    return space;
}

void finish(AddressSpace* space) {
    RemoteAccess away{.switch_away = true};
    (void)on_other_cpu(away);
    space->destroy();
}

KERNEL_TEST(tlb, unmap_reaches_the_other_cpus_tlb) {
    REQUIRE(is_online(kOtherCpu));
    AddressSpace* space = space_cached_on_other_cpu(0x5a);
    REQUIRE(space != nullptr);
    const uint64_t shootdowns = mm::remote_shootdowns();
    const uint64_t served = interrupt::remote_calls_served(kOtherCpu);
    CHECK(!space->unmap(kPageAddress, hal::mm::kPageSize).is_error());
    // Where TLB maintenance broadcasts (aarch64), no IPI is needed.
    const uint64_t expected = hal::mm::kTlbFlushBroadcasts ? 0 : 1;
    CHECK_EQ(mm::remote_shootdowns(), shootdowns + expected);
    CHECK_EQ(interrupt::remote_calls_served(kOtherCpu), served + expected);
    // Same CPU, same root, no switch in between: only the shootdown can
    // have removed the cached translation.
    RemoteAccess read;
    CHECK(on_other_cpu(read));
    CHECK(read.failed);
    CHECK(read.error == os::Error::kBadAddress);
    finish(space);
}

KERNEL_TEST(tlb, write_protect_reaches_the_other_cpus_tlb) {
    REQUIRE(is_online(kOtherCpu));
    AddressSpace* space = space_cached_on_other_cpu(0x33);
    REQUIRE(space != nullptr);
    CHECK(!space->protect(kPageAddress, hal::mm::kPageSize, {.read = true}).is_error());
    RemoteAccess write{.write = true, .value = 0x44};
    CHECK(on_other_cpu(write));
    CHECK(write.failed);
    CHECK(write.error == os::Error::kBadAddress);
    RemoteAccess read;
    CHECK(on_other_cpu(read));
    CHECK(!read.failed);
    CHECK_EQ(read.value, 0x33);
    finish(space);
}

KERNEL_TEST(tlb, remote_calls_reach_every_cpu) {
    struct Seen {
        uint64_t cpus = 0;
    } seen;
    auto mark = [](void* argument) {
        __atomic_fetch_or(&static_cast<Seen*>(argument)->cpus,
                          uint64_t{1} << hal::current_cpu_index(), __ATOMIC_RELAXED);
    };
    interrupt::CpuMask ran = interrupt::call_on_cpus(~interrupt::CpuMask{0}, mark, &seen);
    CHECK_EQ(ran, online_cpu_mask());
    CHECK_EQ(seen.cpus, online_cpu_mask());
    // Every CPU the firmware listed: none skipped, so none left out. (The
    // boot tests give 4 CPUs, or 2 under -icount, where a caller spinning for
    // its answers once starved the others: hal::spin_pause() on riscv64.)
    CHECK_EQ(online_cpus(), expected_cpus());
    CHECK(online_cpus() >= 2);
}

}  // namespace
}  // namespace kernel::smp
