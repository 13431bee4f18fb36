// A fresh Heap on a fresh HostPageSource for every test, with a leak check:
// when the test ends, destroying the heap must give back every page.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "hal/host/host_hal.h"
#include "kernel/mm/heap/heap.h"
#include "kernel/mm/heap/tests/host_page_source.h"

namespace kernel::mm::testing {

class HeapTest : public ::testing::Test {
protected:
    void SetUp() override {
        hal::host::set_current_cpu(0);
        heap_ = std::make_unique<Heap>(source_);
        ASSERT_FALSE(heap_->initialize().is_error());
    }

    void TearDown() override {
        hal::host::set_current_cpu(0);
        heap_.reset();
        EXPECT_EQ(source_.outstanding_pages(), 0u) << "the heap leaked pages";
    }

    SlabCache* make_cache(const char* name, size_t size, size_t alignment = 8,
                          bool per_cpu = true) {
        CacheConfig config;
        config.name = name;
        config.size = size;
        config.alignment = alignment;
        config.per_cpu = per_cpu;
        auto cache = heap_->create_cache(config);
        EXPECT_FALSE(cache.is_error());
        return cache.is_error() ? nullptr : cache.value();
    }

    HostPageSource source_;
    std::unique_ptr<Heap> heap_;
};

}  // namespace kernel::mm::testing
