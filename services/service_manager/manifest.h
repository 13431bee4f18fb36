// The service manager's manifest: which services an image starts, with
// the capabilities each declares it needs and its restart policy. A small
// text file, one service per line (see manifest.txt for a commented
// example); parse_manifest is pure (no heap, host-tested) and rejects a
// malformed line with its line number and what is wrong.
//
//   # comment (also after a line's fields)
//   <name> <program> [needs=<need>,<need>...] [restart=always|on-failure|never]
//                    [limit=<crashes>/<seconds>s] [backoff=<initial>..<maximum>]
//                    [arg=<word>] [quota=<n>K|<n>M]
//
// name: a name-server name (services/name_server/registry.h rules);
// program: the file under bin/ in the boot archive ([A-Za-z0-9._-]);
// need: `irq:<device>`, `ioports:<device>`, `device:<device>` (device
// names [a-z0-9_-]), or `nameserver` (may look up), `register` (may
// register its own name), `platform` (the platform capability itself);
// durations: a number with `ms` or `s` (backoff), seconds (limit).
// Defaults: restart=on-failure, limit=5/60s, backoff=100ms..10s.
// Each key at most once per line; service names are distinct.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "services/service_manager/restart_policy.h"

namespace cairn::service_manager {

enum class NeedKind : uint8_t {
    kIrq,         // the interrupt line of a device
    kIoPorts,     // a device's I/O ports (x86_64)
    kDevice,      // a device's registers as device memory
    kNameServer,  // a lookup capability to the name server
    kRegister,    // a registration capability (a badge of its own)
    kPlatform,    // the platform capability (drivers that find devices themselves)
};

struct Need {
    static constexpr size_t kMaxDevice = 23;
    NeedKind kind;
    char device[kMaxDevice + 1];  // empty for kinds without a device
};

struct ServiceSpec {
    static constexpr size_t kMaxName = 48;
    static constexpr size_t kMaxProgram = 47;
    static constexpr size_t kMaxArgument = 63;
    static constexpr size_t kMaxNeeds = 8;

    char name[kMaxName + 1];
    char program[kMaxProgram + 1];
    char argument[kMaxArgument + 1];
    Need needs[kMaxNeeds];
    size_t need_count;
    RestartPolicy restart;
    // Bytes of the quota the service is started with (`quota=<n>K|M`,
    // 192K..64M): what its own process (program pages, page tables, stack,
    // heap, threads: a small service such as echo runs in about 160 KiB),
    // its kernel objects and the programs it starts are made from.
    static constexpr uint64_t kDefaultQuota = 256 * 1024;
    static constexpr uint64_t kMinQuota = 192 * 1024;
    static constexpr uint64_t kMaxQuota = 64 * 1024 * 1024;
    uint64_t quota_bytes = kDefaultQuota;

    // The need of `kind` (and `device`, when not null), or null.
    const Need* find_need(NeedKind kind, const char* device = nullptr) const;
};

struct Manifest {
    static constexpr size_t kMaxServices = 16;
    ServiceSpec services[kMaxServices];
    size_t count;

    const ServiceSpec* find(const char* name) const;
};

struct ManifestError {
    size_t line;  // 1-based; 0 when the error is not about one line
    const char* message;
};

// Parses `length` bytes of `text` into *manifest. false: *error says where
// and what (the manifest is then incomplete and must not be used).
bool parse_manifest(const char* text, size_t length, Manifest* manifest, ManifestError* error);

}  // namespace cairn::service_manager
