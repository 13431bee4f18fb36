// The name server's registry: names, owners, replacement, death, listing.
#include "services/name_server/registry.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::name_server {
namespace {

class RegistryTest : public ::testing::Test {
protected:
    Registry registry;

    Status add(const std::string& name, Slot endpoint, Badge owner, Slot* replaced = nullptr) {
        Slot ignored;
        return registry.register_name(name.data(), name.size(), endpoint, owner,
                                      replaced ? replaced : &ignored);
    }
    Status find(const std::string& name, Slot* endpoint) {
        return registry.lookup(name.data(), name.size(), endpoint);
    }
    Status remove(const std::string& name, Badge owner, Slot* released) {
        return registry.unregister(name.data(), name.size(), owner, released);
    }
    std::vector<std::string> page(const std::string& after, size_t capacity) {
        std::vector<Registry::Entry> entries(capacity);
        size_t count = registry.list(after.data(), after.size(), entries.data(), capacity);
        std::vector<std::string> names;
        for (size_t i = 0; i < count; ++i)
            names.emplace_back(entries[i].name);
        return names;
    }
};

bool valid(const std::string& name) {
    return Registry::valid_name(name.data(), name.size());
}

TEST(RegistryNames, Valid) {
    EXPECT_TRUE(valid("console"));
    EXPECT_TRUE(valid("fs.root"));
    EXPECT_TRUE(valid("net-0"));
    EXPECT_TRUE(valid("a"));
    EXPECT_TRUE(valid("uart_1"));
    EXPECT_TRUE(valid(std::string(Registry::kMaxNameLength, 'x')));
}

TEST(RegistryNames, Invalid) {
    EXPECT_FALSE(valid(""));
    EXPECT_FALSE(valid(std::string(Registry::kMaxNameLength + 1, 'x')));
    EXPECT_FALSE(valid("Console")) << "lower case only";
    EXPECT_FALSE(valid("0net")) << "starts with a letter";
    EXPECT_FALSE(valid(".hidden"));
    EXPECT_FALSE(valid("net-"));
    EXPECT_FALSE(valid("fs."));
    EXPECT_FALSE(valid("a b"));
    EXPECT_FALSE(valid("a/b"));
    EXPECT_FALSE(valid(std::string("a\0b", 3))) << "no NUL inside";
    EXPECT_FALSE(valid("caf\xc3\xa9"));
    EXPECT_FALSE(Registry::valid_name(nullptr, 3));
}

TEST_F(RegistryTest, RegisterAndLookUp) {
    EXPECT_EQ(add("echo", 10, 1), Status::kOk);
    Slot endpoint = 0;
    EXPECT_EQ(find("echo", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 10u);
    EXPECT_EQ(find("ech", &endpoint), Status::kNotFound);
    EXPECT_EQ(endpoint, 0u) << "no stale slot on failure";
    EXPECT_EQ(find("echoes", &endpoint), Status::kNotFound);
    EXPECT_EQ(find("Echo", &endpoint), Status::kInvalidArgument);
    EXPECT_EQ(registry.size(), 1u);
}

TEST_F(RegistryTest, RegistrationNeedsANameAnEndpointAndABadge) {
    EXPECT_EQ(add("bad name", 10, 1), Status::kInvalidArgument);
    EXPECT_EQ(add("echo", 0, 1), Status::kInvalidArgument);
    EXPECT_EQ(add("echo", 10, 0), Status::kPermissionDenied);
    EXPECT_EQ(registry.size(), 0u);
}

TEST_F(RegistryTest, DuplicateFromAnotherOwnerIsRefused) {
    ASSERT_EQ(add("echo", 10, 1), Status::kOk);
    Slot replaced = 99;
    EXPECT_EQ(add("echo", 11, 2, &replaced), Status::kAlreadyExists);
    EXPECT_EQ(replaced, 0u);
    Slot endpoint;
    EXPECT_EQ(find("echo", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 10u) << "the first registration stands";
}

TEST_F(RegistryTest, SameOwnerReplacesAndGetsTheOldSlotBack) {
    ASSERT_EQ(add("echo", 10, 1), Status::kOk);
    Slot replaced = 0;
    EXPECT_EQ(add("echo", 11, 1, &replaced), Status::kOk);
    EXPECT_EQ(replaced, 10u);
    Slot endpoint;
    EXPECT_EQ(find("echo", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 11u);
    Registry::Entry entry;
    ASSERT_EQ(registry.list("", 0, &entry, 1), 1u);
    EXPECT_EQ(entry.registrations, 2u);
    EXPECT_EQ(registry.size(), 1u);
}

TEST_F(RegistryTest, OwnerDeathOrphansUntilSomeoneRegistersAgain) {
    ASSERT_EQ(add("echo", 10, 1), Status::kOk);
    ASSERT_EQ(add("fs", 12, 1), Status::kOk);
    ASSERT_EQ(add("net", 13, 2), Status::kOk);
    EXPECT_EQ(registry.owner_died(1), 2u);
    EXPECT_EQ(registry.owner_died(1), 0u) << "already orphaned";
    Slot endpoint = 5;
    EXPECT_EQ(find("echo", &endpoint), Status::kPeerGone);
    EXPECT_EQ(endpoint, 0u);
    EXPECT_EQ(find("net", &endpoint), Status::kOk) << "other owners are untouched";
    // The restarted service (a new badge) takes the name over.
    Slot replaced = 0;
    EXPECT_EQ(add("echo", 20, 3, &replaced), Status::kOk);
    EXPECT_EQ(replaced, 10u);
    EXPECT_EQ(find("echo", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 20u);
    EXPECT_EQ(add("echo", 21, 4), Status::kAlreadyExists) << "owned and alive again";
    EXPECT_EQ(find("fs", &endpoint), Status::kPeerGone);
}

TEST_F(RegistryTest, UnregisterOnlyByTheOwner) {
    ASSERT_EQ(add("echo", 10, 1), Status::kOk);
    Slot released = 7;
    EXPECT_EQ(remove("echo", 2, &released), Status::kPermissionDenied);
    EXPECT_EQ(released, 0u);
    EXPECT_EQ(remove("echo", 0, &released), Status::kPermissionDenied);
    EXPECT_EQ(remove("ech", 1, &released), Status::kNotFound);
    EXPECT_EQ(remove("no such", 1, &released), Status::kInvalidArgument);
    EXPECT_EQ(remove("echo", 1, &released), Status::kOk);
    EXPECT_EQ(released, 10u);
    Slot endpoint;
    EXPECT_EQ(find("echo", &endpoint), Status::kNotFound);
    EXPECT_EQ(registry.size(), 0u);
    EXPECT_EQ(add("echo", 11, 2), Status::kOk) << "free for anyone again";
}

TEST_F(RegistryTest, ListsInNameOrderAPageAtATime) {
    for (const char* name : {"net", "echo", "fs.root", "console", "fs", "zz", "a"}) {
        ASSERT_EQ(add(name, 10, 1), Status::kOk) << name;
    }
    EXPECT_EQ(page("", 3), (std::vector<std::string>{"a", "console", "echo"}));
    EXPECT_EQ(page("echo", 3), (std::vector<std::string>{"fs", "fs.root", "net"}));
    EXPECT_EQ(page("net", 3), (std::vector<std::string>{"zz"}));
    EXPECT_EQ(page("zz", 3), (std::vector<std::string>{}));
    EXPECT_EQ(page("", 0), (std::vector<std::string>{}));
}

TEST_F(RegistryTest, CursorSurvivesChangesBetweenPages) {
    for (const char* name : {"b", "d", "f", "h"})
        ASSERT_EQ(add(name, 10, 1), Status::kOk);
    EXPECT_EQ(page("", 2), (std::vector<std::string>{"b", "d"}));
    // The cursor's own entry goes away and a name before it arrives.
    Slot released;
    ASSERT_EQ(remove("d", 1, &released), Status::kOk);
    ASSERT_EQ(add("c", 10, 1), Status::kOk);
    EXPECT_EQ(page("d", 2), (std::vector<std::string>{"f", "h"}));
}

TEST_F(RegistryTest, FullRegistry) {
    for (size_t i = 0; i < Registry::kCapacity; ++i) {
        ASSERT_EQ(add("s" + std::to_string(i), 100 + i, 1), Status::kOk);
    }
    EXPECT_EQ(add("one-more", 5, 1), Status::kNoSpace);
    Slot replaced = 0;
    EXPECT_EQ(add("s7", 5, 1, &replaced), Status::kOk) << "replacing needs no room";
    EXPECT_EQ(replaced, 107u);
    Slot endpoint;
    for (size_t i = 0; i < Registry::kCapacity; ++i) {
        std::string name = "s" + std::to_string(i);
        ASSERT_EQ(find(name, &endpoint), Status::kOk) << name;
        EXPECT_EQ(endpoint, i == 7 ? 5u : 100 + i);
    }
}

TEST_F(RegistryTest, PrefixNamesAreDistinct) {
    ASSERT_EQ(add("fs", 1, 1), Status::kOk);
    ASSERT_EQ(add("fs.root", 2, 2), Status::kOk);
    ASSERT_EQ(add("f", 3, 3), Status::kOk);
    Slot endpoint;
    EXPECT_EQ(find("fs", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 1u);
    EXPECT_EQ(find("f", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 3u);
    EXPECT_EQ(find("fs.root", &endpoint), Status::kOk);
    EXPECT_EQ(endpoint, 2u);
}

}  // namespace
}  // namespace cairn::name_server
