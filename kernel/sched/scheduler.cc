// The scheduling mechanism: per-CPU run queues, the switch, blocking and
// waking, timers for sleepers, preemption and balancing. Decisions come
// from policy.h; locking rules are in internal.h.
#include "kernel/sched/scheduler.h"

#include "hal/interrupts.h"
#include "hal/thread_context.h"
#include "hal/timer.h"
#include "kernel/debug/panic.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/lib/format.h"
#include "kernel/mm/init.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/sched/internal.h"
#include "kernel/sched/policy.h"

namespace kernel::sched {
namespace internal {

Cpu cpus[kMaxCpus];

void stack_overflow(Thread& thread) {
    panic("sched: kernel stack overflow in thread %llu (%s)",
          static_cast<unsigned long long>(thread.id), thread.name);
}

namespace {

CpuMask online_mask = 0;  // atomic
bool is_initialized = false;

enum class Reason : uint8_t { kPreempt, kYield, kBlock, kExit };

void finish_switch();
void finish_switch_leaving(Cpu& c, Thread& leaving);

void account(Cpu& c, Thread& thread, uint64_t now) {
    uint64_t ran = now - c.switched_in_ns;
    thread.cpu_time_ns += ran;
    if (&thread == c.idle) c.idle_ns += ran;
    c.switched_in_ns = now;
}

void set_ready_count(Cpu& c) {
    __atomic_store_n(&c.ready, static_cast<uint32_t>(c.queue.size()), __ATOMIC_RELAXED);
}

// Kernel threads run in no user address space: a CPU never keeps one that
// its thread does not use, so a space can be destroyed once none of its
// threads runs (AddressSpace::destroy checks every CPU). Interrupts masked.
void switch_address_space(Thread& next, uint32_t index) {
    mm::as_switch_masked(next.address_space, index);
}

// The core: picks the next thread for this CPU and switches to it.
// Interrupts masked (lock_masked() relies on it); no CPU lock held.
void schedule(Reason reason) {
    uint32_t index = this_cpu_index();
    Cpu& c = cpu(index);
    c.lock.lock_masked();
    Thread* previous = c.current;
    __atomic_store_n(&c.need_resched, false, __ATOMIC_RELAXED);
    if (reason == Reason::kBlock && previous->state == ThreadState::kRunning) {
        c.lock.unlock_masked();  // woken before it got off the CPU
        return;
    }
    uint64_t now = hal::timer::monotonic_ns();
    if (previous->state == ThreadState::kRunning && previous != c.idle) {
        previous->state = ThreadState::kReady;
        // Not cpu_bit(): `index` < kMaxCpus needs no check (see internal.h).
        if (((previous->affinity >> index) & 1) == 0) {
            c.leaving = previous;  // placed elsewhere once off this CPU
        } else if (reason == Reason::kPreempt && now < c.slice_end_ns) {
            c.queue.enqueue_front(previous->run_entry);  // keeps its turn
        } else {
            c.queue.enqueue(previous->run_entry);  // round robin
        }
    }
    RunQueueEntry* entry = c.queue.pop();
    set_ready_count(c);
    Thread* next = entry != nullptr ? thread_of(entry) : c.idle;
    account(c, *previous, now);
    next->state = ThreadState::kRunning;
    next->cpu = index;
    next->last_cpu = index;
    c.current = next;
    c.slice_end_ns = now + policy::time_slice_ns(next->priority);
    if (next == previous) {
        c.lock.unlock_masked();
        return;
    }
    leaving(c, *previous);
    if (previous->state == ThreadState::kDead) c.leaving = previous;
    hal::context::switch_to(previous->context, next->context);
    finish_switch();
}

// The IPC hand-off: the running thread (kBlocked by begin_wait) gives the
// CPU to `next` (kReady, in no queue: ours to place) without a run-queue
// pick. Interrupts masked (lock_masked() relies on it); no CPU lock held.
void hand_off(Thread& next) {
    uint32_t index = this_cpu_index();
    Cpu& c = cpu(index);
    c.lock.lock_masked();
    Thread* previous = c.current;
    if (previous->state != ThreadState::kBlocked) {
        c.lock.unlock_masked();  // woken before it got off the CPU: next queues
        make_ready(next);
        return;
    }
    uint64_t now = hal::timer::monotonic_ns();
    account(c, *previous, now);
    next.state = ThreadState::kRunning;
    next.cpu = index;
    next.last_cpu = index;
    c.current = &next;
    c.slice_end_ns = now + policy::time_slice_ns(next.priority);
    leaving(c, *previous);
    hal::context::switch_to(previous->context, next.context);
    finish_switch();
}

// Runs first thing after every switch, in the thread switched to, which
// may be on another CPU than the one it left.
void finish_switch() {
    uint32_t index = this_cpu_index();
    Cpu& c = cpu(index);
    Thread* leaving = c.leaving;
    if (leaving != nullptr) [[unlikely]] {
        finish_switch_leaving(c, *leaving);
        return;
    }
    c.lock.unlock_masked();
    // After the unlock: no CPU lock is held while another CPU may wait on us
    // (TLB shootdown IPIs). `current` stays: only this CPU changes it.
    switch_address_space(*c.current, index);
}

// finish_switch() when the thread switched off needs more than the switch:
// out of line, so that the common case needs no registers for it.
[[gnu::noinline]] void finish_switch_leaving(Cpu& c, Thread& leaving) {
    c.leaving = nullptr;
    // Read under the lock: the state the switch left it in (kDead, or
    // kReady in no queue, which nobody else changes until it is placed).
    bool dead = leaving.state == ThreadState::kDead;
    c.lock.unlock_masked();
    switch_address_space(*c.current, this_cpu_index());
    if (dead) {
        release(leaving);  // the scheduler's reference
    } else {
        make_ready(leaving);  // ready, in no queue: ours to place
    }
}

}  // namespace

void complete_switch() {
    finish_switch();
}

namespace {

// A snapshot of every CPU's load (read without locks: a hint).
void snapshot(policy::CpuLoad* loads) {
    for (uint32_t index = 0; index < kMaxCpus; ++index) {
        Cpu& c = cpus[index];
        policy::CpuLoad& load = loads[index];
        load.online = __atomic_load_n(&c.online, __ATOMIC_ACQUIRE);
        if (!load.online) continue;
        load.node = c.node;
        load.ready = __atomic_load_n(&c.ready, __ATOMIC_RELAXED);
        Thread* running = __atomic_load_n(&c.current, __ATOMIC_RELAXED);
        load.busy = running != nullptr && running != c.idle;
        load.running = running != nullptr ? running->priority : kIdlePriority;
    }
}

// Puts a ready thread in no queue on `target` and decides preemption there.
void enqueue_on(uint32_t target, Thread& thread) {
    Cpu& c = cpu(target);
    hal::InterruptState state = c.lock.lock();
    thread.cpu = target;
    thread.state = ThreadState::kReady;
    thread.run_entry.priority = thread.priority;
    c.queue.enqueue(thread.run_entry);
    set_ready_count(c);
    policy::WakeAction action =
        policy::wake_action(thread.priority, c.current->priority, c.current == c.idle);
    if (action == policy::WakeAction::kImmediate)
        __atomic_store_n(&c.need_resched, true, __ATOMIC_RELAXED);
    c.lock.unlock(state);
    if (action == policy::WakeAction::kImmediate && target != this_cpu_index())
        (void)interrupt::send_reschedule(target);
}

}  // namespace

void make_ready(Thread& thread) {
    policy::CpuLoad loads[kMaxCpus];
    snapshot(loads);
    uint32_t target = policy::choose_cpu(thread.affinity, thread.last_cpu, loads, kMaxCpus);
    if (target == policy::kNoCpu) target = this_cpu_index();  // affinity checked on entry
    enqueue_on(target, thread);
}

Cpu& lock_thread_cpu(Thread& thread) {
    for (;;) {
        uint32_t index = __atomic_load_n(&thread.cpu, __ATOMIC_ACQUIRE);
        Cpu& c = cpu(index);
        c.lock.lock();
        if (__atomic_load_n(&thread.cpu, __ATOMIC_RELAXED) == index) return c;
        c.lock.unlock_masked();
    }
}

uint64_t prepare_to_block() {
    Cpu& c = this_cpu();
    c.lock.lock();
    Thread& thread = *c.current;
    uint64_t sequence = ++thread.block_sequence;
    thread.state = ThreadState::kBlocked;
    c.lock.unlock_masked();
    return sequence;
}

void block() {
    schedule(Reason::kBlock);
}

bool wake_thread(Thread& thread, uint64_t sequence, bool any_block) {
    hal::InterruptState state = hal::disable_interrupts();
    Cpu& c = lock_thread_cpu(thread);
    if (thread.state != ThreadState::kBlocked ||
        (!any_block && thread.block_sequence != sequence)) {
        c.lock.unlock_masked();
        hal::restore_interrupts(state);
        return false;
    }
    if (c.current == &thread) {
        // Still on its CPU, before block(): it will not switch away.
        thread.state = ThreadState::kRunning;
        c.lock.unlock_masked();
        hal::restore_interrupts(state);
        return true;
    }
    thread.state = ThreadState::kReady;  // in no queue: only we place it
    c.lock.unlock_masked();
    make_ready(thread);
    hal::restore_interrupts(state);
    return true;
}

namespace {

// Arms this CPU's one-shot for the earliest of tick and sleepers. Timer
// lock held.
void program_timer(Cpu& c) {
    uint64_t earliest = c.timers.earliest_ns();
    if (c.tick_deadline_ns < earliest) earliest = c.tick_deadline_ns;
    c.armed_ns = earliest;
    if (earliest == kNoDeadline) {
        hal::timer::cancel();
        return;
    }
    uint64_t now = hal::timer::monotonic_ns();
    hal::timer::arm_oneshot(earliest > now ? earliest - now : 0);
}

}  // namespace

void arm_timer(Thread& thread, uint64_t deadline_ns, uint64_t sequence) {
    uint32_t index = this_cpu_index();
    Cpu& c = cpu(index);
    c.timer_lock.lock();
    thread.timer.deadline_ns = deadline_ns;
    thread.timer.object = &thread;
    thread.timer.sequence = sequence;
    thread.timer.cpu = index;
    c.timers.insert(thread.timer);
    if (deadline_ns < c.armed_ns) program_timer(c);
    c.timer_lock.unlock_masked();
}

void cancel_timer(Thread& thread) {
    Cpu& c = cpu(thread.timer.cpu);
    c.timer_lock.lock();
    if (thread.timer.link.linked()) c.timers.remove(thread.timer);
    c.timer_lock.unlock_masked();
}

void preempt_point() {
    if (!is_initialized || !hal::interrupts_enabled()) return;
    if (!__atomic_load_n(&this_cpu().need_resched, __ATOMIC_RELAXED)) return;
    hal::InterruptState state = hal::disable_interrupts();
    schedule(Reason::kPreempt);
    hal::restore_interrupts(state);
}

namespace {

bool allowed_on(const RunQueueEntry& entry, void* cpu_index) {
    uint32_t index = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(cpu_index));
    return (thread_of(const_cast<RunQueueEntry*>(&entry))->affinity & cpu_bit(index)) != 0;
}

// Moves one queued thread that may run on `to` from `from`'s queue to
// `to`'s. Interrupts masked, no CPU lock held. Returns whether it did.
bool migrate_one(uint32_t from, uint32_t to) {
    Cpu& source = cpu(from);
    Cpu& destination = cpu(to);
    Cpu& first = from < to ? source : destination;
    Cpu& second = from < to ? destination : source;
    first.lock.lock();
    second.lock.lock();
    RunQueueEntry* entry =
        source.queue.find(allowed_on, reinterpret_cast<void*>(static_cast<uintptr_t>(to)));
    if (entry != nullptr) {
        Thread* thread = thread_of(entry);
        source.queue.remove(*entry);
        thread->cpu = to;
        destination.queue.enqueue(*entry);
        ++destination.migrations_in;
        set_ready_count(source);
        set_ready_count(destination);
        if (thread->priority < destination.current->priority ||
            destination.current == destination.idle) {
            __atomic_store_n(&destination.need_resched, true, __ATOMIC_RELAXED);
        }
    }
    second.lock.unlock_masked();
    first.lock.unlock_masked();
    return entry != nullptr;
}

// Which CPUs have a queued thread `self` may take (a hint, see policy.h).
void find_movable(uint32_t self, bool* movable) {
    for (uint32_t index = 0; index < kMaxCpus; ++index) {
        movable[index] = false;
        Cpu& c = cpus[index];
        if (index == self || !__atomic_load_n(&c.online, __ATOMIC_ACQUIRE) ||
            __atomic_load_n(&c.ready, __ATOMIC_RELAXED) == 0) {
            continue;
        }
        c.lock.lock();
        movable[index] =
            c.queue.find(allowed_on, reinterpret_cast<void*>(static_cast<uintptr_t>(self))) !=
            nullptr;
        c.lock.unlock_masked();
    }
}

// Balancing and stealing: interrupts masked, no CPU lock held.
void balance(uint32_t self, bool steal) {
    policy::CpuLoad loads[kMaxCpus];
    bool movable[kMaxCpus];
    snapshot(loads);
    find_movable(self, movable);
    uint32_t source = steal ? policy::choose_steal_source(self, loads, movable, kMaxCpus)
                            : policy::choose_pull_source(self, loads, movable, kMaxCpus);
    if (source != policy::kNoCpu) migrate_one(source, self);
}

void expire_timers(Cpu& c, uint64_t now) {
    c.timer_lock.lock();
    while (TimerEntry* entry = c.timers.pop_expired(now)) {
        wake_thread(*static_cast<Thread*>(entry->object), entry->sequence, false);
    }
    program_timer(c);
    c.timer_lock.unlock_masked();
}

void idle_thread_entry(void*) {
    finish_switch();
    run_idle();
}

// Another CPU asked this one to reschedule (kill, affinity change).
void reschedule_requested() {
    __atomic_store_n(&this_cpu().need_resched, true, __ATOMIC_RELAXED);
}

void join(uint32_t index, Thread& boot_thread, Thread& idle) {
    Cpu& c = cpu(index);
    c.node = mm::boot_numa_topology().node_of_cpu(index);
    c.current = &boot_thread;
    c.idle = &idle;
    c.switched_in_ns = hal::timer::monotonic_ns();
    c.slice_end_ns = c.switched_in_ns + policy::time_slice_ns(boot_thread.priority);
    c.next_balance_ns = c.switched_in_ns + policy::kBalanceIntervalNs;
    boot_thread.state = ThreadState::kRunning;
    boot_thread.cpu = boot_thread.last_cpu = index;
    idle.cpu = idle.last_cpu = index;
    __atomic_store_n(&c.online, true, __ATOMIC_RELEASE);
    __atomic_fetch_or(&online_mask, cpu_bit(index), __ATOMIC_RELEASE);
}

Thread& make_boot_thread(const char* name, Priority priority, uint32_t index) {
    ThreadOptions options;
    options.name = name;
    options.priority = priority;
    options.affinity = cpu_bit(index);
    Thread* thread = new_thread(name, options, false);
    if (thread == nullptr) panic("sched: no memory for the boot thread of CPU %u", index);
    thread->references = 2;  // never freed
    register_thread(*thread);
    return *thread;
}

}  // namespace

}  // namespace internal

