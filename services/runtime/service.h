// What a service finds when the service manager starts it, and the two
// calls every service makes with it: connect to another service by name,
// and register its own endpoint. The contract is the manager's
// (services/service_manager/README.md); a program started any other way
// (a test's harness) gets whatever its parent hands it instead.
#pragma once

#include <stddef.h>

#include "cairn/capability.h"
#include "cairn/status.h"
#include "cairn/sys.h"

namespace cairn::service {

// Slot 1: the service's own quota (its kernel objects are made from it).
inline constexpr CapSlot kQuotaSlot = 1;
// Slot 2: the name server. Lookup-only (needs=nameserver), a registration
// capability with the service's own badge (needs=register); for the name
// server itself, its endpoint (READ: it serves on it). Empty without either.
inline constexpr CapSlot kNameServerSlot = 2;
// Slot 3: the platform capability (needs=platform), else empty.
inline constexpr CapSlot kPlatformSlot = 3;
// Slots 4 on: the device needs (irq:, ioports:, device:), two slots each,
// in the manifest's order:
//   irq:<dev>      the IRQ handler capability (WRITE: irq_ack), then the
//                  notification it signals (READ; bit kIrqNotificationBit)
//   ioports:<dev>  an I/O port range (x86_64), then empty
//   device:<dev>   the device's registers: a device memory object, or an
//                  I/O port range where the device is port-mapped (x86_64
//                  16550), then empty
inline constexpr CapSlot kFirstDeviceSlot = 4;
inline constexpr uint64_t kIrqNotificationBit = 1;
inline constexpr CapSlot device_slot(size_t need_index) {
    return kFirstDeviceSlot + 2 * need_index;
}

// Looks `name` up with the name server (slot kNameServerSlot); the slot of
// a callable (WRITE) endpoint capability, kNotFound for an unknown name.
Result connect(const char* name);

// Creates an endpoint from the service's quota and registers a copy under
// `name` (needs=register). Returns the endpoint's slot to serve on.
Result register_endpoint(const char* name);

}  // namespace cairn::service
