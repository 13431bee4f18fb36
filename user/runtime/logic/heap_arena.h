// The program break behind sbrk(): one contiguous range growing upwards
// from a fixed base, backed by anonymous regions mapped as it grows.
//
// Regions fault in lazily, so mapping ahead costs address space, not memory:
// each growth maps at least `minimum_step` and at least half of what is
// mapped already (geometric, so a big heap needs few regions and system
// calls), capped at `maximum_step` beyond the request. Every region is
// mapped at a fixed address right after the previous one, so the break
// stays contiguous (picolibc's malloc expects that of sbrk).
//
// Not thread-safe: the caller serializes (sbrk runs under malloc's lock, and
// the runtime adds its own). Architecture-neutral and host-tested with a
// fake mapper.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace cairn::runtime {

class HeapArena {
public:
    // Maps `length` bytes read-write at exactly `address`; true on success.
    using MapFunction = bool (*)(uintptr_t address, size_t length, void* context);

    struct Config {
        uintptr_t base = 0;       // page-aligned
        size_t limit = 0;         // the break never passes base + limit
        size_t page_size = 4096;  // a power of two
        size_t minimum_step = 1 << 20;
        size_t maximum_step = 256 << 20;
    };

    constexpr HeapArena(const Config& config, MapFunction map, void* context)
        : config_(config), map_(map), context_(context), break_(config.base),
          mapped_end_(config.base) {}

    // sbrk: moves the break by `increment` and returns the old break, or
    // nullptr (the break unchanged) when the range cannot be mapped or the
    // break would leave [base, base + limit]. Shrinking never unmaps.
    void* move_break(intptr_t increment);

    uintptr_t current_break() const { return break_; }
    uintptr_t mapped_end() const { return mapped_end_; }
    size_t map_calls() const { return map_calls_; }

private:
    // How far past mapped_end_ to map so that `needed_end` is covered.
    size_t step_for(uintptr_t needed_end) const;

    Config config_;
    MapFunction map_;
    void* context_;
    uintptr_t break_;
    uintptr_t mapped_end_;
    size_t map_calls_ = 0;
};

}  // namespace cairn::runtime