using namespace internal;

void initialize() {
    initialize_threads();
    uint32_t index = this_cpu_index();
    Thread& main = make_boot_thread("main", kDefaultNormalPriority, index);
    ThreadOptions options;
    options.name = "idle/0";
    options.priority = kIdlePriority;
    options.affinity = cpu_bit(index);
    Thread* idle = new_thread(options.name, options, true);
    if (idle == nullptr) panic("sched: no memory for the idle thread");
    idle->references = 2;
    idle->is_idle = true;
    hal::context::initialize(idle->context,
                             reinterpret_cast<uintptr_t>(idle->stack_base) + kKernelStackSize,
                             idle_thread_entry, idle);
    register_thread(*idle);
    interrupt::set_reschedule_handler(reschedule_requested);
    hal::InterruptState state = hal::disable_interrupts();
    join(index, main, *idle);
    is_initialized = true;
    hal::restore_interrupts(state);
}

bool initialized() {
    return is_initialized;
}

void join_this_cpu() {
    uint32_t index = this_cpu_index();
    char name[16];
    os::format(name, sizeof(name), "idle/%u", index);  // as "idle/0" above
    Thread& idle = make_boot_thread(name, kIdlePriority, index);
    idle.is_idle = true;
    hal::InterruptState state = hal::disable_interrupts();
    join(index, idle, idle);
    hal::restore_interrupts(state);
}

