#include "kernel/mm/heap/heap.h"

#include "kernel/debug/panic.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/lib/utility.h"
#include "kernel/mm/heap/owner_tag.h"

namespace kernel::mm {
namespace {

using hal::mm::kPageShift;
using hal::mm::kPageSize;

struct SizeClass {
    uint32_t size;
    uint32_t alignment;  // the largest power of two dividing size
};

constexpr SizeClass kSizeClasses[Heap::kSizeClassCount] = {
    {16, 16},   {32, 32},   {64, 64},     {96, 32},     {128, 128},   {192, 64},
    {256, 256}, {512, 512}, {1024, 1024}, {2048, 2048}, {4096, 4096}, {8192, 8192},
};

// Names of the size-class caches; the registry copies them.
constexpr const char* kSizeClassNames[Heap::kSizeClassCount] = {
    "kmalloc-16",  "kmalloc-32",  "kmalloc-64", "kmalloc-96", "kmalloc-128", "kmalloc-192",
    "kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k", "kmalloc-4k",  "kmalloc-8k",
};

bool is_power_of_two(size_t value) {
    return value != 0 && (value & (value - 1)) == 0;
}

// The smallest order whose block holds `bytes`.
unsigned order_for(size_t bytes) {
    size_t pages = (bytes + kPageSize - 1) >> kPageShift;
    if (pages <= 1) return 0;
    return 64 - static_cast<unsigned>(__builtin_clzll(pages - 1));
}

// A metadata cache: no magazines, so it never needs itself.
SlabCache::Backing metadata_backing(PageSource& pages, SlabCache* headers) {
    SlabCache::Backing backing;
    backing.pages = &pages;
    backing.headers = headers;
    return backing;
}

CacheConfig metadata_config(const char* name, size_t size, size_t alignment) {
    CacheConfig config;
    config.name = name;
    config.size = size;
    config.alignment = alignment;
    config.per_cpu = false;
    config.max_empty_slabs = 1;
    return config;
}

}  // namespace

Heap::Heap(PageSource& pages)
    : pages_(pages),
      header_cache_(metadata_config("heap-slab-headers", kOffSlabHeaderSize, 8),
                    choose_slab_layout(kOffSlabHeaderSize, 8, false, false),
                    metadata_backing(pages, nullptr)),
      magazine_cache_(metadata_config("heap-magazines", sizeof(Magazine), 64),
                      choose_slab_layout(sizeof(Magazine), 64, false, true),
                      metadata_backing(pages, &header_cache_)),
      cache_cache_(metadata_config("heap-caches", sizeof(SlabCache), alignof(SlabCache)),
                   choose_slab_layout(sizeof(SlabCache), alignof(SlabCache), false, true),
                   metadata_backing(pages, &header_cache_)) {
    SpinLockGuard lock(registry_lock_);
    register_cache_locked(&header_cache_);
    register_cache_locked(&magazine_cache_);
    register_cache_locked(&cache_cache_);
}

Heap::~Heap() {
    for (;;) {
        SlabCache* victim = nullptr;
        {
            SpinLockGuard lock(registry_lock_);
            for (SlabCache* cache = registry_head_; cache != nullptr;
                 cache = cache->registry_next_) {
                if (!is_metadata_cache(cache)) victim = cache;
            }
            if (victim != nullptr) unregister_cache_locked(victim);
        }
        if (victim == nullptr) break;
        victim->~SlabCache();
        cache_cache_.free(victim);
    }
    // The metadata caches' destructors run next, in reverse member order.
}

os::ErrorOr<void> Heap::initialize() {
    for (size_t i = 0; i < kSizeClassCount; ++i) {
        CacheConfig config;
        config.name = kSizeClassNames[i];
        config.size = kSizeClasses[i].size;
        config.alignment = kSizeClasses[i].alignment;
        size_classes_[i] = TRY(create_cache(config));
        size_classes_[i]->is_size_class_ = true;
    }
    CacheConfig page_tables;
    page_tables.name = "page-table";
    page_tables.size = kPageSize;
    page_tables.alignment = kPageSize;
    page_table_cache_ = TRY(create_cache(page_tables));
    return {};
}

bool Heap::is_metadata_cache(const SlabCache* cache) const {
    return cache == &header_cache_ || cache == &magazine_cache_ || cache == &cache_cache_;
}

// ---- The registry -----------------------------------------------------------

void Heap::register_cache_locked(SlabCache* cache) {
    cache->registry_previous_ = nullptr;
    cache->registry_next_ = registry_head_;
    if (registry_head_ != nullptr) registry_head_->registry_previous_ = cache;
    registry_head_ = cache;
}

void Heap::unregister_cache_locked(SlabCache* cache) {
    if (cache->registry_previous_ != nullptr) {
        cache->registry_previous_->registry_next_ = cache->registry_next_;
    } else {
        registry_head_ = cache->registry_next_;
    }
    if (cache->registry_next_ != nullptr) {
        cache->registry_next_->registry_previous_ = cache->registry_previous_;
    }
    cache->registry_next_ = cache->registry_previous_ = nullptr;
}

SlabCache* Heap::find_cache_locked(const char* name) const {
    for (SlabCache* cache = registry_head_; cache != nullptr; cache = cache->registry_next_) {
        if (os::string_equal(cache->name(), name)) return cache;
    }
    return nullptr;
}

SlabCache* Heap::find_cache(const char* name) const {
    SpinLockGuard lock(registry_lock_);
    return find_cache_locked(name);
}

os::ErrorOr<SlabCache*> Heap::create_cache(const CacheConfig& config) {
    CacheConfig checked = config;
    checked.alignment = os::max<size_t>(config.alignment, 8);
    if (config.name == nullptr || config.name[0] == '\0' ||
        os::string_length_bounded(config.name, kMaxCacheName) >= kMaxCacheName ||
        config.size == 0 || !is_power_of_two(checked.alignment)) {
        return os::Error::kInvalidArgument;
    }
    SlabLayout layout =
        choose_slab_layout(config.size, checked.alignment, config.constructor != nullptr, true);
    if (layout.capacity == 0) return os::Error::kInvalidArgument;

    SpinLockGuard lock(registry_lock_);
    if (find_cache_locked(config.name) != nullptr) return os::Error::kAlreadyExists;
    void* memory = cache_cache_.allocate();
    if (memory == nullptr) return os::Error::kOutOfMemory;
    SlabCache::Backing backing;
    backing.pages = &pages_;
    backing.magazines = &magazine_cache_;
    backing.headers = &header_cache_;
    auto* cache = new (memory) SlabCache(checked, layout, backing);
    register_cache_locked(cache);
    return cache;
}

void Heap::destroy_cache(SlabCache* cache) {
    if (is_metadata_cache(cache) || cache->is_size_class_ || cache == page_table_cache_) {
        panic("heap: cache '%s' belongs to the heap and cannot be destroyed", cache->name());
    }
    {
        SpinLockGuard lock(registry_lock_);
        unregister_cache_locked(cache);
    }
    cache->~SlabCache();
    cache_cache_.free(cache);
}

// ---- kmalloc ----------------------------------------------------------------

void* Heap::allocate_aligned(size_t size, size_t alignment) {
    if (!is_power_of_two(alignment)) return nullptr;
    if (alignment <= 16) return allocate(size);
    // Power-of-two classes are aligned to their size, so the class of the
    // next power of two of max(size, alignment) serves both.
    size_t needed = os::max(size, alignment);
    if (needed <= kMaxSizeClass) {
        size_t power = size_t{1} << (64 - __builtin_clzll(needed - 1));
        return size_class_for(power).allocate();
    }
    return allocate_large(size, order_for(alignment));
}

void* Heap::allocate_large(size_t size, unsigned minimum_order) {
    if (size > (kPageSize << kMaxLargeOrder)) return nullptr;
    unsigned order = os::max(order_for(size), minimum_order);
    if (order > kMaxLargeOrder) return nullptr;
    auto block = pages_.allocate_block(order);
    if (block.is_error()) return nullptr;
    pages_.set_owner(block.value(), order, owner_tag::for_large_block(order));
    SpinLockGuard lock(large_lock_);
    ++large_.blocks;
    ++large_.allocations;
    large_.pages += uint64_t{1} << order;
    return block.value();
}

void Heap::free_large(void* pointer, unsigned order) {
    // Blocks are naturally aligned: only the block's first byte is aligned
    // to its size.
    uintptr_t offset = reinterpret_cast<uintptr_t>(pointer) & ((kPageSize << order) - 1);
    if (offset != 0) {
        panic("kfree(%p): interior pointer, %zu bytes into the large allocation at %p", pointer,
              static_cast<size_t>(offset),
              static_cast<void*>(static_cast<uint8_t*>(pointer) - offset));
    }
    pages_.set_owner(pointer, order, nullptr);
    pages_.free_block(pointer, order);
    SpinLockGuard lock(large_lock_);
    --large_.blocks;
    ++large_.frees;
    large_.pages -= uint64_t{1} << order;
}

void Heap::check_kmalloc_slab(void* pointer, const Slab* slab) const {
    if (slab->magic != Slab::kMagic) {
        panic("kfree(%p): its slab header %p is corrupt (magic 0x%x)", pointer,
              static_cast<const void*>(slab), slab->magic);
    }
    if (!slab->cache->is_size_class_) {
        panic("kfree(%p): the object belongs to cache '%s', not to kmalloc", pointer,
              slab->cache->name());
    }
}

void Heap::free_not_in_slab(void* pointer, void* owner) {
    if (owner_tag::is_large_block(owner)) {
        free_large(pointer, owner_tag::large_block_order(owner));
        return;
    }
    panic("kfree(%p): not allocated by kmalloc (foreign pointer, or a large block freed twice)",
          pointer);
}

// ---- Maintenance and statistics ---------------------------------------------

size_t Heap::shrink() {
    size_t pages = 0;
    SpinLockGuard lock(registry_lock_);
    for (SlabCache* cache = registry_head_; cache != nullptr; cache = cache->registry_next_) {
        if (!is_metadata_cache(cache)) pages += cache->shrink();
    }
    // Draining the others freed magazines and headers: now release those.
    pages += cache_cache_.shrink();
    pages += magazine_cache_.shrink();
    pages += header_cache_.shrink();
    return pages;
}

void Heap::visit_caches(void (*visit)(const CacheStatistics&, void*), void* context) const {
    SpinLockGuard lock(registry_lock_);
    for (SlabCache* cache = registry_head_; cache != nullptr; cache = cache->registry_next_) {
        visit(cache->statistics(), context);
    }
}

LargeAllocationStatistics Heap::large_statistics() const {
    SpinLockGuard lock(large_lock_);
    return large_;
}

}  // namespace kernel::mm
