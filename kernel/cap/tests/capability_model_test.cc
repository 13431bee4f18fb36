// Randomized sequences of insert/derive/copy/grant/move/revoke/delete/close
// over several spaces, checked after every step against a reference model
// that is too simple to be wrong: a map from (space, slot) to {object,
// rights, badge, parent}. After each step every slot of every space must
// match the model exactly (so rights never grow and revocation leaves no
// descendant anywhere), each object's capability count must equal the
// model's, the last-capability hook must have run exactly for the objects
// with none left (and they must be freed), and every space's own tree
// invariants must hold (CapabilitySpace::verify).
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>
#include <vector>

#include "kernel/cap/capability_space.h"
#include "kernel/cap/tests/test_support.h"

namespace kernel::cap::testing {
namespace {

constexpr int kSpaces = 3;
constexpr Slot kCapacity = 70;  // two chunks, the second partly used

struct ModelCapability {
    uint64_t object;  // id
    Rights rights;
    uint64_t badge;
    uint64_t parent;  // key, or kNoParent
};
constexpr uint64_t kNoParent = ~uint64_t{0};

uint64_t key_of(int space, Slot slot) {
    return static_cast<uint64_t>(space) << 32 | slot;
}
int space_of(uint64_t key) {
    return static_cast<int>(key >> 32);
}

struct ModelObject {
    TestObject* pointer;  // valid while count > 0
    ObjectType type;
    int count = 0;
};

class Model {
public:
    std::map<uint64_t, ModelCapability> capabilities;
    std::map<uint64_t, ModelObject> objects;

    Slot lowest_free(int space) const {
        for (Slot slot = 1; slot <= kCapacity; ++slot) {
            if (!capabilities.count(key_of(space, slot))) return slot;
        }
        return 0;
    }

    // The documented order of lookup failures; kOk spelled as nullopt.
    std::optional<os::Error> check(int space, Slot slot, ObjectType type, Rights required) const {
        auto found = capabilities.find(key_of(space, slot));
        if (slot == 0 || slot > kCapacity || found == capabilities.end()) {
            return os::Error::kNoCapability;
        }
        if (type != ObjectType::kNone && objects.at(found->second.object).type != type) {
            return os::Error::kWrongType;
        }
        if ((found->second.rights & required) != required) return os::Error::kMissingRights;
        return std::nullopt;
    }

    void add(uint64_t key, ModelCapability capability) {
        capabilities[key] = capability;
        ++objects.at(capability.object).count;
    }

    // Delete: children move up.
    void remove(uint64_t key) {
        uint64_t parent = capabilities.at(key).parent;
        for (auto& [other, capability] : capabilities) {
            if (capability.parent == key) capability.parent = parent;
        }
        --objects.at(capabilities.at(key).object).count;
        capabilities.erase(key);
    }

    bool descends_from(uint64_t key, uint64_t ancestor) const {
        for (uint64_t at = capabilities.at(key).parent; at != kNoParent;
             at = capabilities.at(at).parent) {
            if (at == ancestor) return true;
        }
        return false;
    }

    size_t revoke(uint64_t key) {
        std::vector<uint64_t> doomed;
        for (auto& [other, capability] : capabilities) {
            if (descends_from(other, key)) doomed.push_back(other);
        }
        for (uint64_t other : doomed) {
            --objects.at(capabilities.at(other).object).count;
            capabilities.erase(other);
        }
        return doomed.size();
    }

    void move(uint64_t from, uint64_t to) {
        for (auto& [other, capability] : capabilities) {
            if (capability.parent == from) capability.parent = to;
        }
        capabilities[to] = capabilities.at(from);
        capabilities.erase(from);
    }

    void close(int space) {
        std::vector<uint64_t> keys;
        for (auto& [key, capability] : capabilities) {
            if (space_of(key) == space) keys.push_back(key);
        }
        for (uint64_t key : keys)
            remove(key);
    }
};

class CapabilityModelTest : public KernelHeapTest, public ::testing::WithParamInterface<uint64_t> {
protected:
    void SetUp() override {
        KernelHeapTest::SetUp();
        random_.seed(GetParam());
        for (auto& space : spaces_)
            space = make_space(kCapacity);
    }

    void TearDown() override {
        for (auto& space : spaces_)
            space->destroy();
        KernelHeapTest::TearDown();
    }

    uint64_t random(uint64_t bound) { return random_() % bound; }

    int random_space() { return static_cast<int>(random(kSpaces)); }

    // Mostly a full slot of `space`, sometimes any number (empty, 0, out of
    // range).
    Slot random_slot(int space) {
        if (random(8) != 0) {
            std::vector<Slot> full;
            for (auto& [key, capability] : model_.capabilities) {
                if (space_of(key) == space) full.push_back(static_cast<Slot>(key & 0xffffffff));
            }
            if (!full.empty()) return full[random(full.size())];
        }
        return random(kCapacity + 3);
    }

