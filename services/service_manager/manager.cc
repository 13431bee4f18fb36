#include "services/service_manager/manager.h"

#include <stdio.h>
#include <string.h>

#include "services/name_server/name_server.ipc.h"
#include "services/runtime/slots.h"
#include "services/service_manager/start_plan.h"

namespace cairn::service_manager {
namespace {

// Watchers only wait: a small stack each.
constexpr size_t kWatcherStack = 16 * 1024;
constexpr uint64_t kEventBit = 1;

long long ms(uint64_t nanoseconds) {
    return static_cast<long long>(nanoseconds / kMillisecond);
}

bool is_name_server(const ServiceSpec& spec) {
    return strcmp(spec.name, kNameServerService) == 0;
}

// "123" -> 123; false for anything but decimal digits.
bool parse_decimal(const char* text, size_t length, uint64_t* value) {
    if (length == 0 || length > 19) return false;
    *value = 0;
    for (size_t i = 0; i < length; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        *value = *value * 10 + static_cast<uint64_t>(text[i] - '0');
    }
    return true;
}

}  // namespace

class Manager::Guard {
public:
    explicit Guard(_LOCK_T lock) : lock_(lock) { __retarget_lock_acquire(lock_); }
    ~Guard() { __retarget_lock_release(lock_); }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;

private:
    _LOCK_T lock_;
};

Manager::Manager(const Manifest& manifest, const Launcher& launcher, CapSlot events)
    : manifest_(manifest), launcher_(launcher), events_(events), supervisor_(manifest) {
    __retarget_lock_init(&lock_);
}

void Manager::run() {
    for (;;) {
        handle_exits();
        start_due();
        uint64_t wakeup;
        {
            Guard guard(lock_);
            wakeup = supervisor_.next_wakeup_ns();
        }
        uint64_t now = sys::clock_monotonic();
        if (wakeup == Supervisor::kNever) {
            (void)sys::ipc_wait_notification(events_);
        } else if (wakeup > now) {
            (void)sys::ipc_wait_notification(events_, wakeup - now);
        }
    }
}

int64_t Manager::watch(void* argument) {
    auto* watch = static_cast<Watch*>(argument);
    Result status = sys::process_wait(watch->process_id);
    watch->manager->record_exit(watch->process_id, status.raw);
    return 0;
}

void Manager::record_exit(uint64_t process_id, int64_t status) {
    {
        Guard guard(lock_);
        if (exit_count_ < Manifest::kMaxServices) exits_[exit_count_++] = {process_id, status};
    }
    (void)sys::ipc_notify(events_, kEventBit);
}

void Manager::handle_exits() {
    for (;;) {
        Exit exit;
        size_t index;
        Supervisor::Service service;
        uint64_t now = sys::clock_monotonic();
        {
            Guard guard(lock_);
            if (exit_count_ == 0) return;
            exit = exits_[0];
            memmove(&exits_[0], &exits_[1], (exit_count_ - 1) * sizeof(Exit));
            --exit_count_;
            index = supervisor_.exited(exit.process_id, exit.status, now);
            if (index == Supervisor::kNotOurs) continue;
            service = supervisor_.service(index);
        }
        const char* name = service.spec->name;
        // "exited with status 3", or "was killed" (a fault) for kThreadKilledStatus.
        char how[48];
        if (const char* word = exit_status_name(exit.status)) {
            snprintf(how, sizeof(how), "was %s", word);
        } else {
            snprintf(how, sizeof(how), "exited with status %lld",
                     static_cast<long long>(exit.status));
        }
        switch (service.state) {
            case Supervisor::State::kPending:
                printf("service_manager: %s %s; restarting in %lld ms\n", name, how,
                       ms(service.start_at_ns > now ? service.start_at_ns - now : 0));
                break;
            case Supervisor::State::kFailed:
                printf("service_manager: %s %s; gave up after %u crashes\n", name, how,
                       service.tracker.crashes_in_a_row());
                break;
            default:
                printf("service_manager: %s %s; not restarting\n", name, how);
                break;
        }
        // Its names go, and with them the endpoint copies its clients hold:
        // their next call fails and they look the name up again.
        unregister(index);
    }
}

void Manager::unregister(size_t index) {
    const ServiceSpec& spec = manifest_.services[index];
    if (is_name_server(spec) || spec.find_need(NeedKind::kRegister) == nullptr) return;
    Result owner =
        sys::cap_derive(launcher_.context().names_endpoint, kRightWrite, badge_of(index));
    if (!owner) return;
    ::name_server::UnregisterRequest request;
    (void)request.name.assign(spec.name, strlen(spec.name));
    ::name_server::UnregisterReply reply;
    Status status = ::name_server::NameServerClient(owner.value()).Unregister(request, &reply);
    (void)sys::cap_delete(owner.value());
    // kNotFound: it died before it registered.
    if (status != Status::kOk && status != Status::kNotFound)
        printf("service_manager: unregistering %s failed: %s\n", spec.name, status_name(status));
}

void Manager::restart_registrants() {
    for (size_t i = 0; i < supervisor_.size(); ++i) {
        const ServiceSpec& spec = manifest_.services[i];
        // A service its policy would not bring back stays up, unregistered.
        if (spec.find_need(NeedKind::kRegister) == nullptr ||
            spec.restart.mode == RestartMode::kNever)
            continue;
        uint64_t process_id = 0;
        if (kill(spec.name, strlen(spec.name), &process_id) != Status::kOk) continue;
        printf("service_manager: restarting %s (process %llu): the name server lost its name\n",
               spec.name, static_cast<unsigned long long>(process_id));
    }
}

void Manager::start_due() {
    size_t due[Manifest::kMaxServices];
    size_t count;
    {
        Guard guard(lock_);
        count = supervisor_.due(sys::clock_monotonic(), due, Manifest::kMaxServices);
    }
    // The name server before the others, whatever the manifest's order:
    // they look names up as they start.
    for (size_t i = 0; i < count; ++i)
        if (is_name_server(manifest_.services[due[i]])) start(due[i]);
    for (size_t i = 0; i < count; ++i)
        if (!is_name_server(manifest_.services[due[i]])) start(due[i]);
}

void Manager::start(size_t index) {
    const ServiceSpec& spec = manifest_.services[index];
    // The watcher of its previous run has queued that run's exit (or this is
    // the first run): joining it takes no time.
    if (watchers_[index].joinable()) (void)watchers_[index].join();
    const char* reason = "";
    Result process = launcher_.launch(spec, badge_of(index), &reason);
    uint64_t now = sys::clock_monotonic();
    if (!process) {
        Supervisor::Service service;
        {
            Guard guard(lock_);
            supervisor_.start_failed(index, static_cast<int64_t>(process.status()), now);
            service = supervisor_.service(index);
        }
        if (service.state == Supervisor::State::kPending) {
            printf("service_manager: cannot start %s: %s: %s; retrying in %lld ms\n", spec.name,
                   reason, status_name(process.status()),
                   ms(service.start_at_ns > now ? service.start_at_ns - now : 0));
        } else {
            printf("service_manager: cannot start %s: %s: %s; gave up after %u crashes\n",
                   spec.name, reason, status_name(process.status()),
                   service.tracker.crashes_in_a_row());
        }
        return;
    }
    uint32_t starts;
    {
        Guard guard(lock_);
        supervisor_.started(index, process.value(), now);
        starts = supervisor_.service(index).starts;
    }
    printf("service_manager: started %s (process %llu)\n", spec.name,
           static_cast<unsigned long long>(process.value()));
    if (is_name_server(spec) && starts > 1) restart_registrants();
    watches_[index] = {this, process.value()};
    Thread::Options options;
    options.stack_size = kWatcherStack;
    Result watcher = watchers_[index].start(&Manager::watch, &watches_[index], options);
    if (!watcher) {
        // Unwatched, its end would go unnoticed: end it now, as a crash.
        printf("service_manager: no watcher for %s: %s\n", spec.name,
               status_name(watcher.status()));
        Result handle =
            sys::cap_obtain(ObjectType::kProcess, process.value(), kAllRights, service::kQuotaSlot);
        if (handle) {
            (void)sys::process_kill(handle.value(), kKilledStatus);
            (void)sys::cap_delete(handle.value());
        }
        record_exit(process.value(), sys::process_wait(process.value()).raw);
        return;
    }
    if (started_hook_ != nullptr) started_hook_(started_context_, spec);
}

size_t Manager::find(const char* name, size_t length) const {
    for (size_t i = 0; i < supervisor_.size(); ++i) {
        const char* candidate = manifest_.services[i].name;
        if (strlen(candidate) == length && memcmp(candidate, name, length) == 0) return i;
    }
    return Supervisor::kNotOurs;
}

size_t Manager::snapshot(size_t first, Snapshot* out, size_t capacity) {
    Guard guard(lock_);
    size_t count = 0;
    for (size_t i = first; i < supervisor_.size() && count < capacity; ++i, ++count) {
        const Supervisor::Service& service = supervisor_.service(i);
        out[count] = {service.spec, service.state, service.process_id, service.starts,
                      service.last_status};
    }
    return count;
}

Status Manager::kill(const char* target, size_t length, uint64_t* process_id) {
    uint64_t victim = 0;
    {
        Guard guard(lock_);
        uint64_t number = 0;
        bool by_id = parse_decimal(target, length, &number);
        for (size_t i = 0; i < supervisor_.size(); ++i) {
            const Supervisor::Service& service = supervisor_.service(i);
            if (service.state != Supervisor::State::kRunning) continue;
            bool named = strlen(service.spec->name) == length &&
                         memcmp(service.spec->name, target, length) == 0;
            if (named || (by_id && service.process_id == number)) victim = service.process_id;
        }
    }
    if (victim == 0) return Status::kNotFound;
    // The watcher may reap it first: then there is nothing left to kill.
    Result handle = sys::cap_obtain(ObjectType::kProcess, victim, kAllRights, service::kQuotaSlot);
    if (!handle) return Status::kNotFound;
    Result killed = sys::process_kill(handle.value(), kKilledStatus);
    (void)sys::cap_delete(handle.value());
    if (!killed) return killed.status();
    *process_id = victim;
    return Status::kOk;
}

Status Manager::restart(const char* name, size_t length) {
    {
        Guard guard(lock_);
        size_t index = find(name, length);
        if (index == Supervisor::kNotOurs) return Status::kNotFound;
        if (!supervisor_.restart_by_operator(index, sys::clock_monotonic()))
            return Status::kAlreadyExists;
    }
    (void)sys::ipc_notify(events_, kEventBit);
    return Status::kOk;
}

}  // namespace cairn::service_manager
