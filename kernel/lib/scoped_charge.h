// A charge on an account that is refunded when it goes out of scope unless
// keep() hands it to whoever now owns what it paid for: a call that
// charges first and then allocates in several steps gives everything back
// on every error path without a refund of its own on each.
//
// `Account` has a charge (`kCharge`: takes the bytes, or an error with
// nothing taken) and a refund (`kRefund`: gives back what a charge took);
// kernel/object's Quota and kernel/mm's MemoryAccount are the two.
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace os {

template <typename Account, ErrorOr<void> (Account::*kCharge)(uint64_t),
          void (Account::*kRefund)(uint64_t)>
class [[nodiscard]] ScopedCharge {
public:
    // Charges `bytes` to `account` (nullptr: nothing to charge), or the
    // charge's error with nothing charged.
    static ErrorOr<ScopedCharge> take(Account* account, uint64_t bytes) {
        if (account != nullptr) TRY((account->*kCharge)(bytes));
        return ScopedCharge(account, bytes);
    }
    // Takes over a charge of `bytes` made on `account` already.
    static ScopedCharge adopt(Account* account, uint64_t bytes) {
        return ScopedCharge(account, bytes);
    }
    ScopedCharge(ScopedCharge&& other) : account_(other.account_), bytes_(other.bytes_) {
        other.account_ = nullptr;
    }
    ScopedCharge& operator=(ScopedCharge&&) = delete;
    ScopedCharge(const ScopedCharge&) = delete;
    ScopedCharge& operator=(const ScopedCharge&) = delete;
    ~ScopedCharge() {
        if (account_ != nullptr) (account_->*kRefund)(bytes_);
    }
    // The charge stays: its new owner refunds it later.
    void keep() { account_ = nullptr; }

private:
    ScopedCharge(Account* account, uint64_t bytes) : account_(account), bytes_(bytes) {}
    Account* account_;
    uint64_t bytes_;
};

}  // namespace os
