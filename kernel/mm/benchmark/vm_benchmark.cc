// Benchmarks of address spaces on the real MMU: page faults (lazy zero-fill,
// copy-on-write), as_map/as_unmap and a TLB flush. User memory is touched
// only through copy_to_user, as the kernel does, so a fault benchmark
// measures a 1-byte copy that faults and subtracts the same copy to the
// same page once it is mapped: what remains is the fault itself (trap,
// handler, frame allocation and zeroing or copying, mapping, return).
#include "hal/mm.h"
#include "kernel/mm/physical/physical_memory.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/selftest/benchmark.h"

namespace kernel::mm {
namespace {

constexpr hal::mm::VirtualAddress kBase = 0x40000000;  // 1 GiB: 2 MiB-aligned
constexpr size_t kPage = hal::mm::kPageSize;
constexpr Permissions kReadWrite{.read = true, .write = true, .execute = false};

// An address space created and made current for one run; destroyed, with
// the CPU left on no user address space, when the scope ends.
class BenchmarkSpace {
public:
    BenchmarkSpace() {
        auto created = as_create();
        if (created.is_error()) return;
        space_ = created.value();
        as_switch(space_);
    }
    ~BenchmarkSpace() {
        if (space_ == nullptr) return;
        as_switch(nullptr);
        as_destroy(space_);
    }
    BenchmarkSpace(const BenchmarkSpace&) = delete;
    BenchmarkSpace& operator=(const BenchmarkSpace&) = delete;