void run_idle() {
    hal::irq::enable_interrupts();
    for (;;) {
        hal::InterruptState state = hal::disable_interrupts();
        uint32_t index = this_cpu_index();
        Cpu& c = cpu(index);
        if (__atomic_load_n(&c.ready, __ATOMIC_RELAXED) == 0) balance(index, true);
        if (__atomic_load_n(&c.ready, __ATOMIC_RELAXED) != 0 ||
            __atomic_load_n(&c.need_resched, __ATOMIC_RELAXED)) {
            schedule(Reason::kPreempt);
        }
        hal::restore_interrupts(state);
        hal::wait_for_interrupt();
    }
}

Thread& current() {
    if (!is_initialized) panic("sched::current() before sched::initialize()");
    hal::InterruptState state = hal::disable_interrupts();
    Thread* thread = this_cpu().current;
    hal::restore_interrupts(state);
    return *thread;
}

void end_wait_switching_to(uint64_t sequence, uint64_t deadline_ns, Thread& next,
                           uint64_t next_sequence) {
    uint32_t index = this_cpu_index();
    Thread& self = *cpu(index).current;
    Cpu& owner = lock_thread_cpu(next);
    // Blocked, and its CPU (whose lock we hold) has switched off it: its
    // context is saved and nobody else may place it.
    bool direct = next.state == ThreadState::kBlocked && next.block_sequence == next_sequence &&
                  owner.current != &next && (next.affinity & cpu_bit(index)) != 0;
    if (direct) next.state = ThreadState::kReady;
    owner.lock.unlock_masked();
    if (!direct) {
        wake_thread(next, next_sequence, false);
        end_wait(sequence, deadline_ns);
        return;
    }
    if (deadline_ns != kNoDeadline) arm_timer(self, deadline_ns, sequence);
    hand_off(next);
    if (deadline_ns != kNoDeadline) cancel_timer(self);
}

