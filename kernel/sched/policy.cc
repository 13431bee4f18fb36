#include "kernel/sched/policy.h"

namespace kernel::sched::policy {
namespace {

bool allowed(CpuMask affinity, const CpuLoad* cpus, uint32_t cpu) {
    return cpus[cpu].online && (affinity & cpu_bit(cpu)) != 0;
}

}  // namespace

uint32_t choose_cpu(CpuMask affinity, uint32_t last_cpu, const CpuLoad* cpus, size_t count) {
    bool last_allowed = last_cpu < count && allowed(affinity, cpus, last_cpu);
    if (last_allowed && cpus[last_cpu].load() == 0) return last_cpu;
    uint32_t home_node = last_cpu < count ? cpus[last_cpu].node : 0;

    uint32_t idle_here = kNoCpu, idle_elsewhere = kNoCpu;
    for (uint32_t cpu = 0; cpu < count; ++cpu) {
        if (!allowed(affinity, cpus, cpu) || cpus[cpu].load() != 0) continue;
        uint32_t& slot = cpus[cpu].node == home_node ? idle_here : idle_elsewhere;
        if (slot == kNoCpu) slot = cpu;
    }
    if (idle_here != kNoCpu) return idle_here;
    if (idle_elsewhere != kNoCpu) return idle_elsewhere;
    if (last_allowed) return last_cpu;

    uint32_t best = kNoCpu;
    for (uint32_t cpu = 0; cpu < count; ++cpu) {
        if (!allowed(affinity, cpus, cpu)) continue;
        if (best == kNoCpu || cpus[cpu].load() < cpus[best].load() ||
            (cpus[cpu].load() == cpus[best].load() && cpus[cpu].node == home_node &&
             cpus[best].node != home_node)) {
            best = cpu;
        }
    }
    return best;
}

uint32_t choose_pull_source(uint32_t self, const CpuLoad* cpus, const bool* movable,
                            size_t count) {
    if (self >= count) return kNoCpu;
    uint32_t mine = cpus[self].load();
    uint32_t best_local = kNoCpu, best_remote = kNoCpu;
    for (uint32_t cpu = 0; cpu < count; ++cpu) {
        if (cpu == self || !cpus[cpu].online || !movable[cpu] || cpus[cpu].ready == 0) continue;
        uint32_t load = cpus[cpu].load();
        bool local = cpus[cpu].node == cpus[self].node;
        if (load < mine + (local ? 2 : 3)) continue;
        uint32_t& best = local ? best_local : best_remote;
        if (best == kNoCpu || load > cpus[best].load()) best = cpu;
    }
    return best_local != kNoCpu ? best_local : best_remote;
}

uint32_t choose_steal_source(uint32_t self, const CpuLoad* cpus, const bool* movable,
                             size_t count) {
    if (self >= count) return kNoCpu;
    uint32_t best_local = kNoCpu, best_remote = kNoCpu;
    for (uint32_t cpu = 0; cpu < count; ++cpu) {
        if (cpu == self || !cpus[cpu].online || !movable[cpu] || cpus[cpu].ready == 0) continue;
        bool local = cpus[cpu].node == cpus[self].node;
        uint32_t& best = local ? best_local : best_remote;
        if (best == kNoCpu || cpus[cpu].ready > cpus[best].ready) best = cpu;
    }
    return best_local != kNoCpu ? best_local : best_remote;
}

}  // namespace kernel::sched::policy
