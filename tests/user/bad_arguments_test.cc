// System calls given bad pointers, lengths and numbers answer with an error
// code; the kernel never faults on them and the caller goes on.
#include <stdio.h>

#include "cairn/capability.h"

#include "tests/user/cases.h"
#include "tests/user/check.h"
#include "tests/user/support.h"

namespace utest {
namespace {

using cairn::Status;
using cairn::Syscall;

int64_t call(Syscall number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
             uint64_t a4 = 0) {
    return raw_syscall(static_cast<uint64_t>(number), a0, a1, a2, a3, a4);
}

constexpr int64_t status(Status value) {
    return static_cast<int64_t>(value);
}

const char kReadOnly[64] = "read-only data";
constexpr uint64_t kKernelAddress = 0xffffffff80000000ull;  // kernel half on all three
constexpr uint64_t kUnmapped = 0x1000;                      // page 1: never mapped

}  // namespace

void run_bad_arguments() {
    const uint64_t text = reinterpret_cast<uint64_t>("valid text");
    // debug_print: unmapped, kernel, overflowing and oversized buffers.
    CHECK_EQ(call(Syscall::kDebugPrint, kUnmapped, 8), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kDebugPrint, kKernelAddress, 8), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kDebugPrint, ~uint64_t{0} - 3, 8), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kDebugPrint, text, ~uint64_t{0}), status(Status::kInvalidArgument));
    CHECK_EQ(call(Syscall::kDebugPrint, text, 0), 0);
    // Output structures: null, kernel, read-only.
    CHECK_EQ(call(Syscall::kThreadInfo, 0, 0), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kThreadInfo, 0, kKernelAddress), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kThreadInfo, 0, reinterpret_cast<uint64_t>(kReadOnly)),
             status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kSystemInfo, kUnmapped), status(Status::kBadAddress));
    // Input structures.
    CHECK_EQ(call(Syscall::kThreadCreate, 0), status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kThreadCreate, kKernelAddress), status(Status::kBadAddress));
    cairn::ThreadCreateArguments bad_entry{};
    bad_entry.entry = kKernelAddress;
    bad_entry.stack_top = 0x10000;
    bad_entry.priority = cairn::kInheritPriority;
    int64_t result = call(Syscall::kThreadCreate, reinterpret_cast<uint64_t>(&bad_entry));
    CHECK(result == status(Status::kBadAddress) || result == status(Status::kInvalidArgument));
    const uint64_t quota = cairn::kInitQuotaSlot;
    CHECK_EQ(call(Syscall::kProcessSpawn, kUnmapped, 8, 0, 0, quota), status(Status::kBadAddress));
    const char* missing = "bin/no-such-program";
    CHECK_EQ(call(Syscall::kProcessSpawn, reinterpret_cast<uint64_t>(missing), 19, 0, 0, quota),
             status(Status::kNotFound));
    // The quota slot comes first: none, or not a quota.
    CHECK_EQ(call(Syscall::kProcessSpawn, kUnmapped, 8, 0, 0, 0), status(Status::kNoCapability));
    CHECK_EQ(call(Syscall::kProcessSpawn, kUnmapped, 8, 0, 0, cairn::kInitPlatformSlot),
             status(Status::kWrongType));
    // Out-of-range values.
    CHECK_EQ(call(Syscall::kThreadSetPriority, 0, 140), status(Status::kInvalidArgument));
    CHECK_EQ(call(Syscall::kThreadSetPriority, 0, 1000), status(Status::kInvalidArgument));
    CHECK_EQ(call(Syscall::kThreadSetAffinity, 0, uint64_t{1} << 63),
             status(Status::kInvalidArgument));
    CHECK_EQ(call(Syscall::kThreadJoin, 0x7fffffff, 0), status(Status::kNotFound));
    CHECK_EQ(call(Syscall::kAsMap, 0, 0, 0, cairn::kMapRead, 0), status(Status::kInvalidArgument));
    CHECK_EQ(call(Syscall::kAsMap, 0, 0, 4096, cairn::kMapWrite | cairn::kMapExecute, 0),
             status(Status::kPermissionDenied));
    CHECK_EQ(call(Syscall::kAsMap, 0, kKernelAddress, 4096, cairn::kMapRead, cairn::kMapFixed),
             status(Status::kBadAddress));
    CHECK_EQ(call(Syscall::kAsUnmap, 77, 0x10000, 4096), status(Status::kNotFound));
    CHECK_EQ(raw_syscall(9999), status(Status::kUnsupported));
    CHECK_EQ(raw_syscall(~uint64_t{0}), status(Status::kUnsupported));
    // The caller is alive and the kernel still answers.
    CHECK_EQ(call(Syscall::kNull), 0);
    printf("bad arguments: every bad pointer, length and number answered with an error\n");
}

}  // namespace utest