uint64_t begin_wait() {
    return prepare_to_block();
}

void end_wait(uint64_t sequence, uint64_t deadline_ns) {
    Thread& self = *this_cpu().current;
    if (deadline_ns != kNoDeadline) arm_timer(self, deadline_ns, sequence);
    block();
    if (deadline_ns != kNoDeadline) cancel_timer(self);
}

bool wake(Thread& thread, uint64_t sequence) {
    return wake_thread(thread, sequence, false);
}

namespace {
ExitHook exit_hook = nullptr;  // atomic
}  // namespace

void set_exit_hook(ExitHook hook) {
    __atomic_store_n(&exit_hook, hook, __ATOMIC_RELEASE);
}

void exit_current(int64_t status) {
    Thread& thread = current();
    __atomic_store_n(&thread.exit_status, status, __ATOMIC_RELAXED);
    // Before the observer wakes a joiner: what the joiner lists next shows
    // the thread gone or exiting, never running.
    __atomic_store_n(&thread.exiting, true, __ATOMIC_RELEASE);
    if (ExitHook hook = __atomic_load_n(&exit_hook, __ATOMIC_ACQUIRE)) hook(thread);
    if (thread.observer != nullptr) thread.observer->thread_exited(thread, status);
    (void)hal::disable_interrupts();
    Cpu& c = this_cpu();
    c.lock.lock();
    thread.state = ThreadState::kDead;
    c.lock.unlock_masked();
    schedule(Reason::kExit);
    panic("sched: a dead thread was switched back to");
}

