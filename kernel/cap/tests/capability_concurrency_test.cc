// Several host threads (each its own "CPU") derive, move, revoke, delete and
// look up capabilities in shared spaces at once, one of the spaces closing
// half-way. Individual calls may lose races (errors are fine); what must
// hold afterwards: every space's tree invariants, each object's capability
// and reference counts equal to the slots naming it, nothing deadlocked,
// and everything freed at the end. (Objects keep their creator's reference
// during the run, so no thread frees memory: the host page source is not
// thread-safe.)
#include <gtest/gtest.h>

#include <random>
#include <thread>
#include <vector>

#include "kernel/cap/capability_space.h"
#include "kernel/cap/tests/test_support.h"

namespace kernel::cap::testing {
namespace {

constexpr int kSpaces = 4;
constexpr size_t kCapacity = 64;
constexpr int kObjects = 8;
constexpr int kThreads = 4;
constexpr int kStepsPerThread = 100000;

class CapabilityConcurrencyTest : public KernelHeapTest {};

TEST_F(CapabilityConcurrencyTest, RacingOperationsKeepTheInvariants) {
    CapabilitySpace* spaces[kSpaces];
    for (auto& space : spaces)
        space = make_space(kCapacity);
    std::vector<TestObject*> objects;
    for (int i = 0; i < kObjects; ++i) {
        objects.push_back(TestObject::make(i % 2 ? ObjectType::kEndpoint : ObjectType::kMemory));
        ASSERT_FALSE(spaces[0]->insert_root(*objects.back(), cairn::kAllRights).is_error());
    }

    auto work = [&](int index) {
        hal::host::set_current_cpu(static_cast<uint32_t>(index));
        std::mt19937_64 random(index + 1);
        auto pick = [&](uint64_t bound) { return random() % bound; };
        for (int step = 0; step < kStepsPerThread; ++step) {
            if (index == 0 && step == kStepsPerThread / 2) spaces[kSpaces - 1]->close();
            CapabilitySpace& space = *spaces[pick(kSpaces)];
            CapabilitySpace& target = *spaces[pick(kSpaces)];
            Slot slot = 1 + pick(kCapacity);
            switch (pick(10)) {
                case 0:
                case 1:
                case 2:
                    (void)space.derive(slot, cairn::kAllRights & ~(1u << pick(7)), target, 0,
                                       pick(4) == 0, pick(3));
                    break;
                case 3:
                    (void)space.move(slot, target);
                    break;
                case 4:
                    (void)space.revoke(slot);
                    break;
                case 5:
                    (void)space.remove(slot, pick(2) == 0);
                    break;
                default: {
                    auto found = space.lookup(slot, ObjectType::kNone, 0);
                    if (!found.is_error()) {
                        EXPECT_NE(found.value().object->capability_count(), 0u);
                    }
                    break;
                }
            }
        }
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i)
        threads.emplace_back(work, i);
    for (auto& thread : threads)
        thread.join();
    hal::host::set_current_cpu(0);

    EXPECT_EQ(spaces[kSpaces - 1]->used_slots(), 0u);
    std::map<uint64_t, uint32_t> counted;
    for (auto* space : spaces) {
        const char* problem = "";
        EXPECT_TRUE(space->verify(&problem)) << problem;
        for (Slot slot = 1; slot <= kCapacity; ++slot) {
            auto info = space->info(slot);
            if (!info.is_error()) ++counted[info.value().object_id];
        }
    }
    for (TestObject* object : objects) {
        uint32_t count = counted[object->id()];
        EXPECT_EQ(object->capability_count(), count);
        EXPECT_EQ(object->reference_count(), count + 1);
        std::lock_guard<std::mutex> guard(fates_lock());
        EXPECT_EQ(fates()[object->id()].last_capability_calls, count == 0 ? 1 : 0);
    }
    for (auto* space : spaces)
        space->destroy();
    for (TestObject* object : objects)
        object->release();
}

}  // namespace
}  // namespace kernel::cap::testing
