// The service manager's running part: the Supervisor (supervisor.h) driven
// by a main loop, one watcher thread per running service, and the calls
// the ServiceManager interface (control_service.h) makes from its thread.
//
// Threads: the main loop (run) starts services and handles exits; a
// watcher per child blocks in process_wait and queues (process, status);
// the interface thread lists, kills and restarts. Everything shared is
// under lock_; nothing blocks while holding it (spawns, IPC and printing
// happen outside). The main loop sleeps on events_ (a notification) until
// the next restart is due; watchers and Restart wake it.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <sys/lock.h>

#include "cairn/sys.h"
#include "cairn/thread.h"
#include "services/service_manager/launcher.h"
#include "services/service_manager/manifest.h"
#include "services/service_manager/supervisor.h"

namespace cairn::service_manager {

// The exit status of a service ended by Kill (the shell's `kill`): a crash
// for the restart policy, and told apart from faults and error exits.
inline constexpr int64_t kKilledStatus = 137;

class Manager {
public:
    struct Snapshot {
        const ServiceSpec* spec;
        Supervisor::State state;
        uint64_t process_id;
        uint32_t starts;
        int64_t last_status;
    };

    // `manifest` must outlive this; `events` is a notification (READ|WRITE).
    Manager(const Manifest& manifest, const Launcher& launcher, CapSlot events);

    // Starts, watches and restarts the services; never returns.
    [[noreturn]] void run();

    // Called on the main loop's thread after every successful start, before
    // the next service starts (main.cc registers "services" once the name
    // server runs, so that comes before the other services' starts).
    using StartedHook = void (*)(void* context, const ServiceSpec& spec);
    void set_started_hook(StartedHook hook, void* context) {
        started_hook_ = hook;
        started_context_ = context;
    }

    // Up to `capacity` services from index `first`; returns how many.
    size_t snapshot(size_t first, Snapshot* out, size_t capacity);
    size_t size() const { return supervisor_.size(); }
    const Launcher& launcher() const { return launcher_; }
    // Ends the process of the running service named `target`, or of the
    // service whose process id `target` is (decimal). kNotFound otherwise.
    Status kill(const char* target, size_t length, uint64_t* process_id);
    // An operator's restart: kNotFound, kAlreadyExists (pending or running).
    Status restart(const char* name, size_t length);

    // The owner badge of service `index`'s registrations (stable across its
    // restarts), and the manager's own (for "services").
    static uint64_t badge_of(size_t index) { return index + 1; }
    static constexpr uint64_t kManagerBadge = Manifest::kMaxServices + 1;

private:
    struct Exit {
        uint64_t process_id;
        int64_t status;
    };
    struct Watch {
        Manager* manager;
        uint64_t process_id;
    };
    class Guard;

    static int64_t watch(void* argument);
    void record_exit(uint64_t process_id, int64_t status);
    void handle_exits();
    void start_due();
    void start(size_t index);
    void unregister(size_t index);
    // After the name server restarted (with an empty registry): ends the
    // running services that register names, so their restart policy brings
    // them back and they register again; clients reconnect by name.
    void restart_registrants();
    size_t find(const char* name, size_t length) const;  // kNotOurs if none

    const Manifest& manifest_;
    Launcher launcher_;
    CapSlot events_;
    _LOCK_T lock_ = nullptr;
    Supervisor supervisor_;
    Thread watchers_[Manifest::kMaxServices];
    Watch watches_[Manifest::kMaxServices] = {};
    // Exits not yet handled: at most one per service (each has one process).
    Exit exits_[Manifest::kMaxServices] = {};
    size_t exit_count_ = 0;
    StartedHook started_hook_ = nullptr;
    void* started_context_ = nullptr;
};

}  // namespace cairn::service_manager
