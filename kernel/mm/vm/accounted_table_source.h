// Page tables paid for by an address space's account (memory_account.h).
#pragma once

#include "cairn/capability.h"
#include "hal/mm.h"
#include "kernel/mm/vm/memory_account.h"
#include "kernel/mm/vm/page_table.h"

namespace kernel::mm {

// What the kernel allocates for a table below the root (and, for pages,
// memory_object.cc's one frame) must be covered by its price.
static_assert(cairn::kPageTableCost >= hal::mm::kPageSize,
              "a page table is one page from the table source");
static_assert(cairn::kPageCost >= hal::mm::kPageSize, "an anonymous page is one frame");

// The table source of an address space that pays for its tables: charges
// `account` (nullptr: nobody) kPageTableCost before each table comes from
// `source`, refunds it when the table goes back. The root is not taken
// from here: kAddressSpaceCost pays for it.
class AccountedTableSource final : public TablePageSource {
public:
    AccountedTableSource(TablePageSource& source, MemoryAccount* account)
        : source_(source), account_(account) {}

    os::ErrorOr<PhysicalAddress> allocate_table() override {
        if (account_ != nullptr) TRY(account_->charge_memory(cairn::kPageTableCost));
        auto table = source_.allocate_table();
        if (table.is_error() && account_ != nullptr) account_->refund_memory(cairn::kPageTableCost);
        return table;
    }
    void free_table(PhysicalAddress table) override {
        source_.free_table(table);
        if (account_ != nullptr) account_->refund_memory(cairn::kPageTableCost);
    }

private:
    TablePageSource& source_;
    MemoryAccount* const account_;
};

}  // namespace kernel::mm
