// TLB shootdown: hal::mm::flush_* flush this CPU only (x86_64 invlpg,
// riscv64 sfence.vma; see hal::mm::kTlbFlushBroadcasts), so a change that
// takes a translation away must also be flushed on every other CPU that may
// cache it before the frame behind it can be reused.
//
// Which CPUs may cache an address space's entries: TlbCpuSet, one bit per
// CPU, set by activate() on that CPU before the root is loaded, so any CPU
// that can walk the tables is in the set by the time a changer reads it
// (both sides order with sequentially consistent atomics: the changer's
// table write happens before its read of the set, the activating CPU's bit
// before its table walks). A bit is never cleared: with ASIDs the CPU keeps
// the entries under the space's ASID after it switches away, and without
// them it holds nothing of the space once it switched away (every switch
// flushes), but clearing the bit would cost an atomic write on every switch
// of address space (the IPC fast path's among them) to save a shootdown
// that is rare. Over-approximation either way: such a CPU just flushes
// addresses or an ASID it may no longer hold, until the space dies.
//
// Deadlock invariant (see kernel/interrupt/ipi.h): a shootdown waits for the
// other CPUs with AddressSpace::lock_ held. That is safe because
//   - every CPU spinning for an AddressSpace lock serves remote calls while
//     it spins (AddressSpaceLock below), as does every CPU waiting for
//     shootdown acknowledgements;
//   - no AddressSpace lock is taken with another spin lock held, and no
//     shootdown is started with any lock held but AddressSpace locks, so a
//     CPU spinning elsewhere with interrupts masked waits for a holder that
//     does not wait for us;
//   - activate() does not take the address-space lock (a scheduler may call
//     it under its own locks).
#pragma once

#include <stdint.h>

#include "hal/cpu.h"
#include "hal/mm.h"
#include "kernel/sync/spin_lock.h"

namespace kernel::mm {

using TlbCpuMask = uint64_t;

// The CPUs that may hold TLB entries of one address space (see above).
class TlbCpuSet {
public:
    // This CPU is about to run the space: before its root is loaded.
    void add(uint32_t cpu) { __atomic_fetch_or(&cpus_, TlbCpuMask{1} << cpu, __ATOMIC_SEQ_CST); }
    // add(), skipped when the bit is set already (the switch path: the bit
    // stays set across switches). Safe without a second atomic write: bits
    // are never cleared, so a set bit is this CPU's own earlier add(), and
    // it has stayed set since. A
    // changer that read the set after that add() saw the bit and shoots this
    // CPU down; one that read it before had, by the ordering above, its
    // table write visible to this CPU's walks after that add(), which
    // include every walk from now on.
    void add_if_absent(uint32_t cpu) {
        const TlbCpuMask bit = TlbCpuMask{1} << cpu;
        if ((__atomic_load_n(&cpus_, __ATOMIC_RELAXED) & bit) == 0) add(cpu);
    }
    // After the page-table change whose old entries must go.
    TlbCpuMask read() const {
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
        return __atomic_load_n(&cpus_, __ATOMIC_SEQ_CST);
    }

private:
    TlbCpuMask cpus_ = 0;
};

// Flushes [start, start + length) (whole = the whole address space) of the
// space with ASID `asid` (the space's for its life, asid_allocator.h) on
// every CPU in `cpus` that is online, this CPU directly, the others through
// remote calls, and returns when all have. No-op for a space that never ran
// (`cpus` empty).
void shoot_down(TlbCpuMask cpus, uint32_t asid, hal::mm::VirtualAddress start, uint64_t length);
void shoot_down_all(TlbCpuMask cpus, uint32_t asid);

// Shootdowns that reached at least one other CPU since boot (tests).
uint64_t remote_shootdowns();

// The lock of an address space, whose holder may wait for TLB shootdowns:
// a kernel::SpinLock whose waiters serve remote calls while they spin (the
// holder may be waiting for this CPU's shootdown answer).
struct ServeRemoteCallsWhileSpinning {
    static void spin();
};
using AddressSpaceLock = BasicSpinLock<ServeRemoteCallsWhileSpinning>;
using AddressSpaceLockGuard = BasicSpinLockGuard<AddressSpaceLock>;

}  // namespace kernel::mm
