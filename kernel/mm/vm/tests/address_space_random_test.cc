// Random sequences of map (anonymous, shared, reserved), unmap, protect,
// reads, writes, clones and destroys over a small window of several address
// spaces, checked after every step against a per-page model:
//  - every call's result (success or the exact error) is what the model says;
//  - regions cover exactly the model's pages, with its permissions;
//  - every byte read is the last byte written to that page in that space;
//  - no entry grants more than its region allows, and a writable entry
//    always maps a frame nobody else holds (copy-on-write isolation);
//  - at the end every frame, table page and object is given back.
#include <map>
#include <random>
#include <vector>

#include "kernel/mm/vm/tests/vm_test_support.h"

namespace kernel::mm::testing {
namespace {

using hal::mm::Access;
using hal::mm::VirtualAddress;

constexpr VirtualAddress kWindow = kLowestAutomaticAddress;
constexpr int kWindowPages = 48;
constexpr size_t kMaxSpaces = 4;
constexpr int kSharedPages = 8;  // the one shared object every space may map

struct PageModel {
    Permissions permissions;
    bool reserved = false;
    uint8_t value = 0;     // what the first byte of a private page holds
    int shared_page = -1;  // else: the page of the shared object it shows
};

struct SpaceModel {
    AddressSpace* space = nullptr;
    std::map<VirtualAddress, PageModel> pages;  // by page address
};

const Permissions kChoices[] = {kNone, kReadOnly, kReadWrite, kReadExecute, kReadWriteExecute};

class AddressSpaceRandomTest : public VmTest {
protected:
    void run(uint32_t seed, int steps);

    VirtualAddress random_page() { return kWindow + (random_() % kWindowPages) * kPage; }
    uint64_t random_length() { return (1 + random_() % 8) * kPage; }
    Permissions random_permissions() { return kChoices[random_() % 5]; }

    void step_map(SpaceModel& model, bool fixed, bool reserved);
    void step_map_shared(SpaceModel& model);
    uint8_t& value_of(PageModel& page) {
        return page.shared_page >= 0 ? shared_values_[page.shared_page] : page.value;
    }
    void step_unmap(SpaceModel& model);
    void step_protect(SpaceModel& model);
    void step_access(SpaceModel& model, Access kind);
    void step_clone(std::vector<SpaceModel>& models, size_t index);
    void check(SpaceModel& model);

