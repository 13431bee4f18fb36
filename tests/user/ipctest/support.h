// What the ipctest cases share: status checks that name the codes, child
// processes (ipctest spawns itself as bin/ipctest with "child:<role>" and
// hands it capabilities), a quota-backed object helper, kernel memory usage.
#pragma once

#include <stdint.h>

#include "cairn/message.h"
#include "cairn/sys.h"
#include "tests/user/check.h"

namespace ipctest {

using cairn::CapSlot;
using cairn::Result;
using cairn::Status;

inline constexpr uint64_t kSecond = 1'000'000'000;
inline constexpr uint64_t kMillisecond = 1'000'000;

bool check_status(Result result, Status expected, const char* expression, const char* file,
                  int line);

// Creates an object from init's quota (slot 1); 0 and a FAILED line if the
// kernel refused.
CapSlot create(cairn::ObjectType type, uint64_t size = 0);
cairn::CapInfo info(CapSlot slot);
// The process id of bin/ipctest started with "child:<role>" and `caps`
// (copied, or moved per `move_mask`); 0 (and FAILED) if the spawn failed.
uint64_t spawn_child(const char* role, const CapSlot* caps = nullptr, uint64_t count = 0,
                     uint64_t move_mask = 0);
// The child's exit status (waits at most 20 s).
int64_t wait_child(uint64_t process_id);

// Kernel memory in use: object bytes, and free memory + heap pages (they
// return to where they were after work that ends cleanly).
struct Usage {
    uint64_t objects = 0;
    uint64_t unaccounted = 0;
    bool operator==(const Usage&) const = default;
};
Usage settled_usage();

// A child role: main() runs it when argv[1] is "child:<name>".
using ChildMain = int (*)();
struct ChildRole {
    const char* name;
    ChildMain run;
};

}  // namespace ipctest

// CHECK_STATUS(cairn::sys::ipc_send(...), kPeerGone): the call answered
// exactly that (kOk: succeeded with any value).
#define CHECK_STATUS(result, status)                                                             \
    ::ipctest::check_status((result), ::cairn::Status::status, #result " -> " #status, __FILE__, \
                            __LINE__)
#define CHECK_OK(result) CHECK_STATUS(result, kOk)
