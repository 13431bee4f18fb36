// One handler per system call (calls_*.cc); dispatch.cc indexes them by
// number. Each takes the raw argument registers and returns the result
// register's value: >= 0, or -(os::Error).
#pragma once

#include <stdint.h>

#include "hal/user_mode.h"

namespace kernel::syscall {

using Arguments = hal::syscall::Arguments;

// calls_debug.cc
int64_t debug_print(const Arguments& arguments);
int64_t debug_break(const Arguments& arguments);
int64_t null_call(const Arguments& arguments);

// calls_thread.cc
int64_t thread_create(const Arguments& arguments);
int64_t thread_exit(const Arguments& arguments);
int64_t thread_yield(const Arguments& arguments);
int64_t thread_sleep(const Arguments& arguments);
int64_t thread_set_priority(const Arguments& arguments);
int64_t thread_set_affinity(const Arguments& arguments);
int64_t thread_info(const Arguments& arguments);
int64_t thread_join(const Arguments& arguments);
int64_t thread_set_pointer(const Arguments& arguments);
int64_t thread_control(const Arguments& arguments);
int64_t thread_capability_info(const Arguments& arguments);

// calls_address_space.cc
int64_t as_create(const Arguments& arguments);
int64_t as_map(const Arguments& arguments);
int64_t as_unmap(const Arguments& arguments);
int64_t as_protect(const Arguments& arguments);
int64_t as_destroy(const Arguments& arguments);

// calls_process.cc
int64_t process_spawn(const Arguments& arguments);
int64_t process_wait(const Arguments& arguments);
int64_t process_exit(const Arguments& arguments);
int64_t process_kill(const Arguments& arguments);
int64_t process_info(const Arguments& arguments);
int64_t process_spawn_with_caps(const Arguments& arguments);  // calls_capability.cc
int64_t clock_monotonic(const Arguments& arguments);
int64_t system_info(const Arguments& arguments);
int64_t boot_file_read(const Arguments& arguments);
int64_t memory_nodes(const Arguments& arguments);
int64_t thread_list(const Arguments& arguments);  // calls_thread.cc

// calls_capability.cc
int64_t cap_create(const Arguments& arguments);
int64_t cap_copy(const Arguments& arguments);
int64_t cap_derive(const Arguments& arguments);
int64_t cap_grant(const Arguments& arguments);
int64_t cap_revoke(const Arguments& arguments);
int64_t cap_delete(const Arguments& arguments);
int64_t cap_info(const Arguments& arguments);
int64_t cap_obtain(const Arguments& arguments);
int64_t cap_insert(const Arguments& arguments);

// calls_ipc.cc
int64_t ipc_send(const Arguments& arguments);
int64_t ipc_receive(const Arguments& arguments);
int64_t ipc_call(const Arguments& arguments);
int64_t ipc_reply(const Arguments& arguments);
int64_t ipc_reply_receive(const Arguments& arguments);
int64_t ipc_notify(const Arguments& arguments);
int64_t ipc_wait_notification(const Arguments& arguments);
int64_t ipc_bind_notification(const Arguments& arguments);
int64_t ipc_save_reply(const Arguments& arguments);
// thread_set_ipc_buffer lives with the IPC calls (kernel/ipc/ipc_buffer.h).
int64_t thread_set_ipc_buffer(const Arguments& arguments);

// calls_memory.cc
int64_t memory_map(const Arguments& arguments);
int64_t memory_create_device(const Arguments& arguments);
int64_t memory_take(const Arguments& arguments);
int64_t irq_register(const Arguments& arguments);
int64_t irq_ack(const Arguments& arguments);
int64_t platform_info(const Arguments& arguments);

// calls_io_ports.cc
int64_t io_port_create(const Arguments& arguments);
int64_t io_port_enable(const Arguments& arguments);

// A deadline from a relative timeout (cairn::kForever: none), saturating.
uint64_t deadline_after(uint64_t timeout_ns);

}  // namespace kernel::syscall
