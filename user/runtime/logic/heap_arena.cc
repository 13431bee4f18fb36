#include "user/runtime/logic/heap_arena.h"

namespace cairn::runtime {
namespace {

constexpr uintptr_t align_up(uintptr_t value, size_t alignment) {
    return (value + alignment - 1) & ~static_cast<uintptr_t>(alignment - 1);
}

}  // namespace

size_t HeapArena::step_for(uintptr_t needed_end) const {
    const size_t needed = align_up(needed_end - mapped_end_, config_.page_size);
    size_t step = (mapped_end_ - config_.base) / 2;
    if (step < config_.minimum_step) step = config_.minimum_step;
    if (step > config_.maximum_step) step = config_.maximum_step;
    step = align_up(step, config_.page_size);
    if (step < needed) step = needed;
    // Never past the limit (needed itself fits: the caller checked).
    const uintptr_t limit_end = config_.base + config_.limit;
    if (step > limit_end - mapped_end_) step = limit_end - mapped_end_;
    return step;
}

void* HeapArena::move_break(intptr_t increment) {
    const uintptr_t old_break = break_;
    const uintptr_t limit_end = config_.base + config_.limit;
    if (increment < 0) {
        const uintptr_t decrease = static_cast<uintptr_t>(-(increment + 1)) + 1;
        if (decrease > break_ - config_.base) return nullptr;
        break_ -= decrease;
        return reinterpret_cast<void*>(old_break);
    }
    const uintptr_t increase = static_cast<uintptr_t>(increment);
    if (increase > limit_end - break_) return nullptr;
    const uintptr_t new_break = break_ + increase;
    if (new_break > mapped_end_) {
        const size_t step = step_for(new_break);
        ++map_calls_;
        if (!map_(mapped_end_, step, context_)) return nullptr;
        mapped_end_ += step;
    }
    break_ = new_break;
    return reinterpret_cast<void*>(old_break);
}

}  // namespace cairn::runtime