void kill(Thread& thread, int64_t status) {
    __atomic_store_n(&thread.exit_status, status, __ATOMIC_RELAXED);
    __atomic_store_n(&thread.kill_pending, true, __ATOMIC_RELEASE);
    wake_thread(thread, 0, true);
    // Running elsewhere: an interrupt sends it through handle_return_to_user.
    uint32_t where = __atomic_load_n(&thread.cpu, __ATOMIC_RELAXED);
    if (thread.state == ThreadState::kRunning && where != this_cpu_index())
        (void)interrupt::send_reschedule(where);
    preempt_point();
}

void yield() {
    hal::InterruptState state = hal::disable_interrupts();
    schedule(Reason::kYield);
    hal::restore_interrupts(state);
}

void sleep_ns(uint64_t nanoseconds) {
    if (nanoseconds == 0) return yield();
    uint64_t now = hal::timer::monotonic_ns();
    uint64_t deadline = now + nanoseconds < now ? kNoDeadline - 1 : now + nanoseconds;
    Thread& thread = current();
    hal::InterruptState state = hal::disable_interrupts();
    while (!kill_pending(thread) && hal::timer::monotonic_ns() < deadline) {
        uint64_t sequence = prepare_to_block();
        arm_timer(thread, deadline, sequence);
        block();
        cancel_timer(thread);
    }
    hal::restore_interrupts(state);
}

