// init: the first user program, started by the kernel as process 1. It
// reports that user space is up (through printf -> the debug_print system
// call) with what the system looks like, then starts the service manager
// (bin/service_manager), which starts everything else, and waits on it.
// With `init_arg=no-services` it only reports and exits (boot tests of the
// kernel alone).
#include <stdio.h>
#include <string.h>

#include "cairn/sys.h"

namespace {

// The service manager's start slots (services/runtime/slots.h): 1 a quota
// (services' kernel objects), 3 the platform (their devices); slot 2 (the
// name server's) stays empty: the manager makes the name server. The
// manager itself is charged to the root quota too.
int start_service_manager() {
    cairn::CapSlot caps[3] = {cairn::kInitQuotaSlot, cairn::kNullSlot, cairn::kInitPlatformSlot};
    cairn::Result manager =
        cairn::sys::spawn_with_caps("bin/service_manager", "", caps, 3, 0, cairn::kInitQuotaSlot);
    if (!manager) {
        printf("init: cannot start bin/service_manager: %s\n",
               cairn::status_name(manager.status()));
        return 1;
    }
    cairn::Result status = cairn::sys::process_wait(manager.value());
    printf("init: the service manager (process %llu) exited with status %lld\n",
           static_cast<unsigned long long>(manager.value()), static_cast<long long>(status.raw));
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    cairn::SystemInfo info{};
    if (!cairn::sys::system_info(&info)) {
        printf("init: system_info failed\n");
        return 1;
    }
    cairn::ThreadInfo self{};
    (void)cairn::sys::thread_info(0, &self);
    printf("init: hello from user space: %s is process %llu, thread %llu, on CPU %llu of %llu\n",
           argv[0], static_cast<unsigned long long>(self.process_id),
           static_cast<unsigned long long>(self.thread_id),
           static_cast<unsigned long long>(self.last_cpu),
           static_cast<unsigned long long>(info.cpu_count));
    printf("init: %llu MiB of %llu MiB free, %llu threads, page size %llu\n",
           static_cast<unsigned long long>(info.free_memory >> 20),
           static_cast<unsigned long long>(info.total_memory >> 20),
           static_cast<unsigned long long>(info.thread_count),
           static_cast<unsigned long long>(info.page_size));
    if (argc > 1) printf("init: argument \"%s\"\n", argv[1]);
    if (argc > 1 && strcmp(argv[1], "no-services") == 0) return 0;
    return start_service_manager();
}
