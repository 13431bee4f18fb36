// init: the first user program, started by the kernel as process 1. For now
// it reports that user space is up (through printf -> the debug_print
// system call) with what the system looks like; the service manager that
// init will start comes with the IPC issues.
#include <stdio.h>

#include "cairn/sys.h"

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
    return 0;
}
