// The bookkeeping behind TLB maintenance with PCIDs (mmu/tlb.cc): which PCID
// is current, which PCIDs may hold stale entries, and what a flush request
// must do. No privileged instructions here, so host tests can check it.
//
// With PCIDs, a CR3 load with the no-flush bit keeps the TLB entries of
// every PCID, the loaded one included. That is right as long as nothing
// changed a PCID's mappings without flushing its entries. Flushing the
// current PCID is easy (invlpg, CR3 reload); another PCID's entries need
// INVPCID, and on CPUs without it the flush is deferred: the PCID is marked
// stale, and its next activation loads CR3 without the no-flush bit, which
// drops all its entries. Exact (a stale PCID is never current) and cheap:
// one full flush of that PCID at its next switch.
#pragma once

#include <stdint.h>

namespace hal::x86_64 {

class PcidTracker {
public:
    static constexpr uint32_t kPcidCount = 4096;  // CR3 bits 0-11
    // The kernel root's PCID (boot.S loads CR3 with PCID 0).
    static constexpr uint32_t kKernelPcid = 0;

    enum class Action {
        kFlushCurrent,  // the PCID is current: invlpg, or reload CR3
        kInvpcid,       // use INVPCID on that PCID
        kDeferred,      // marked stale: flushed when next activated
    };

    explicit PcidTracker(bool has_invpcid) : has_invpcid_(has_invpcid) {}

    uint32_t active() const { return active_; }

    // `pcid` becomes current. Returns true if the CR3 load must drop its
    // entries (no no-flush bit): it is stale, or it is PCID 0, which also
    // tags the kernel root's entries and so is never trusted for a user root.
    bool activate(uint32_t pcid) {
        bool flush = take_stale(pcid) || pcid == kKernelPcid;
        active_ = pcid;
        return flush;
    }

    // A page of `pcid` changed.
    Action flush_page(uint32_t pcid) { return flush(pcid); }

    // Every mapping of `pcid` may have changed.
    Action flush_address_space(uint32_t pcid) { return flush(pcid); }

    // After invlpg of a kernel page, or a flush of only the current PCID: a
    // non-global entry may still sit in the TLB under any other PCID.
    void mark_others_stale() {
        for (uint64_t& word : stale_)
            word = ~uint64_t{0};
        clear_stale(active_);
    }

    // After a flush of every entry of every PCID.
    void all_flushed() {
        for (uint64_t& word : stale_)
            word = 0;
    }

    bool is_stale(uint32_t pcid) const { return stale_[pcid / 64] & bit(pcid); }

private:
    static uint64_t bit(uint32_t pcid) { return uint64_t{1} << (pcid % 64); }

    Action flush(uint32_t pcid) {
        if (pcid == active_) return Action::kFlushCurrent;
        if (has_invpcid_) return Action::kInvpcid;
        stale_[pcid / 64] |= bit(pcid);
        return Action::kDeferred;
    }

    void clear_stale(uint32_t pcid) { stale_[pcid / 64] &= ~bit(pcid); }

    bool take_stale(uint32_t pcid) {
        bool stale = is_stale(pcid);
        clear_stale(pcid);
        return stale;
    }

    bool has_invpcid_;
    uint32_t active_ = kKernelPcid;
    uint64_t stale_[kPcidCount / 64] = {};
};

}  // namespace hal::x86_64