os::ErrorOr<void> set_priority(Thread& thread, Priority priority) {
    if (priority > kIdlePriority) return os::Error::kInvalidArgument;
    hal::InterruptState state = hal::disable_interrupts();
    Cpu& c = lock_thread_cpu(thread);
    bool queued = thread.state == ThreadState::kReady && thread.run_entry.link.linked();
    if (queued) c.queue.remove(thread.run_entry);
    thread.priority = priority;
    thread.run_entry.priority = priority;
    if (queued) {
        c.queue.enqueue(thread.run_entry);
        if (priority < c.current->priority)
            __atomic_store_n(&c.need_resched, true, __ATOMIC_RELAXED);
    } else if (c.current == &thread && c.queue.highest_priority() != RunQueue::kEmpty &&
               c.queue.highest_priority() < priority) {
        __atomic_store_n(&c.need_resched, true, __ATOMIC_RELAXED);
    }
    c.lock.unlock_masked();
    hal::restore_interrupts(state);
    preempt_point();
    return {};
}

os::ErrorOr<void> set_affinity(Thread& thread, CpuMask mask) {
    if ((mask & online_cpus()) == 0) return os::Error::kInvalidArgument;
    hal::InterruptState state = hal::disable_interrupts();
    Cpu& c = lock_thread_cpu(thread);
    uint32_t where = thread.cpu;
    thread.affinity = mask;
    bool move_queued = false, move_running = false;
    if ((mask & cpu_bit(where)) == 0) {
        if (thread.state == ThreadState::kReady && thread.run_entry.link.linked()) {
            c.queue.remove(thread.run_entry);
            set_ready_count(c);
            move_queued = true;  // ready, in no queue: ours to place
        } else if (c.current == &thread) {
            __atomic_store_n(&c.need_resched, true, __ATOMIC_RELAXED);
            move_running = true;
        }
    }
    c.lock.unlock_masked();
    if (move_queued) make_ready(thread);
    if (move_running && where != this_cpu_index()) (void)interrupt::send_reschedule(where);
    hal::restore_interrupts(state);
    preempt_point();
    return {};
}