    // Mostly wide masks, so that trees grow deep with rights left to lose.
    Rights random_rights() {
        return random(3) == 0 ? random(cairn::kAllRights + 1)
                              : cairn::kAllRights & ~(Rights{1} << random(6));
    }

    ObjectType random_type() {
        static constexpr ObjectType kTypes[] = {ObjectType::kEndpoint, ObjectType::kNotification,
                                                ObjectType::kQuota, ObjectType::kMemory};
        return kTypes[random(4)];
    }

    void insert() {
        int space = random_space();
        ObjectType type = random_type();
        Rights rights = random_rights();
        TestObject* object = TestObject::make(type);
        model_.objects[object->id()] = ModelObject{object, type};
        Slot expected = model_.lowest_free(space);
        auto slot = spaces_[space]->insert_root(*object, rights);
        if (expected == 0) {
            ASSERT_EQ(slot.error(), os::Error::kNoSpace);
        } else {
            ASSERT_FALSE(slot.is_error());
            ASSERT_EQ(slot.value(), expected);
            model_.add(key_of(space, expected), {object->id(), rights, 0, kNoParent});
        }
        object->release();
    }

    // derive, copy (no badge) and grant / message transfer (GRANT needed).
    void derive() {
        int space = random_space();
        int target = random(3) == 0 ? space : random_space();
        Slot slot = random_slot(space);
        Rights mask = random_rights();
        Rights required = random(3) == 0 ? cairn::kRightGrant : 0;
        bool set_badge = random(3) == 0;
        uint64_t badge = random(4);
        auto result =
            spaces_[space]->derive(slot, mask, *spaces_[target], required, set_badge, badge);
        auto problem = model_.check(space, slot, ObjectType::kNone, required);
        if (problem) {
            ASSERT_EQ(result.error(), *problem);
            return;
        }
        ModelCapability source = model_.capabilities.at(key_of(space, slot));
        ModelCapability child{source.object, source.rights & mask, source.badge,
                              key_of(space, slot)};
        if (set_badge && badge != 0) {
            ObjectType type = model_.objects.at(source.object).type;
            bool badgeable = type == ObjectType::kEndpoint || type == ObjectType::kNotification;
            if (source.badge != 0 || !badgeable) {
                ASSERT_EQ(result.error(), os::Error::kInvalidArgument);
                return;
            }
            child.badge = badge;
        }
        Slot expected = model_.lowest_free(target);
        if (expected == 0) {
            ++full_spaces_seen_;
            ASSERT_EQ(result.error(), os::Error::kNoSpace);
            return;
        }
        ASSERT_FALSE(result.is_error()) << os::to_string(result.error());
        ASSERT_EQ(result.value(), expected);
        ASSERT_EQ(child.rights & ~source.rights, 0u) << "rights grew";
        model_.add(key_of(target, expected), child);
    }

    void move() {
        int space = random_space();
        int target = random_space();
        Slot slot = random_slot(space);
        Rights required = random(2) == 0 ? cairn::kRightGrant : 0;
        auto result = spaces_[space]->move(slot, *spaces_[target], required);
        if (auto problem = model_.check(space, slot, ObjectType::kNone, required)) {
            ASSERT_EQ(result.error(), *problem);
            return;
        }
        Slot expected = model_.lowest_free(target);
        if (expected == 0) {
            ASSERT_EQ(result.error(), os::Error::kNoSpace);
            return;
        }
        ASSERT_FALSE(result.is_error()) << os::to_string(result.error());
        ASSERT_EQ(result.value(), expected);
        model_.move(key_of(space, slot), key_of(target, expected));
    }

    void revoke() {
        int space = random_space();
        Slot slot = random_slot(space);
        auto result = spaces_[space]->revoke(slot);
        if (auto problem = model_.check(space, slot, ObjectType::kNone, cairn::kRightRevoke)) {
            ASSERT_EQ(result.error(), *problem);
            return;
        }
        ASSERT_FALSE(result.is_error());
        ASSERT_EQ(result.value(), model_.revoke(key_of(space, slot)));
    }

    void remove() {
        int space = random_space();
        Slot slot = random_slot(space);
        bool force = random(4) == 0;
        auto result = spaces_[space]->remove(slot, force);
        Rights required = force ? 0 : cairn::kRightDelete;
        if (auto problem = model_.check(space, slot, ObjectType::kNone, required)) {
            ASSERT_EQ(result.error(), *problem);
            return;
        }
        ASSERT_FALSE(result.is_error());
        model_.remove(key_of(space, slot));
    }

