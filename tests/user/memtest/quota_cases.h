// What the quota cases (quota.cc, process_quota.cc, mm_quota.cc) share;
// main.cc has its own, more talkative CHECK_STATUS.
#pragma once

#include <stdint.h>

#include "cairn/capability.h"
#include "tests/user/check.h"

namespace memtest {

// The call answered exactly `expected`.
#define CHECK_STATUS(result, expected) CHECK((result).status() == (expected))

inline constexpr cairn::CapSlot kQuota = cairn::kInitQuotaSlot;
inline constexpr cairn::CapSlot kPlatform = cairn::kInitPlatformSlot;
inline constexpr cairn::CapSlot kChildQuota = 1;  // a child's memory quota, in its slot 1
inline constexpr uint64_t kPage = 4096;
inline constexpr uint64_t kMillisecond = 1'000'000;
inline constexpr uint64_t kSecond = 1'000'000'000;
inline constexpr uint64_t kMaxSpaces = 16;  // the handle table's size
// A device page every machine has (memory_create_device accepts it).
#if defined(__x86_64__)
inline constexpr uint64_t kSomeDevice = 0xfee00000;  // the local APIC
#elif defined(__aarch64__)
inline constexpr uint64_t kSomeDevice = 0x09000000;  // the PL011
#else
inline constexpr uint64_t kSomeDevice = 0x10000000;  // the ns16550a
#endif

}  // namespace memtest
