// The system call entry: rate limit, then the handler for the number.
#include "cairn/status.h"
#include "cairn/syscalls.h"
#include "hal/user_mode.h"
#include "kernel/debug/print.h"
#include "kernel/ipc/parking.h"
#include "kernel/lib/string.h"
#include "kernel/process/process.h"
#include "kernel/sched/direct_switch.h"
#include "kernel/sched/scheduler.h"
#include "kernel/syscall/handlers.h"
#include "kernel/syscall/syscall.h"
#include "kernel/syscall/user_memory.h"
#include "kernel/time/clock.h"

namespace kernel::syscall {
namespace {

using Handler = int64_t (*)(const Arguments&);
using cairn::Syscall;

constexpr size_t kTableSize = 144;  // numbers 0..143 (interrupts are 128..143)

struct Table {
    Handler handlers[kTableSize] = {};

    constexpr void set(Syscall number, Handler handler) {
        handlers[static_cast<uint64_t>(number)] = handler;
    }
};

constexpr Table make_table() {
    Table table;
    table.set(Syscall::kDebugPrint, debug_print);
    table.set(Syscall::kDebugBreak, debug_break);
    table.set(Syscall::kNull, null_call);
    table.set(Syscall::kThreadCreate, thread_create);
    table.set(Syscall::kThreadExit, thread_exit);
    table.set(Syscall::kThreadYield, thread_yield);
    table.set(Syscall::kThreadSleep, thread_sleep);
    table.set(Syscall::kThreadSetPriority, thread_set_priority);
    table.set(Syscall::kThreadSetAffinity, thread_set_affinity);
    table.set(Syscall::kThreadInfo, thread_info);
    table.set(Syscall::kThreadJoin, thread_join);
    table.set(Syscall::kThreadSetPointer, thread_set_pointer);
    table.set(Syscall::kThreadControl, thread_control);
    table.set(Syscall::kThreadCapabilityInfo, thread_capability_info);
    table.set(Syscall::kAsCreate, as_create);
    table.set(Syscall::kAsMap, as_map);
    table.set(Syscall::kAsUnmap, as_unmap);
    table.set(Syscall::kAsProtect, as_protect);
    table.set(Syscall::kAsDestroy, as_destroy);
    table.set(Syscall::kProcessSpawn, process_spawn);
    table.set(Syscall::kProcessWait, process_wait);
    table.set(Syscall::kProcessExit, process_exit);
    table.set(Syscall::kProcessKill, process_kill);
    table.set(Syscall::kProcessInfo, process_info);
    table.set(Syscall::kClockMonotonic, clock_monotonic);
    table.set(Syscall::kSystemInfo, system_info);
    table.set(Syscall::kBootFileRead, boot_file_read);
    table.set(Syscall::kThreadList, thread_list);
    table.set(Syscall::kMemoryNodes, memory_nodes);
    table.set(Syscall::kProcessSpawnWithCaps, process_spawn_with_caps);
    table.set(Syscall::kCapCreate, cap_create);
    table.set(Syscall::kCapCopy, cap_copy);
    table.set(Syscall::kCapDerive, cap_derive);
    table.set(Syscall::kCapGrant, cap_grant);
    table.set(Syscall::kCapRevoke, cap_revoke);
    table.set(Syscall::kCapDelete, cap_delete);
    table.set(Syscall::kCapInfo, cap_info);
    table.set(Syscall::kCapObtain, cap_obtain);
    table.set(Syscall::kCapInsert, cap_insert);
    table.set(Syscall::kIpcSend, ipc_send);
    table.set(Syscall::kIpcReceive, ipc_receive);
    table.set(Syscall::kIpcCall, ipc_call);
    table.set(Syscall::kIpcReply, ipc_reply);
    table.set(Syscall::kIpcReplyReceive, ipc_reply_receive);
    table.set(Syscall::kIpcNotify, ipc_notify);
    table.set(Syscall::kIpcWaitNotification, ipc_wait_notification);
    table.set(Syscall::kIpcBindNotification, ipc_bind_notification);
    table.set(Syscall::kIpcSaveReply, ipc_save_reply);
    table.set(Syscall::kThreadSetIpcBuffer, thread_set_ipc_buffer);
    table.set(Syscall::kMemoryMap, memory_map);
    table.set(Syscall::kMemoryCreateDevice, memory_create_device);
    table.set(Syscall::kMemoryTake, memory_take);
    table.set(Syscall::kIrqRegister, irq_register);
    table.set(Syscall::kIrqAck, irq_ack);
    table.set(Syscall::kPlatformInfo, platform_info);
    table.set(Syscall::kIoPortCreate, io_port_create);
    table.set(Syscall::kIoPortEnable, io_port_enable);
    return table;
}

constexpr Table table = make_table();

// User space reads -(os::Error) as a cairn::Status: the two lists must agree.
constexpr bool same_code(os::Error error, cairn::Status status) {
    return -static_cast<int64_t>(error) == static_cast<int64_t>(status);
}
static_assert(same_code(os::Error::kInvalidArgument, cairn::Status::kInvalidArgument));
static_assert(same_code(os::Error::kTimedOut, cairn::Status::kTimedOut));
static_assert(same_code(os::Error::kNoCapability, cairn::Status::kNoCapability));
static_assert(same_code(os::Error::kWrongType, cairn::Status::kWrongType));
static_assert(same_code(os::Error::kMissingRights, cairn::Status::kMissingRights));
static_assert(same_code(os::Error::kPeerGone, cairn::Status::kPeerGone));
static_assert(same_code(os::Error::kWouldBlock, cairn::Status::kWouldBlock));
static_assert(same_code(os::Error::kQuotaExceeded, cairn::Status::kQuotaExceeded));

RateLimit limit = RateLimit::per_second(kDefaultRate);

// The bucket ran dry: sleep until a token accrues (or the thread is killed:
// the call then proceeds and the thread exits on its way out).
[[gnu::noinline]] void throttle(sched::Thread& thread, sched::SyscallAccount& account) {
    ++account.throttled;
    for (;;) {
        uint64_t wait = take_token(account, limit, time::now_ns());
        if (wait == 0 || sched::kill_pending(thread)) return;
        sched::sleep_ns(wait);
    }
}

}  // namespace

void configure(const os::CommandLine& command_line) {
    char text[24];
    uint64_t rate = 0;
    if (!command_line.value("syscall_rate", text, sizeof(text))) {
        // The default stays.
    } else if (!os::parse_decimal(text, &rate) || rate > kMaximumRate) {
        print("syscall: ignoring syscall_rate=%s (0..%llu calls per second)\n", text,
              static_cast<unsigned long long>(kMaximumRate));
    } else {
        limit = RateLimit::per_second(rate);
        if (rate == 0) limit = RateLimit{};
    }
    // The IPC fast path takes its tokens itself (kernel/ipc/parking.h).
    ipc::set_fast_path_rate_limited(limit.rate != 0);
    if (command_line.equals("ipc_arrival", "slow")) {
        sched::set_fused_parked_arrival(false);
        print("sched: parked threads arrive through the scheduler's switch (ipc_arrival=slow)\n");
    }
}

const RateLimit& rate_limit() {
    return limit;
}

uint64_t deadline_after(uint64_t timeout_ns) {
    if (timeout_ns == cairn::kForever) return sched::kNoDeadline;
    uint64_t now = time::now_ns();
    uint64_t deadline = now + timeout_ns;
    return deadline < now || deadline == sched::kNoDeadline ? sched::kNoDeadline - 1 : deadline;
}

}  // namespace kernel::syscall

