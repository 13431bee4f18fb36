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
#include "services/runtime/slots.h"

namespace cairn::service {

// The slots themselves (kQuotaSlot, kNameServerSlot, kPlatformSlot,
// device_slot) are in slots.h.

// Looks `name` up with the name server (slot kNameServerSlot); the slot of
// a callable (WRITE) endpoint capability, kNotFound for an unknown name.
Result connect(const char* name);

// Creates an endpoint from the service's quota and registers a copy under
// `name` (needs=register; the manifest name, which the manager unregisters
// when the service ends). The copy carries WRITE|GRANT|REVOKE|DELETE: the
// name server revokes the copies it handed out when the name goes. Returns
// the endpoint's slot to serve on; the name server's error (kAlreadyExists,
// kPermissionDenied without needs=register, ...) otherwise.
Result register_endpoint(const char* name);

}  // namespace cairn::service
