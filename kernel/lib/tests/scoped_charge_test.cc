// ScopedCharge: a charge refunded at the end of its scope unless kept.
#include "kernel/lib/scoped_charge.h"

#include <gtest/gtest.h>

namespace os {
namespace {

// An account with `available` bytes that refuses a charge beyond them.
struct CountingAccount {
    uint64_t available = 100;
    int refunds = 0;
    ErrorOr<void> charge(uint64_t bytes) {
        if (bytes > available) return Error::kQuotaExceeded;
        available -= bytes;
        return {};
    }
    void refund(uint64_t bytes) {
        available += bytes;
        ++refunds;
    }
};
using Charge = ScopedCharge<CountingAccount, &CountingAccount::charge, &CountingAccount::refund>;

TEST(ScopedChargeTest, RefundsAtTheEndOfTheScopeUnlessKept) {
    CountingAccount account;
    {
        auto charge = Charge::take(&account, 30);
        ASSERT_FALSE(charge.is_error());
        EXPECT_EQ(account.available, 70u);
    }
    EXPECT_EQ(account.available, 100u);
    EXPECT_EQ(account.refunds, 1);
    {
        auto charge = Charge::take(&account, 30);
        ASSERT_FALSE(charge.is_error());
        charge.value().keep();
    }
    EXPECT_EQ(account.available, 70u);
    EXPECT_EQ(account.refunds, 1);
}

TEST(ScopedChargeTest, AFailedChargeTakesAndRefundsNothing) {
    CountingAccount account;
    {
        auto charge = Charge::take(&account, 101);
        ASSERT_TRUE(charge.is_error());
        EXPECT_EQ(charge.error(), Error::kQuotaExceeded);
    }
    EXPECT_EQ(account.available, 100u);
    EXPECT_EQ(account.refunds, 0);
}

TEST(ScopedChargeTest, NoAccountChargesNothingAndAMovedChargeRefundsOnce) {
    auto none = Charge::take(nullptr, 1000);
    EXPECT_FALSE(none.is_error());
    CountingAccount account;
    {
        Charge adopted = Charge::adopt(&account, 0);
        auto taken = Charge::take(&account, 40);
        ASSERT_FALSE(taken.is_error());
        Charge moved(static_cast<Charge&&>(taken.value()));
        EXPECT_EQ(account.available, 60u);
    }
    EXPECT_EQ(account.available, 100u);
    EXPECT_EQ(account.refunds, 2);  // the adopted 0 bytes and the moved 40, not 40 twice
}

}  // namespace
}  // namespace os