namespace kernel {

int64_t handle_syscall(const hal::syscall::Arguments& arguments) {
    // From the stack rather than sched::current(), which masks interrupts
    // to read the CPU's running thread; the field itself rather than
    // sched::syscall_account_of(): this is the null system call's path, and
    // either call would be a good part of its cost.
    sched::Thread& thread = sched::thread_of_own_stack();
    sched::SyscallAccount& account = thread.syscall_account;
    ++account.calls;
    if (!syscall::take_token_fast(account, syscall::limit)) syscall::throttle(thread, account);
    if (arguments.number >= syscall::kTableSize) {
        return syscall::error_result(os::Error::kUnsupported);
    }
    syscall::Handler handler = syscall::table.handlers[arguments.number];
    if (handler == nullptr) return syscall::error_result(os::Error::kUnsupported);
    return handler(arguments);
}

void handle_user_fault(const hal::user::Fault& fault) {
    sched::Thread& thread = sched::current();
    process::Process* process = process::current();
    {
        ConsoleGuard guard;
        print("user fault: thread %llu (%s) in process %llu: %s\n",
              static_cast<unsigned long long>(sched::id_of(thread)), thread.name,
              static_cast<unsigned long long>(process != nullptr ? process->id() : 0),
              fault.description);
        print("user fault: pc 0x%llx, address 0x%llx; the thread is ended\n",
              static_cast<unsigned long long>(fault.pc),
              static_cast<unsigned long long>(fault.address));
    }
    sched::exit_current(cairn::kThreadKilledStatus);
}

}  // namespace kernel
