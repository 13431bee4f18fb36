// memtest's "mm_quota" case: page tables and anonymous pages are charged to
// the memory quota of the process whose address space they are made for
// (abi/cairn/capability.h). Each child gets a quota of its own and the
// parent checks it is back to the byte once process_wait returns:
//  - child_touch touches pages of a large anonymous region until its quota
//    is spent: the fault it cannot pay for kills it (kThreadKilledStatus,
//    reported on the console), the kernel lives on, nothing leaks;
//  - child_map_tables spends its quota and maps a device page where new
//    tables are needed: kQuotaExceeded, nothing mapped, nothing charged;
//    with the quota back the same mapping charges exactly its tables, and
//    unmapping refunds them;
//  - child_take touches anonymous pages and moves them with memory_take:
//    their charge moves to the new memory object (paid whole up front),
//    and everything is back once the object and the mapping are gone.
#include <stdio.h>
#include <string.h>

#include "cairn/capability.h"
#include "cairn/sys.h"
#include "tests/user/check.h"
#include "tests/user/memtest/quota.h"
#include "tests/user/memtest/quota_cases.h"

namespace memtest {
namespace {

using namespace cairn;

constexpr CapSlot kChildDevice = 2;  // child_map_tables: a device page
// A page nobody maps: the first 1 GiB there needs two new tables on every
// architecture (x86_64, aarch64, Sv48: a directory and a table under the
// root's first entry; Sv39: both under a root entry of its own).
constexpr uintptr_t kFarAddress = uintptr_t{0x20} << 32;
constexpr uint64_t kTouchRegion = 64 << 20;

// Spends the child's quota on address spaces until less than one is left
// (as_create charges kAddressSpaceCost and touches no user memory).
uint64_t spend_on_spaces(uint64_t* handles) {
    uint64_t spaces = 0;
    while (spaces < kMaxSpaces) {
        Result handle = sys::as_create();
        if (!handle) {
            CHECK_STATUS(handle, Status::kQuotaExceeded);
            break;
        }
        handles[spaces++] = handle.value();
    }
    CHECK(left(kChildQuota) < kAddressSpaceCost);
    return spaces;
}

void destroy_spaces(const uint64_t* handles, uint64_t spaces) {
    for (uint64_t i = 0; i < spaces; ++i)
        CHECK(sys::as_destroy(handles[i]).ok());
}

// Spawns `argument` with a quota of `bytes` (and `caps` in slots 1..) and
// waits for it; checks the quota and the kernel's object bytes are back.
int64_t run_child(const char* argument, uint64_t bytes, CapSlot device = kNullSlot) {
    Result quota = sys::cap_create(kQuota, ObjectType::kQuota, bytes);
    if (!CHECK(quota.ok())) return -1;
    CapSlot caps[] = {quota.value(), device};
    uint64_t objects_before = settled_object_bytes();
    Result child =
        sys::spawn_with_caps("bin/memtest", argument, caps, device ? 2 : 1, 0, quota.value());
    int64_t status = -1;
    if (CHECK(child.ok())) {
        status = sys::process_wait(child.value(), 60 * kSecond).raw;
        // Every page, table, thread and the process itself: back to the byte.
        CHECK(left(quota.value()) == bytes);
        CHECK(settled_object_bytes() == objects_before);
    }
    CHECK(sys::cap_delete(quota.value()).ok());
    return status;
}

}  // namespace

// Touches its pages until the quota cannot pay for the next: killed there.
int child_touch() {
    pre_touch_stack();
    Result region = sys::as_map(0, 0, kTouchRegion, kMapRead | kMapWrite);
    if (!CHECK(region.ok())) return 1;
    auto* bytes = reinterpret_cast<volatile uint8_t*>(region.value());
    for (uint64_t offset = 0; offset < kTouchRegion; offset += kPage)
        bytes[offset] = 1;
    printf("memtest child_touch: FAILED: %llu MiB touched on a small quota\n",
           static_cast<unsigned long long>(kTouchRegion >> 20));
    return 1;
}

int child_map_tables() {
    int failures_before = utest::failures;
    pre_touch_stack();
    const uint64_t budget = left(kChildQuota);
    uint64_t handles[kMaxSpaces];
    uint64_t spaces = spend_on_spaces(handles);
    MemoryMapArguments far{kChildDevice, 0, kFarAddress, 0, kPage, kMapRead | kMapWrite, kMapFixed};
    uint64_t spent = left(kChildQuota);
    CHECK_STATUS(sys::memory_map(far), Status::kQuotaExceeded);
    CHECK(left(kChildQuota) == spent);  // the table it got first went back
    destroy_spaces(handles, spaces);
    CHECK(left(kChildQuota) == budget);
    // Nothing was left there (else kAlreadyExists); now the tables are paid.
    Result mapped = sys::memory_map(far);
    uint64_t tables = 0;
    if (CHECK(mapped.ok())) {
        CHECK(mapped.value() == kFarAddress);
        tables = (budget - left(kChildQuota)) / kPageTableCost;
        CHECK(budget - left(kChildQuota) == 2 * kPageTableCost);
        CHECK(sys::as_unmap(0, kFarAddress, kPage).ok());
        CHECK(left(kChildQuota) == budget);  // the emptied tables are freed
    }
    printf(
        "memtest child_map_tables: refused with %llu bytes left, then %llu tables charged and "
        "refunded\n",
        static_cast<unsigned long long>(spent), static_cast<unsigned long long>(tables));
    return utest::failures == failures_before ? 0 : 1;
}

int child_take() {
    int failures_before = utest::failures;
    pre_touch_stack();
    constexpr uint64_t kPages = 8, kTouched = 5;
    const uint64_t budget = left(kChildQuota);
    Result region = sys::as_map(0, kFarAddress, kPages * kPage, kMapRead | kMapWrite, kMapFixed);
    if (!CHECK(region.ok())) return 1;
    CHECK(left(kChildQuota) == budget);  // a region is free until touched
    auto* bytes = reinterpret_cast<volatile uint8_t*>(kFarAddress);
    for (uint64_t i = 0; i < kTouched; ++i)
        bytes[i * kPage] = static_cast<uint8_t>(0x40 + i);
    const uint64_t touched = budget - left(kChildQuota);
    // Five pages and the two tables over them.
    CHECK(touched == kTouched * kPageCost + 2 * kPageTableCost);
    Result taken = sys::memory_take(kChildQuota, kFarAddress, kPages * kPage);
    if (!CHECK(taken.ok())) return 1;
    // The object is paid whole; the pages' own charges and the emptied
    // tables went back: no page is charged twice.
    CHECK(left(kChildQuota) == budget - kObjectCost - kPages * kPage);
    Result mapped = sys::memory_map(taken.value(), kPages * kPage, kMapRead);
    if (CHECK(mapped.ok())) {
        auto* view = reinterpret_cast<volatile uint8_t*>(mapped.value());
        for (uint64_t i = 0; i < kTouched; ++i)
            CHECK(view[i * kPage] == 0x40 + i);
        CHECK(view[kTouched * kPage] == 0);  // never touched: zero, and paid for already
        CHECK(sys::as_unmap(0, mapped.value(), kPages * kPage).ok());
    }
    CHECK(sys::cap_delete(taken.value()).ok());
    CHECK(left(kChildQuota) == budget);
    printf("memtest child_take: %llu bytes for %llu touched pages moved into a %llu-page object\n",
           static_cast<unsigned long long>(touched), static_cast<unsigned long long>(kTouched),
           static_cast<unsigned long long>(kPages));
    return utest::failures == failures_before ? 0 : 1;
}

int run_mm_quota() {
    int failures_before = utest::failures;
    uint64_t quota_before = left(kQuota);
    const uint64_t running = running_cost();
    if (running == 0) return utest::failures - failures_before;

    // 256 KiB beyond what a sleeping child costs: far less than 64 MiB.
    CHECK(run_child("child_touch", running + (256 << 10)) == kThreadKilledStatus);

    Result device = sys::memory_create_device(kPlatform, kSomeDevice, kPage, kQuota);
    if (CHECK(device.ok())) {
        CHECK(run_child("child_map_tables", running + kCapabilityChunkCost + (48 << 10),
                        device.value()) == 0);
        CHECK(sys::cap_delete(device.value()).ok());
    }
    CHECK(run_child("child_take", running + kCapabilityChunkCost + (96 << 10)) == 0);
    CHECK(left(kQuota) == quota_before);
    return utest::failures - failures_before;
}

}  // namespace memtest
