#include "services/service_manager/supervisor.h"

namespace cairn::service_manager {

Supervisor::Supervisor(const Manifest& manifest) : count_(manifest.count) {
    for (size_t i = 0; i < count_; ++i) {
        services_[i].spec = &manifest.services[i];
        services_[i].state = State::kPending;
        services_[i].tracker = RestartTracker(manifest.services[i].restart);
    }
}

size_t Supervisor::due(uint64_t now_ns, size_t* indexes, size_t capacity) const {
    size_t found = 0;
    for (size_t i = 0; i < count_ && found < capacity; ++i) {
        if (services_[i].state == State::kPending && services_[i].start_at_ns <= now_ns) {
            indexes[found++] = i;
        }
    }
    return found;
}

void Supervisor::started(size_t index, uint64_t process_id, uint64_t now_ns) {
    Service& service = services_[index];
    service.state = State::kRunning;
    service.process_id = process_id;
    ++service.starts;
    service.tracker.started(now_ns);
}

void Supervisor::start_failed(size_t index, int64_t status, uint64_t now_ns) {
    Service& service = services_[index];
    service.last_status = status;
    service.tracker.started(now_ns);
    // A failed spawn is a crash even if the status is 0 (it never ran).
    apply(service, service.tracker.ended(status != 0 ? status : -1, now_ns));
}

size_t Supervisor::exited(uint64_t process_id, int64_t status, uint64_t now_ns) {
    for (size_t i = 0; i < count_; ++i) {
        Service& service = services_[i];
        if (service.state != State::kRunning || service.process_id != process_id) continue;
        service.last_status = status;
        service.process_id = 0;
        apply(service, service.tracker.ended(status, now_ns));
        return i;
    }
    return kNotOurs;
}

void Supervisor::apply(Service& service, RestartTracker::Decision decision) {
    switch (decision.action) {
        case RestartTracker::Action::kRestart:
            service.state = State::kPending;
            service.start_at_ns = decision.restart_at_ns;
            break;
        case RestartTracker::Action::kStayDown:
            service.state = State::kDown;
            break;
        case RestartTracker::Action::kGiveUp:
            service.state = State::kFailed;
            break;
    }
}

uint64_t Supervisor::next_wakeup_ns() const {
    uint64_t earliest = kNever;
    for (size_t i = 0; i < count_; ++i) {
        const Service& service = services_[i];
        if (service.state == State::kPending && service.start_at_ns < earliest) {
            earliest = service.start_at_ns;
        }
    }
    return earliest;
}

bool Supervisor::restart_by_operator(size_t index, uint64_t now_ns) {
    Service& service = services_[index];
    if (service.state != State::kDown && service.state != State::kFailed) return false;
    service.tracker.reset();
    service.state = State::kPending;
    service.start_at_ns = now_ns;
    return true;
}

}  // namespace cairn::service_manager