CpuMask online_cpus() {
    return __atomic_load_n(&online_mask, __ATOMIC_ACQUIRE);
}

void cpu_statistics(uint32_t index, CpuStatistics* statistics) {
    *statistics = {};
    if (index >= kMaxCpus) return;  // the caller's index: cpu() does not check
    Cpu& c = cpu(index);
    if (!__atomic_load_n(&c.online, __ATOMIC_ACQUIRE)) return;
    hal::InterruptState state = c.lock.lock();
    statistics->online = true;
    statistics->node = c.node;
    statistics->ready = static_cast<uint32_t>(c.queue.size());
    statistics->running = c.current->id;
    statistics->context_switches = c.context_switches;
    statistics->idle_ns = c.idle_ns;
    statistics->migrations_in = c.migrations_in;
    statistics->timer_interrupts = c.timer_interrupts;
    c.lock.unlock(state);
}

void set_tick_deadline(uint64_t deadline_ns) {
    Cpu& c = this_cpu();
    c.timer_lock.lock();
    c.tick_deadline_ns = deadline_ns;
    program_timer(c);
    c.timer_lock.unlock_masked();
}

void handle_timer_interrupt(uint64_t now_ns, bool tick) {
    uint32_t index = this_cpu_index();
    Cpu& c = cpu(index);
    ++c.timer_interrupts;
    expire_timers(c, now_ns);
    if (!tick || !__atomic_load_n(&c.online, __ATOMIC_ACQUIRE)) return;
    c.lock.lock();
    Thread* running = c.current;
    int best = c.queue.highest_priority();
    bool preempt = running == c.idle
                       ? best != RunQueue::kEmpty
                       : policy::preempt_at_tick(running->priority, best, now_ns, c.slice_end_ns);
    if (preempt) __atomic_store_n(&c.need_resched, true, __ATOMIC_RELAXED);
    c.lock.unlock_masked();
    if (now_ns >= c.next_balance_ns) {
        c.next_balance_ns = now_ns + policy::kBalanceIntervalNs;
        balance(index, false);
    }
}

void internal::start_new_thread() {
    finish_switch();
}

}  // namespace kernel::sched

namespace kernel {

namespace {

// handle_return_to_user() when there is something to do: out of line, so
// that the common case (nothing) needs no stack frame or saved registers.
[[gnu::noinline]] void act_before_return_to_user() {
    using namespace sched::internal;
    for (;;) {
        Cpu& c = this_cpu();
        sched::Thread& thread = *c.current;
        if (sched::kill_pending(thread))
            sched::exit_current(__atomic_load_n(&thread.exit_status, __ATOMIC_RELAXED));
        if (!__atomic_load_n(&c.need_resched, __ATOMIC_RELAXED)) return;
        schedule(Reason::kPreempt);
    }
}

}  // namespace

void handle_return_to_user() {
    using namespace sched::internal;
    if (!sched::initialized()) return;
    Cpu& c = this_cpu();
    if (!sched::kill_pending(*c.current) && !__atomic_load_n(&c.need_resched, __ATOMIC_RELAXED))
        return;
    act_before_return_to_user();
}

void handle_interrupt_return() {
    using namespace sched::internal;
    if (!sched::initialized()) return;
    if (__atomic_load_n(&this_cpu().need_resched, __ATOMIC_RELAXED)) schedule(Reason::kPreempt);
}

}  // namespace kernel