    AddressSpace* get() const { return space_; }

private:
    AddressSpace* space_ = nullptr;
};

MapRequest anonymous_region(size_t pages) {
    MapRequest request;
    request.type = RegionType::kAnonymous;
    request.permissions = kReadWrite;
    request.length = pages * kPage;
    request.address = kBase;
    request.fixed = true;
    return request;
}

// Writes one byte to page i of the region at kBase through copy_to_user;
// `failed` records any copy that did not go through.
struct PageToucher {
    bool failed = false;
    void operator()(uint32_t page) {
        uint8_t byte = static_cast<uint8_t>(page);
        bool copied = !hal::mm::copy_to_user(kBase + page * kPage, &byte, 1).is_error();
        failed = failed || !copied;
    }
};

// Times `touch` over every page (the faults), then the same loop again over
// the now-mapped pages as the reference.
void measure_faults(benchmark::Run& run, PageToucher& touch) {
    run.measure(touch);
    run.measure_reference(touch);
    if (touch.failed) run.fail("a copy_to_user failed");
}

// The reference the fault benchmarks subtract, on its own: a 1-byte
// copy_to_user to a mapped page, net of the empty loop.
KERNEL_BENCHMARK(mm, copy_to_user_1_byte) {
    BenchmarkSpace space;
    if (space.get() == nullptr) return run.fail("as_create failed");
    if (as_map(space.get(), anonymous_region(1)).is_error()) return run.fail("as_map failed");
    uint8_t byte = 1;
    bool failed = hal::mm::copy_to_user(kBase, &byte, 1).is_error();  // maps the page
    run.measure([&](uint32_t) {
        bool copied = !hal::mm::copy_to_user(kBase, &byte, 1).is_error();
        failed = failed || !copied;
    });
    if (failed) run.fail("a copy_to_user failed");
}

// First write to each page of a fresh anonymous region: a zeroed frame is
// allocated and mapped with a 4 KiB entry. Every iteration is a new page;
// the page-table pages the region needs come with its first fault, so
// their cost is spread over the n faults.
KERNEL_BENCHMARK(mm, page_fault_zero_fill) {
    BenchmarkSpace space;
    if (space.get() == nullptr) return run.fail("as_create failed");
    if (as_map(space.get(), anonymous_region(run.iterations())).is_error()) {
        return run.fail("as_map failed");
    }
    PageToucher touch;
    measure_faults(run, touch);
}

// A parent with every page written, cloned: the parent's entries are now
// read-only, the child maps the same frames read-only, each frame has two
// references. The child is left current; nullptr if something failed.
AddressSpace* clone_populated(benchmark::Run& run, AddressSpace* parent) {
    if (as_map(parent, anonymous_region(run.iterations())).is_error()) {
        run.fail("as_map failed");
        return nullptr;
    }
    PageToucher populate;
    for (uint32_t page = 0; page < run.iterations(); ++page)
        populate(page);
    if (populate.failed) {
        run.fail("populating the parent failed");
        return nullptr;
    }
    auto child = as_clone(parent);
    if (child.is_error()) {
        run.fail("as_clone failed");
        return nullptr;
    }
    as_switch(child.value());
    return child.value();
}

// The child's first write to each shared page: a new frame, a 4 KiB copy,
// the entry replaced.
KERNEL_BENCHMARK(mm, cow_fault_copy) {
    BenchmarkSpace parent;
    if (parent.get() == nullptr) return run.fail("as_create failed");
    AddressSpace* child = clone_populated(run, parent.get());
    if (child == nullptr) return;
    PageToucher touch;
    measure_faults(run, touch);
    as_switch(parent.get());
    as_destroy(child);
}

// The other side's write once the child has copied every page: the frame
// has one reference left, so the fault only makes the entry writable.
KERNEL_BENCHMARK(mm, cow_fault_sole_owner) {
    BenchmarkSpace parent;
    if (parent.get() == nullptr) return run.fail("as_create failed");
    AddressSpace* child = clone_populated(run, parent.get());
    if (child == nullptr) return;
    PageToucher copy_all;
    for (uint32_t page = 0; page < run.iterations(); ++page)
        copy_all(page);
    as_switch(parent.get());
    if (copy_all.failed) run.fail("the child's copies failed");
    PageToucher touch;
    measure_faults(run, touch);
    as_destroy(child);
}

// as_map + as_unmap of a 4-page anonymous region that is never touched:
// region bookkeeping only (no entries exist to remove).
KERNEL_BENCHMARK(mm, as_map_unmap_4_pages) {
    BenchmarkSpace space;
    if (space.get() == nullptr) return run.fail("as_create failed");
    MapRequest request = anonymous_region(4);
    bool failed = false;
    auto map_unmap = [&](uint32_t) {
        bool mapped = !as_map(space.get(), request).is_error();
        bool unmapped = !as_unmap(space.get(), kBase, request.length).is_error();
        failed = failed || !mapped || !unmapped;
    };
    map_unmap(0);
    run.measure(map_unmap);
    if (failed) run.fail("as_map or as_unmap failed");
}

// What the fault figures above contain besides fault handling: zeroing a
// frame (lazy zero-fill) and copying one (copy-on-write), done as the
// buddy allocator and the copy-on-write path do them, through the direct
// map with the kernel's memset and memcpy.
struct TwoFrames {
    PageFrame* frames[2] = {};
    void* pages[2] = {};
    bool allocate() {
        for (int i = 0; i < 2; ++i) {
            auto frame = physical_memory().allocate(PageRequest{});
            if (frame.is_error()) return false;
            frames[i] = frame.value();
            pages[i] = physical_memory().virtual_address_of(frames[i]);
        }
        return true;
    }
    ~TwoFrames() {
        for (PageFrame* frame : frames) {
            if (frame != nullptr) physical_memory().free(frame);
        }
    }
};

KERNEL_BENCHMARK(mm, zero_page_4k) {
    TwoFrames two;
    if (!two.allocate()) return run.fail("no frames");
    run.measure([&](uint32_t) { __builtin_memset(two.pages[0], 0, kPage); });
}

KERNEL_BENCHMARK(mm, copy_page_4k) {
    TwoFrames two;
    if (!two.allocate()) return run.fail("no frames");
    run.measure([&](uint32_t) { __builtin_memcpy(two.pages[0], two.pages[1], kPage); });
}

// hal::mm::flush_page of one user page (ASID 0; the instruction sequence is
// the same for every ASID).
KERNEL_BENCHMARK(mm, tlb_flush_page) {
    run.measure([](uint32_t) { hal::mm::flush_page(0, kBase); });
}

}  // namespace
}  // namespace kernel::mm
