#include "tests/user/ipctest/support.h"

#include <stdio.h>
#include <string.h>

namespace ipctest {

bool check_status(Result result, Status expected, const char* expression, const char* file,
                  int line) {
    if (result.status() == expected) return true;
    ++utest::failures;
    printf("FAILED: %s: got %lld (%s) (%s:%d)\n", expression, static_cast<long long>(result.raw),
           cairn::status_name(result.status()), file, line);
    return false;
}

CapSlot create(cairn::ObjectType type, uint64_t size) {
    Result result = cairn::sys::cap_create(cairn::kInitQuotaSlot, type, size);
    if (!CHECK_OK(result)) return 0;
    return result.value();
}

cairn::CapInfo info(CapSlot slot) {
    cairn::CapInfo answer{};
    (void)cairn::sys::cap_info(slot, &answer);
    return answer;
}

uint64_t spawn_child(const char* role, const CapSlot* caps, uint64_t count, uint64_t move_mask) {
    char argument[64];
    snprintf(argument, sizeof argument, "child:%s", role);
    Result result = cairn::sys::spawn_with_caps("bin/ipctest", argument, caps, count, move_mask,
                                                cairn::kInitQuotaSlot);
    if (!CHECK_OK(result)) return 0;
    return result.value();
}

int64_t wait_child(uint64_t process_id) {
    if (process_id == 0) return -1;
    return cairn::sys::process_wait(process_id, 20 * kSecond).raw;
}

namespace {

Usage usage() {
    cairn::SystemInfo system{};
    (void)cairn::sys::system_info(&system);
    return {system.kernel_objects_bytes, system.free_memory + system.kernel_heap_bytes};
}

}  // namespace

// Frees happen a little after an exit (a dead thread's stack goes once its
// CPU switched away and the reaper ran): two readings 20 ms apart agree.
Usage settled_usage() {
    Usage last = usage();
    for (int attempt = 0; attempt < 50; ++attempt) {
        (void)cairn::sys::thread_sleep(20 * kMillisecond);
        Usage again = usage();
        if (again == last) break;
        last = again;
    }
    return last;
}

}  // namespace ipctest
