// The slow paths of SlabCache: magazine exchange with the depot, the slab
// layer, draining and shrinking. The fast paths are inline in slab_cache.h;
// the debug checks are in slab_cache_checks.cc.
#include "kernel/mm/heap/slab_cache.h"

#include "kernel/debug/panic.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/owner_tag.h"

namespace kernel::mm {

Magazine kNoMagazine;

namespace {

// The depot keeps full magazines worth about this many bytes of objects
// (and as many empty magazines), at least kMinDepotMagazines; beyond that,
// full magazines go back to the slabs and empty ones to the magazine cache.
// Bonwick's depot is unbounded and trimmed by a periodic reaper; until there
// is a timer to run one, this bound and shrink() keep an idle cache from
// hoarding memory, while bursts of a few thousand small objects still turn
// over within the depot instead of rebuilding slabs.
constexpr size_t kDepotBytes = 128 * 1024;
constexpr size_t kMinDepotMagazines = 4;

// Large objects get smaller magazines: fewer of them idle per CPU.
uint32_t magazine_capacity_for(size_t stride) {
    if (stride <= 256) return Magazine::kMaxRounds;
    if (stride <= 1024) return 15;
    if (stride <= 4096) return 7;
    return 3;
}

void copy_name(char* to, const char* from) {
    size_t i = 0;
    for (; from[i] != '\0' && i + 1 < kMaxCacheName; ++i)
        to[i] = from[i];
    to[i] = '\0';
}

}  // namespace

// ---- SlabList ---------------------------------------------------------------

void SlabCache::SlabList::push(Slab* slab) {
    slab->previous = nullptr;
    slab->next = head;
    if (head != nullptr) head->previous = slab;
    head = slab;
    ++count;
}

void SlabCache::SlabList::remove(Slab* slab) {
    if (slab->previous != nullptr) {
        slab->previous->next = slab->next;
    } else {
        head = slab->next;
    }
    if (slab->next != nullptr) slab->next->previous = slab->previous;
    slab->previous = slab->next = nullptr;
    --count;
}

// ---- Construction -----------------------------------------------------------

SlabCache::SlabCache(const CacheConfig& config, const SlabLayout& layout, const Backing& backing)
    : object_size_(config.size),
      alignment_(os::max<size_t>(config.alignment, 8)),
      layout_(layout),
      constructor_(config.constructor),
      destructor_(config.destructor),
      max_empty_slabs_(config.max_empty_slabs),
      per_cpu_(config.per_cpu && backing.magazines != nullptr),
      magazine_capacity_(magazine_capacity_for(layout.stride)),
      refill_count_(os::max<uint32_t>(1, magazine_capacity_for(layout.stride) / 2)),
      poison_bytes_(os::align_up(os::max<size_t>(config.size, sizeof(void*)), sizeof(void*))),
      block_mask_(~(uintptr_t{layout.block_bytes()} - 1)),
      depot_limit_(os::max<size_t>(
          kMinDepotMagazines,
          kDepotBytes / (size_t{magazine_capacity_for(layout.stride)} * layout.stride))),
      backing_(backing) {
    copy_name(name_, config.name);
    for (CpuCache& cpu : cpus_)
        cpu = CpuCache{&kNoMagazine, &kNoMagazine, 0, 0, 0, 0};
}

SlabCache::~SlabCache() {
    shrink();
    SpinLockGuard lock(lock_);
    if (partial_.count != 0 || full_.count != 0) {
        panic("heap: cache '%s' destroyed with %zu objects in use", name_, slab_objects_in_use_);
    }
}

SlabCache::CpuCache& SlabCache::current_cpu_for_slow_path() {
    uint32_t index = hal::current_cpu_index();
    if (index >= kMaxHeapCpus) {
        panic("heap: CPU index %u is not below kMaxHeapCpus (%u)", index, kMaxHeapCpus);
    }
    return cpus_[index];
}

// ---- Per-CPU slow paths -----------------------------------------------------

void* SlabCache::allocate_slow() {
    InterruptGuard interrupts;
    if (!per_cpu_) {
        SpinLockGuard lock(lock_);
        return slab_allocate_locked();
    }
    CpuCache& cpu = current_cpu_for_slow_path();
    if (cpu.previous->count != 0) {
        // `loaded` is empty and `previous` full: swap them, still lock-free.
        os::swap(cpu.loaded, cpu.previous);
        ++cpu.allocation_hits;
        return cpu.loaded->rounds[--cpu.loaded->count];
    }
    ++cpu.allocation_misses;

    SpinLockGuard lock(lock_);
    if (depot_full_ != nullptr) {
        // Trade the empty `previous` for a full magazine from the depot.
        Magazine* full = depot_full_;
        depot_full_ = full->next;
        --depot_full_count_;
        if (cpu.previous != &kNoMagazine) deposit_empty_locked(cpu.previous);
        cpu.previous = cpu.loaded;
        cpu.loaded = full;
        return full->rounds[--full->count];
    }

    // No full magazine anywhere: refill `loaded` (empty) from the slabs in one
    // go, so the next refill_count_ - 1 allocations are hits.
    Magazine* magazine = cpu.loaded;
    if (magazine == &kNoMagazine) {
        magazine = take_empty_magazine_locked();
        if (magazine == nullptr) return slab_allocate_locked();
        cpu.loaded = magazine;
    }
    while (magazine->count < refill_count_) {
        void* object = slab_allocate_locked();
        if (object == nullptr) break;
        magazine->rounds[magazine->count++] = object;
    }
    if (magazine->count == 0) return nullptr;
    return magazine->rounds[--magazine->count];
}

void SlabCache::free_slow(void* object) {
    InterruptGuard interrupts;
    if (!per_cpu_) {
        SpinLockGuard lock(lock_);
        slab_free_locked(object);
        return;
    }
    CpuCache& cpu = current_cpu_for_slow_path();
    if (cpu.previous->count == 0 && cpu.previous != &kNoMagazine) {
        // `loaded` is full and `previous` empty: swap them, still lock-free.
        os::swap(cpu.loaded, cpu.previous);
        ++cpu.free_hits;
        cpu.loaded->rounds[cpu.loaded->count++] = object;
        return;
    }
    ++cpu.free_misses;

    SpinLockGuard lock(lock_);
    Magazine* empty = take_empty_magazine_locked();
    if (empty == nullptr) {
        // No memory for a magazine: the object goes straight to its slab.
        slab_free_locked(object);
        return;
    }
    // `previous` is full here (the invariant) or the placeholder.
    if (cpu.previous != &kNoMagazine) deposit_full_locked(cpu.previous);
    cpu.previous = cpu.loaded;
    cpu.loaded = empty;
    empty->rounds[empty->count++] = object;
}

// ---- The depot --------------------------------------------------------------

Magazine* SlabCache::take_empty_magazine_locked() {
    Magazine* magazine = depot_empty_;
    if (magazine != nullptr) {
        depot_empty_ = magazine->next;
        --depot_empty_count_;
    } else {
        void* memory = backing_.magazines->allocate();
        if (memory == nullptr) return nullptr;
        magazine = new (memory) Magazine;
    }
    magazine->next = nullptr;
    magazine->count = 0;
    magazine->capacity = magazine_capacity_;
    return magazine;
}

void SlabCache::deposit_full_locked(Magazine* magazine) {
    if (depot_full_count_ >= depot_limit_) {
        empty_magazine_locked(magazine);
        deposit_empty_locked(magazine);
        return;
    }
    magazine->next = depot_full_;
    depot_full_ = magazine;
    ++depot_full_count_;
}

void SlabCache::deposit_empty_locked(Magazine* magazine) {
    if (depot_empty_count_ >= depot_limit_) {
        backing_.magazines->free(magazine);
        return;
    }
    magazine->next = depot_empty_;
    depot_empty_ = magazine;
    ++depot_empty_count_;
}

void SlabCache::empty_magazine_locked(Magazine* magazine) {
    while (magazine->count != 0)
        slab_free_locked(magazine->rounds[--magazine->count]);
}

// ---- Draining and shrinking -------------------------------------------------

void SlabCache::drain_cpu_locked(CpuCache& cpu) {
    Magazine** slots[] = {&cpu.loaded, &cpu.previous};
    for (Magazine** slot : slots) {
        if (*slot == &kNoMagazine) continue;
        empty_magazine_locked(*slot);
        backing_.magazines->free(*slot);
        *slot = &kNoMagazine;
    }
}

void SlabCache::drain_depot_locked() {
    while (depot_full_ != nullptr) {
        Magazine* magazine = depot_full_;
        depot_full_ = magazine->next;
        empty_magazine_locked(magazine);
        backing_.magazines->free(magazine);
    }
    while (depot_empty_ != nullptr) {
        Magazine* magazine = depot_empty_;
        depot_empty_ = magazine->next;
        backing_.magazines->free(magazine);
    }
    depot_full_count_ = depot_empty_count_ = 0;
}

void SlabCache::drain_cpu(uint32_t cpu) {
    KERNEL_ASSERT(cpu < kMaxHeapCpus);
    SpinLockGuard lock(lock_);
    drain_cpu_locked(cpus_[cpu]);
}

void SlabCache::drain() {
    SpinLockGuard lock(lock_);
    for (CpuCache& cpu : cpus_)
        drain_cpu_locked(cpu);
    drain_depot_locked();
}

size_t SlabCache::shrink() {
    SpinLockGuard lock(lock_);
    uint64_t released_before = slabs_released_;
    // Draining alone may release slabs (beyond max_empty_slabs_).
    for (CpuCache& cpu : cpus_)
        drain_cpu_locked(cpu);
    drain_depot_locked();
    while (empty_.head != nullptr)
        release_slab_locked(empty_.head);
    return static_cast<size_t>(slabs_released_ - released_before) << layout_.order;
}

// ---- The slab layer ---------------------------------------------------------

SlabCache::SlabList& SlabCache::list_for(SlabState state) {
    switch (state) {
        case SlabState::kEmpty:
            return empty_;
        case SlabState::kPartial:
            return partial_;
        case SlabState::kFull:
            break;
    }
    return full_;
}

// Keeps every slab on the list its in_use calls for.
void SlabCache::update_list_locked(Slab* slab) {
    SlabState state = slab->in_use == 0                ? SlabState::kEmpty
                      : slab->in_use == slab->capacity ? SlabState::kFull
                                                       : SlabState::kPartial;
    if (state == slab->state) return;
    list_for(slab->state).remove(slab);
    list_for(state).push(slab);
    slab->state = state;
}

Slab* SlabCache::slab_of(void* object) const {
    if (!layout_.off_slab_header) {
        // The header starts the naturally aligned block.
        return reinterpret_cast<Slab*>(reinterpret_cast<uintptr_t>(object) & block_mask_);
    }
    return owner_tag::slab(backing_.pages->owner_of(object));
}

void* SlabCache::slab_allocate_locked() {
    // Partial slabs first, so that empty ones stay empty and can be released.
    Slab* slab = partial_.head != nullptr ? partial_.head : empty_.head;
    if (slab == nullptr) {
        slab = grow_locked();
        if (slab == nullptr) return nullptr;
    }
    void* object = slab->free_list;
    if constexpr (kAllocatorChecks) check_free_link(slab, object);
    slab->free_list = *link_of(object);
    // Outside its slab a free object is entirely poison, link word included.
    if (poisons()) fill_poison(object, 0, sizeof(void*));
    ++slab->in_use;
    ++slab_objects_in_use_;
    update_list_locked(slab);
    return object;
}

void SlabCache::slab_free_locked(void* object) {
    Slab* slab = slab_of(object);
    // Catches writes to the object while it sat in a magazine, before the
    // link overwrites its first word.
    if (poisons()) check_poison(object, 0, poison_bytes_, "it went back to its slab");
    *link_of(object) = slab->free_list;
    slab->free_list = object;
    --slab->in_use;
    --slab_objects_in_use_;
    update_list_locked(slab);
    if (slab->state == SlabState::kEmpty && empty_.count > max_empty_slabs_) {
        release_slab_locked(slab);
    }
}

Slab* SlabCache::grow_locked() {
    auto block_or_error = backing_.pages->allocate_block(layout_.order);
    if (block_or_error.is_error()) return nullptr;
    auto* block = static_cast<uint8_t*>(block_or_error.value());
    void* header = block;
    if (layout_.off_slab_header) {
        header = backing_.headers->allocate();
        if (header == nullptr) {
            backing_.pages->free_block(block, layout_.order);
            return nullptr;
        }
    }
    Slab* slab = new (header) Slab;
    slab->capacity = static_cast<uint16_t>(layout_.capacity);
    slab->cache = this;
    slab->block = block;
    slab->objects = block + layout_.first_object;
    for (uint32_t i = 0; i < layout_.bitmap_words; ++i)
        slab->allocated_bits()[i] = 0;
    backing_.pages->set_owner(block, layout_.order, owner_tag::for_slab(slab));

    // Link the objects so that the lowest address is handed out first.
    void* next = nullptr;
    for (uint32_t i = layout_.capacity; i-- > 0;) {
        void* object = slab->objects + size_t{i} * layout_.stride;
        if (constructor_ != nullptr) constructor_(object);
        if (poisons()) fill_poison(object, 0, poison_bytes_);
        *link_of(object) = next;
        next = object;
    }
    slab->free_list = next;
    empty_.push(slab);
    ++slabs_created_;
    return slab;
}

void SlabCache::release_slab_locked(Slab* slab) {
    list_for(slab->state).remove(slab);
    if (poisons()) {
        // Every object is free: walking the list verifies links and poison.
        for (void* object = slab->free_list; object != nullptr; object = *link_of(object)) {
            check_free_link(slab, object);
            check_poison(object, sizeof(void*), poison_bytes_, "its slab was released");
        }
    }
    if (destructor_ != nullptr) {
        for (uint32_t i = 0; i < slab->capacity; ++i) {
            destructor_(slab->objects + size_t{i} * layout_.stride);
        }
    }
    uint8_t* block = slab->block;
    backing_.pages->set_owner(block, layout_.order, nullptr);
    slab->magic = 0;
    if (layout_.off_slab_header) backing_.headers->free(slab);
    backing_.pages->free_block(block, layout_.order);
    ++slabs_released_;
}

// ---- Statistics -------------------------------------------------------------

CacheStatistics SlabCache::statistics() const {
    CacheStatistics result;
    result.name = name_;
    result.object_size = object_size_;
    result.stride = layout_.stride;
    result.alignment = alignment_;
    result.slab_order = layout_.order;
    result.objects_per_slab = layout_.capacity;
    result.off_slab_header = layout_.off_slab_header;

    SpinLockGuard lock(lock_);
    result.full_slabs = full_.count;
    result.partial_slabs = partial_.count;
    result.empty_slabs = empty_.count;
    result.slabs = full_.count + partial_.count + empty_.count;
    result.pages = result.slabs << layout_.order;
    size_t cached = 0;
    // Other CPUs' counters are read without their cooperation: exact on
    // one CPU, a snapshot under SMP.
    for (const CpuCache& cpu : cpus_) {
        cached += cpu.loaded->count + cpu.previous->count;
        result.allocation_hits += cpu.allocation_hits;
        result.allocation_misses += cpu.allocation_misses;
        result.free_hits += cpu.free_hits;
        result.free_misses += cpu.free_misses;
    }
    for (Magazine* magazine = depot_full_; magazine != nullptr; magazine = magazine->next) {
        cached += magazine->count;
    }
    result.objects_cached = cached;
    result.objects_in_use = slab_objects_in_use_ - cached;
    result.depot_full_magazines = depot_full_count_;
    result.depot_empty_magazines = depot_empty_count_;
    result.slabs_created = slabs_created_;
    result.slabs_released = slabs_released_;
    return result;
}

}  // namespace kernel::mm
