// The slots a service finds at start when the service manager starts it
// (the constants of service.h, without the system calls: the manager's
// pure start plan and its host tests use them too).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"

namespace cairn::service {

// Slot 1: the service's own quota (its kernel objects are made from it, and
// its process, threads and program pages were charged to it at spawn).
inline constexpr CapSlot kQuotaSlot = 1;
// Slot 2: the name server. Lookup-only (needs=nameserver), a registration
// capability with the service's own badge (needs=register); for the name
// server itself, its endpoint (READ: it serves on it). Empty without either.
inline constexpr CapSlot kNameServerSlot = 2;
// Slot 3: the platform capability (needs=platform), else empty.
inline constexpr CapSlot kPlatformSlot = 3;
// Slots 4 on: the device needs (irq:, ioports:, device:), two slots each,
// in the manifest's order; `need_index` counts device needs only (in
// needs=irq:serial,register,device:serial the device: need is index 1).
// Slots a service has no capability for are empty (kNoCapability).
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

}  // namespace cairn::service