    // A process ending: its space closes and a new one takes its place.
    void close() {
        int space = random_space();
        spaces_[space]->close();
        model_.close(space);
        // Nothing may land in a closed space.
        ASSERT_EQ(spaces_[space]->used_slots(), 0u);
        spaces_[space]->destroy();
        spaces_[space] = make_space(kCapacity);
    }

    void lookup() {
        int space = random_space();
        Slot slot = random_slot(space);
        ObjectType type = random(4) == 0 ? ObjectType::kNone : random_type();
        Rights required = random(cairn::kAllRights + 1) & random(cairn::kAllRights + 1);
        auto result = spaces_[space]->lookup(slot, type, required);
        if (auto problem = model_.check(space, slot, type, required)) {
            ASSERT_EQ(result.error(), *problem);
            return;
        }
        ASSERT_FALSE(result.is_error());
        const ModelCapability& expected = model_.capabilities.at(key_of(space, slot));
        ASSERT_EQ(result.value().object->id(), expected.object);
        ASSERT_EQ(result.value().rights, expected.rights);
        ASSERT_EQ(result.value().badge, expected.badge);
    }

    void check_everything() {
        for (int space = 0; space < kSpaces; ++space) {
            const char* problem = "";
            ASSERT_TRUE(spaces_[space]->verify(&problem)) << problem;
            size_t used = 0;
            for (Slot slot = 0; slot <= kCapacity + 1; ++slot) {
                auto info = spaces_[space]->info(slot);
                auto expected = model_.capabilities.find(key_of(space, slot));
                if (expected == model_.capabilities.end()) {
                    ASSERT_EQ(info.error(), os::Error::kNoCapability)
                        << "space " << space << " slot " << slot << " should be empty";
                    continue;
                }
                ++used;
                ASSERT_FALSE(info.is_error()) << "space " << space << " slot " << slot;
                ASSERT_EQ(info.value().object_id, expected->second.object);
                ASSERT_EQ(info.value().rights, expected->second.rights);
                ASSERT_EQ(info.value().badge, expected->second.badge);
                ASSERT_EQ(info.value().type, model_.objects.at(expected->second.object).type);
                uint64_t parent = expected->second.parent;
                if (parent != kNoParent) {
                    const ModelCapability& above = model_.capabilities.at(parent);
                    ASSERT_EQ(expected->second.rights & ~above.rights, 0u);
                }
            }
            ASSERT_EQ(spaces_[space]->used_slots(), used);
        }
        for (auto& [id, object] : model_.objects) {
            const ObjectFate& fate = fates()[id];
            if (object.count > 0) {
                ASSERT_FALSE(fate.destroyed);
                ASSERT_EQ(object.pointer->capability_count(), static_cast<uint32_t>(object.count));
                ASSERT_EQ(object.pointer->reference_count(), static_cast<uint32_t>(object.count));
                ASSERT_EQ(fate.last_capability_calls, 0);
            } else {
                ASSERT_TRUE(fate.destroyed) << "object " << id << " has no capability left";
                ASSERT_LE(fate.last_capability_calls, 1);
            }
        }
    }

    std::mt19937_64 random_;
    CapabilitySpace* spaces_[kSpaces] = {};
    Model model_;
    int full_spaces_seen_ = 0;
};

TEST_P(CapabilityModelTest, RandomSequencesMatchTheModel) {
    constexpr int kSteps = 4000;
    size_t peak = 0;
    size_t revoked = 0;
    for (int step = 0; step < kSteps; ++step) {
        SCOPED_TRACE(::testing::Message() << "step " << step);
        uint64_t choice = random(100);
        size_t before = model_.capabilities.size();
        if (choice < 14) {
            insert();
        } else if (choice < 54) {
            derive();
        } else if (choice < 64) {
            move();
        } else if (choice < 72) {
            revoke();
            revoked += before - model_.capabilities.size();
        } else if (choice < 84) {
            remove();
        } else if (choice < 85) {
            close();
        } else {
            lookup();
        }
        if (HasFatalFailure()) return;
        check_everything();
        if (HasFatalFailure()) return;
        peak = std::max(peak, model_.capabilities.size());
    }
    // The sequence exercised what it is meant to: full spaces, deep trees,
    // real revocations.
    EXPECT_GT(peak, static_cast<size_t>(kSpaces * kCapacity / 2));
    EXPECT_GT(full_spaces_seen_, 10);
    EXPECT_GT(revoked, 80u);
}

INSTANTIATE_TEST_SUITE_P(Seeds, CapabilityModelTest, ::testing::Values(1, 42, 2026));

}  // namespace
}  // namespace kernel::cap::testing
