// The service manager's bookkeeping, as pure state (host-tested): which of
// the manifest's services to start and when, and what to do when one ends.
// The manager program loops: start every service due() (process_spawn with
// the capabilities its spec needs), report started() or start_failed(),
// sleep until next_wakeup_ns() or a process ends, report exited().
//
// States: kPending (due at start_at_ns: the first start or a restart after
// its backoff) -> kRunning -> kPending again, or kDown (ended as its policy
// allows) or kFailed (crashed too often; restart_by_operator revives it).
// A spawn that fails counts as a crash, so a missing program backs off and
// gives up like a crashing one instead of being retried in a tight loop.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "services/service_manager/manifest.h"
#include "services/service_manager/restart_policy.h"

namespace cairn::service_manager {

class Supervisor {
public:
    static constexpr uint64_t kNever = ~uint64_t{0};
    static constexpr size_t kNotOurs = ~size_t{0};

    enum class State : uint8_t { kPending, kRunning, kDown, kFailed };

    struct Service {
        const ServiceSpec* spec;
        State state;
        uint64_t process_id;   // kRunning only
        uint64_t start_at_ns;  // kPending only
        uint32_t starts;       // successful starts so far
        int64_t last_status;   // of the last exit or failed spawn
        RestartTracker tracker;
    };

    // Every service of `manifest` (which must outlive this) is due at 0.
    explicit Supervisor(const Manifest& manifest);

    // Indexes of the services due at now_ns (up to `capacity`), in manifest order.
    size_t due(uint64_t now_ns, size_t* indexes, size_t capacity) const;
    void started(size_t index, uint64_t process_id, uint64_t now_ns);
    void start_failed(size_t index, int64_t status, uint64_t now_ns);
    // A process ended: the index of its service, or kNotOurs.
    size_t exited(uint64_t process_id, int64_t status, uint64_t now_ns);
    // The earliest start_at_ns of a pending service, or kNever.
    uint64_t next_wakeup_ns() const;
    // An operator's restart of a service that is down or failed: due now,
    // crash history forgotten. false if it is pending or running.
    bool restart_by_operator(size_t index, uint64_t now_ns);

    size_t size() const { return count_; }
    const Service& service(size_t index) const { return services_[index]; }

private:
    void apply(Service& service, RestartTracker::Decision decision);

    Service services_[Manifest::kMaxServices] = {};
    size_t count_ = 0;
};

}  // namespace cairn::service_manager