    std::mt19937_64 random_;
    std::string where_;
    MemoryObject* shared_ = nullptr;
    uint8_t shared_values_[kSharedPages] = {};
};

void AddressSpaceRandomTest::step_map(SpaceModel& model, bool fixed, bool reserved) {
    uint64_t length = random_length();
    Permissions permissions = reserved ? kNone : random_permissions();
    MapRequest request = anonymous(random_page(), length, permissions);
    request.fixed = fixed;
    if (reserved) request.type = RegionType::kReserved;
    if (!fixed) request.address = 0;

    os::Error expected{};
    VirtualAddress start = request.address;
    auto range_free = [&](VirtualAddress at) {
        for (VirtualAddress page = at; page < at + length; page += kPage) {
            if (model.pages.count(page) != 0) return false;
        }
        return true;
    };
    if (check_permissions(permissions).is_error()) {
        expected = os::Error::kPermissionDenied;  // only rwx is drawn
    } else if (fixed) {
        if (!range_free(start)) expected = os::Error::kAlreadyExists;
    } else {
        start = kWindow;
        while (!range_free(start))
            start += kPage;  // first fit
    }

    auto result = model.space->map(request);
    if (expected != os::Error{}) {
        ASSERT_TRUE(result.is_error()) << where_;
        ASSERT_EQ(result.error(), expected) << where_;
        return;
    }
    ASSERT_FALSE(result.is_error()) << where_ << " error " << os::to_string(result.error());
    ASSERT_EQ(result.value(), start) << where_;
    for (VirtualAddress page = start; page < start + length; page += kPage) {
        model.pages[page] = PageModel{permissions, reserved, 0};
    }
}

void AddressSpaceRandomTest::step_map_shared(SpaceModel& model) {
    int offset = static_cast<int>(random_() % kSharedPages);
    uint64_t length = (1 + random_() % (kSharedPages - offset)) * kPage;
    Permissions permissions = random_permissions();
    MapRequest request = anonymous(random_page(), length, permissions);
    request.type = RegionType::kShared;
    request.object = shared_;
    request.object_offset = offset * kPage;
    os::Error expected{};
    if (check_permissions(permissions).is_error()) expected = os::Error::kPermissionDenied;
    for (VirtualAddress page = request.address; page < request.address + length; page += kPage) {
        if (expected == os::Error{} && model.pages.count(page) != 0) {
            expected = os::Error::kAlreadyExists;
        }
    }
    auto result = model.space->map(request);
    if (expected != os::Error{}) {
        ASSERT_TRUE(result.is_error()) << where_;
        ASSERT_EQ(result.error(), expected) << where_;
        return;
    }
    ASSERT_FALSE(result.is_error()) << where_ << " error " << os::to_string(result.error());
    for (uint64_t i = 0; i < length / kPage; ++i) {
        PageModel page{permissions, false, 0, offset + static_cast<int>(i)};
        model.pages[request.address + i * kPage] = page;
    }
}

void AddressSpaceRandomTest::step_unmap(SpaceModel& model) {
    VirtualAddress start = random_page();
    uint64_t length = random_length();
    ASSERT_FALSE(model.space->unmap(start, length).is_error()) << where_;
    for (VirtualAddress page = start; page < start + length; page += kPage)
        model.pages.erase(page);
}

void AddressSpaceRandomTest::step_protect(SpaceModel& model) {
    VirtualAddress start = random_page();
    uint64_t length = random_length();
    Permissions permissions = random_permissions();
    os::Error expected{};
    if (check_permissions(permissions).is_error()) {
        expected = os::Error::kPermissionDenied;
    } else {
        for (VirtualAddress page = start; page < start + length; page += kPage) {
            auto it = model.pages.find(page);
            if (it == model.pages.end()) {
                expected = os::Error::kNotFound;
                break;
            }
            if (it->second.reserved) expected = os::Error::kPermissionDenied;
        }
    }
    auto result = model.space->protect(start, length, permissions);
    if (expected != os::Error{}) {
        ASSERT_TRUE(result.is_error()) << where_;
        ASSERT_EQ(result.error(), expected) << where_;
        return;
    }
    ASSERT_FALSE(result.is_error()) << where_ << " error " << os::to_string(result.error());
    for (VirtualAddress page = start; page < start + length; page += kPage) {
        model.pages[page].permissions = permissions;
    }
}

void AddressSpaceRandomTest::step_access(SpaceModel& model, Access kind) {
    VirtualAddress page = random_page();
    auto it = model.pages.find(page);
    bool allowed =
        it != model.pages.end() && !it->second.reserved && it->second.permissions.allows(kind);
    ::testing::internal::CaptureStderr();  // unresolved faults print a line
    bool succeeded = access(model.space, page, kind);
    ::testing::internal::GetCapturedStderr();
    ASSERT_EQ(succeeded, allowed) << where_;
    if (!allowed) return;
    uint8_t* byte = byte_at(model.space, page);
    uint8_t& value = value_of(it->second);
    if (kind == Access::kWrite) {
        value = static_cast<uint8_t>(random_());
        *byte = value;
    } else {
        ASSERT_EQ(*byte, value) << where_;
    }
}

void AddressSpaceRandomTest::step_clone(std::vector<SpaceModel>& models, size_t index) {
    auto child = models[index].space->clone();
    ASSERT_FALSE(child.is_error()) << where_;
    SpaceModel copy = models[index];
    copy.space = child.value();
    models.push_back(copy);
}

void AddressSpaceRandomTest::check(SpaceModel& model) {
    AddressSpace* space = model.space;
    ASSERT_TRUE(space->check_invariants()) << where_;
    // Regions cover exactly the model's pages.
    RegionInfo regions[256];
    size_t count = space->copy_regions(regions, 256);
    ASSERT_LE(count, 256u);
    size_t covered = 0;
    for (size_t i = 0; i < count; ++i) {
        for (VirtualAddress page = regions[i].start; page < regions[i].end; page += kPage) {
            auto it = model.pages.find(page);
            ASSERT_NE(it, model.pages.end()) << where_ << std::hex << " page 0x" << page;
            ASSERT_EQ(regions[i].permissions, it->second.permissions) << where_;
            ASSERT_EQ(regions[i].type == RegionType::kReserved, it->second.reserved) << where_;
            ASSERT_EQ(regions[i].type == RegionType::kShared, it->second.shared_page >= 0)
                << where_;
            if (it->second.shared_page >= 0) {
                uint64_t index = (regions[i].object_offset + page - regions[i].start) / kPage;
                ASSERT_EQ(index, static_cast<uint64_t>(it->second.shared_page)) << where_;
            }
            ++covered;
        }
    }
    ASSERT_EQ(covered, model.pages.size()) << where_;

    // Entries: only where the model has pages, never more than allowed, and
    // writable only over frames held once.
    for (VirtualAddress page = kWindow; page < kWindow + 2 * kWindowPages * kPage; page += kPage) {
        PageTable::Translation translation;
        if (!space->translate(page, &translation)) continue;
        auto it = model.pages.find(page);
        ASSERT_NE(it, model.pages.end()) << where_ << std::hex << " stale entry at 0x" << page;
        PageModel& expected = it->second;
        ASSERT_FALSE(expected.reserved) << where_;
        ASSERT_TRUE(expected.permissions.read) << where_;
        ASSERT_TRUE(!translation.attributes.writable || expected.permissions.write) << where_;
        ASSERT_TRUE(!translation.attributes.executable || expected.permissions.execute) << where_;
        ASSERT_TRUE(translation.attributes.user) << where_;
        PageFrame* frame = frames_->frame_of(translation.physical);
        ASSERT_NE(frame, nullptr) << where_;
        ASSERT_GE(frame->reference_count(), 1u) << where_;
        if (translation.attributes.writable) {
            ASSERT_EQ(frame->reference_count(), 1u) << where_ << std::hex << " page 0x" << page;
        }
        ASSERT_EQ(*byte_at(space, page), value_of(expected)) << where_;
        if (expected.shared_page >= 0) {
            ASSERT_EQ(frame, shared_->find_page(expected.shared_page)) << where_;
        }
    }
}

void AddressSpaceRandomTest::run(uint32_t seed, int steps) {
    random_.seed(seed);
    shared_ = MemoryObject::create_anonymous(kSharedPages * kPage, environment_).value();
    for (uint8_t& value : shared_values_)
        value = 0;
    std::vector<SpaceModel> models(1);
    models[0].space = create_space();
    for (int step = 0; step < steps; ++step) {
        size_t index = random_() % models.size();
        SpaceModel& model = models[index];
        int operation = static_cast<int>(random_() % 100);
        where_ = "seed " + std::to_string(seed) + " step " + std::to_string(step) + " op " +
                 std::to_string(operation) + " space " + std::to_string(index);
        if (operation < 15) {
            step_map(model, true, false);
        } else if (operation < 20) {
            step_map(model, false, false);
        } else if (operation < 22) {
            step_map(model, true, true);
        } else if (operation < 25) {
            step_map_shared(model);
        } else if (operation < 32) {
            step_unmap(model);
        } else if (operation < 42) {
            step_protect(model);
        } else if (operation < 65) {
            step_access(model, Access::kWrite);
        } else if (operation < 88) {
            step_access(model, Access::kRead);
        } else if (operation < 91) {
            step_access(model, Access::kExecute);
        } else if (operation < 96) {
            if (models.size() < kMaxSpaces) step_clone(models, index);
        } else if (models.size() > 1) {
            as_destroy(model.space);
            models.erase(models.begin() + static_cast<ptrdiff_t>(index));
        }
        if (HasFatalFailure()) return;
        for (SpaceModel& each : models) {
            check(each);
            if (HasFatalFailure()) return;
        }
    }
    for (SpaceModel& model : models)
        as_destroy(model.space);
    EXPECT_EQ(shared_->reference_count(), 1u);
    shared_->release();
}

TEST_F(AddressSpaceRandomTest, SequencesMatchTheModel) {
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        run(seed, 500);
        if (HasFatalFailure()) return;
        // Everything from this run is back before the next starts.
        ASSERT_EQ(objects_.live(), 0) << "seed " << seed;
        ASSERT_EQ(frames_->free_bytes(), baseline_free_bytes_) << "seed " << seed;
    }
}

}  // namespace
}  // namespace kernel::mm::testing
