// I/O port capabilities (x86_64): an IoPorts object (the kernel object of a
// cairn::ObjectType::kIoPorts capability) names a range of ports; enabling
// it lets every thread of the calling process use in/out on them.
//
// Each process keeps a ProcessPorts (process.h): the ranges it enabled and
// which object each came from; the HAL applies its PortAccess whenever one
// of the process's threads is switched in (hal/io_ports.h). Every edit is
// followed by a refresh on every CPU, so a grant is usable, and a
// withdrawal final, on all CPUs when the call that made it returns.
//
// Lifetime: an enabled range holds a reference on its object. The object's
// last capability withdraws it from every process (on_last_capability),
// and a process that is freed drops its ranges (ProcessPorts::clear()).
// Enabled tables are linked on one global list, guarded by one spin lock
// (rare operations: creation, enabling, withdrawal).
//
// Sharing with the kernel: the kernel never hands out ports it drives
// itself (hal::io_ports::kernel_ranges()). COM1 is shared: the kernel
// console writes it by polling (THR and LSR only) and never reads received
// bytes or uses its interrupt, so a user driver may own IER, MCR.OUT2 and
// the receiver; a driver that reprograms the line (LCR, divisor) garbles the
// kernel's console output, which is its problem, not a safety one.
#pragma once

#include <stdint.h>

#include "kernel/io_ports/port_ranges.h"
#include "kernel/lib/error.h"
#include "kernel/object/kernel_object.h"

namespace kernel::object {
class Allocator;
}

namespace kernel::io_ports {

class IoPorts;

// One process's enabled ranges. Embedded in process::Process.
class ProcessPorts {
public:
    ProcessPorts() = default;
    ProcessPorts(const ProcessPorts&) = delete;
    ProcessPorts& operator=(const ProcessPorts&) = delete;

    // What the process's threads attach to (hal::io_ports::attach).
    const PortAccess& access() const { return table_.access; }
    // Withdraws every range and drops the references (the process is
    // freed; none of its threads runs any more).
    void clear();

private:
    friend class IoPorts;
    GrantTable table_;  // guarded by the global lock (io_ports.cc)
    ProcessPorts* next_ = nullptr;
    bool listed_ = false;
};

class IoPorts final : public object::KernelObject {
public:
    // A range object for [first, first + count) (port_ranges.h's checks:
    // kInvalidArgument, kPermissionDenied), charged kObjectCost to `quota`
    // (kQuotaExceeded), refunded when it is destroyed.
    static os::ErrorOr<IoPorts*> create(object::Quota& quota, uint64_t first, uint64_t count);

    // Lets every thread of the process owning `ports` use the range, now
    // and later. Does nothing if it is enabled there already; kNoSpace if
    // the process has kMaxRanges ranges; kNoCapability if the object's last
    // capability went meanwhile.
    os::ErrorOr<void> enable(ProcessPorts& ports);

    Range range() const { return range_; }

private:
    friend class object::Allocator;
    explicit IoPorts(Range range);
    void on_last_capability() override;
    void destroy() override;

    const Range range_;
    bool withdrawn_ = false;  // guarded by the global lock
};

}  // namespace kernel::io_ports
