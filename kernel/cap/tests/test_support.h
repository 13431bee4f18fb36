// Host test support for kernel/cap and kernel/object: a fresh kernel heap
// (kmalloc) on host memory per test, with a leak check when it ends, and a
// KernelObject that records what happens to it.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "hal/host/host_hal.h"
#include "kernel/cap/capability_space.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/heap/tests/host_page_source.h"
#include "kernel/object/allocator.h"
#include "kernel/object/kernel_object.h"
#include "kernel/object/quota.h"

namespace kernel::cap::testing {

// What became of each TestObject, by object id (they outlive the objects).
struct ObjectFate {
    int last_capability_calls = 0;
    bool destroyed = false;
};

inline std::map<uint64_t, ObjectFate>& fates() {
    static std::map<uint64_t, ObjectFate> table;
    return table;
}
// Guards fates() for the hooks, which may run on several host threads.
inline std::mutex& fates_lock() {
    static std::mutex lock;
    return lock;
}

class TestObject final : public object::KernelObject {
public:
    // A fresh object with its creator's reference (charged to `quota` if
    // given).
    static TestObject* make(ObjectType type, object::Quota* quota = nullptr,
                            uint64_t extra_bytes = 0) {
        auto made = object::Allocator::create<TestObject>(quota, extra_bytes, type);
        if (made.is_error()) return nullptr;
        fates()[made.value()->id()] = ObjectFate{};
        return made.value();
    }

private:
    friend class object::Allocator;
    explicit TestObject(ObjectType type) : KernelObject(type) {}
    void on_last_capability() override {
        std::lock_guard<std::mutex> guard(fates_lock());
        ++fates()[id()].last_capability_calls;
    }
    void destroy() override {
        {
            std::lock_guard<std::mutex> guard(fates_lock());
            fates()[id()].destroyed = true;
        }
        object::Allocator::destroy(this);
    }
};

class KernelHeapTest : public ::testing::Test {
protected:
    void SetUp() override {
        hal::host::set_current_cpu(0);
        fates().clear();
        ASSERT_FALSE(mm::initialize_kernel_heap(source_).is_error());
    }

    void TearDown() override {
        for (auto& [id, fate] : fates())
            EXPECT_TRUE(fate.destroyed) << "object " << id << " leaked";
        mm::destroy_kernel_heap();
        EXPECT_EQ(source_.outstanding_pages(), 0u) << "kernel heap memory leaked";
    }

    static CapabilitySpace* make_space(size_t capacity) {
        auto space = CapabilitySpace::create(capacity);
        EXPECT_FALSE(space.is_error());
        return space.is_error() ? nullptr : space.value();
    }

    mm::testing::HostPageSource source_;
};

// Two spaces of 16 slots, a_ and b_, checked (verify()) and destroyed after
// each test.
class TwoSpacesTest : public KernelHeapTest {
protected:
    void SetUp() override {
        KernelHeapTest::SetUp();
        a_ = make_space(16);
        b_ = make_space(16);
    }
    void TearDown() override {
        const char* problem = "";
        EXPECT_TRUE(a_->verify(&problem)) << problem;
        EXPECT_TRUE(b_->verify(&problem)) << problem;
        a_->destroy();
        b_->destroy();
        KernelHeapTest::TearDown();
    }

    CapabilitySpace* a_ = nullptr;
    CapabilitySpace* b_ = nullptr;
};

}  // namespace kernel::cap::testing
