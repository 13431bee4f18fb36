#include "kernel/lib/avl_tree.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <random>
#include <vector>

namespace {

// A range element like a memory region: [start, start + length).
struct Range : os::AvlNode {
    uint64_t start = 0;
    uint64_t length = 1;
};

struct RangeKey {
    static uint64_t key(const Range& range) { return range.start; }
    static uint64_t end(const Range& range) { return range.start + range.length; }
};

using Tree = os::AvlTree<Range, RangeKey>;

std::vector<uint64_t> keys_of(const Tree& tree) {
    std::vector<uint64_t> keys;
    for (const Range& range : tree)
        keys.push_back(range.start);
    return keys;
}

TEST(AvlTreeTest, EmptyTreeFindsNothing) {
    Tree tree;
    EXPECT_TRUE(tree.empty());
    EXPECT_EQ(tree.first(), nullptr);
    EXPECT_EQ(tree.last(), nullptr);
    EXPECT_EQ(tree.find(0), nullptr);
    EXPECT_EQ(tree.lower_bound(0), nullptr);
    EXPECT_EQ(tree.upper_bound(0), nullptr);
    EXPECT_EQ(tree.floor(~uint64_t{0}), nullptr);
    EXPECT_EQ(tree.find_containing(5), nullptr);
    EXPECT_TRUE(tree.begin() == tree.end());
    EXPECT_TRUE(tree.check_invariants());
}

TEST(AvlTreeTest, RejectsDuplicateKeys) {
    Range a, b;
    a.start = b.start = 0x1000;
    Tree tree;
    EXPECT_TRUE(tree.insert(a));
    EXPECT_FALSE(tree.insert(b));
    EXPECT_FALSE(b.is_linked());
    EXPECT_EQ(tree.size(), 1u);
    EXPECT_EQ(tree.find(0x1000), &a);
}

TEST(AvlTreeTest, BoundsAndContainment) {
    Range ranges[3];
    ranges[0].start = 0x1000, ranges[0].length = 0x1000;  // [0x1000, 0x2000)
    ranges[1].start = 0x4000, ranges[1].length = 0x2000;  // [0x4000, 0x6000)
    ranges[2].start = 0x9000, ranges[2].length = 0x1000;  // [0x9000, 0xa000)
    Tree tree;
    for (Range& range : ranges)
        ASSERT_TRUE(tree.insert(range));

    EXPECT_EQ(tree.lower_bound(0x4000), &ranges[1]);
    EXPECT_EQ(tree.lower_bound(0x4001), &ranges[2]);
    EXPECT_EQ(tree.upper_bound(0x4000), &ranges[2]);
    EXPECT_EQ(tree.upper_bound(0x9000), nullptr);
    EXPECT_EQ(tree.floor(0x3fff), &ranges[0]);
    EXPECT_EQ(tree.floor(0x0fff), nullptr);

    EXPECT_EQ(tree.find_containing(0x0fff), nullptr);
    EXPECT_EQ(tree.find_containing(0x1000), &ranges[0]);
    EXPECT_EQ(tree.find_containing(0x1fff), &ranges[0]);
    EXPECT_EQ(tree.find_containing(0x2000), nullptr);  // the end is exclusive
    EXPECT_EQ(tree.find_containing(0x5fff), &ranges[1]);
    EXPECT_EQ(tree.find_containing(0xa000), nullptr);

    EXPECT_EQ(tree.next(ranges[0]), &ranges[1]);
    EXPECT_EQ(tree.previous(ranges[0]), nullptr);
    EXPECT_EQ(tree.previous(ranges[2]), &ranges[1]);
    EXPECT_EQ(tree.next(ranges[2]), nullptr);
}

TEST(AvlTreeTest, SortedInsertionStaysLogarithmic) {
    // Ascending keys are the worst case for an unbalanced tree: a list.
    constexpr size_t kCount = 1 << 12;
    std::vector<Range> ranges(kCount);
    Tree tree;
    for (size_t i = 0; i < kCount; ++i) {
        ranges[i].start = i;
        ASSERT_TRUE(tree.insert(ranges[i]));
    }
    ASSERT_TRUE(tree.check_invariants());
    // An AVL tree of 4096 nodes is at most 1.44 * log2(4097) ~ 17 high.
    int depth = 0;
    for (Range* range = &ranges[0]; range != nullptr;) {
        int d = 0;
        for (os::AvlNode* node = range; node != nullptr; node = node->parent)
            ++d;
        depth = std::max(depth, d);
        range = tree.next(*range);
    }
    EXPECT_LE(depth, 17);
}

TEST(AvlTreeTest, CopiesStartUnlinked) {
    Range a;
    a.start = 7;
    Tree tree;
    tree.insert(a);
    Range copy = a;
    EXPECT_TRUE(a.is_linked());
    EXPECT_FALSE(copy.is_linked());
    EXPECT_EQ(copy.parent, nullptr);
    copy.start = 8;
    EXPECT_TRUE(tree.insert(copy));
    EXPECT_TRUE(tree.check_invariants());
    EXPECT_EQ(keys_of(tree), (std::vector<uint64_t>{7, 8}));
}

// Random inserts, removes and queries against std::map, with every
// invariant checked after each step.
void run_random_sequence(uint32_t seed, uint64_t key_space, int steps) {
    std::mt19937_64 random(seed);
    std::map<uint64_t, Range*> model;
    std::vector<std::unique_ptr<Range>> pool;
    Tree tree;

    for (int step = 0; step < steps; ++step) {
        uint64_t key = random() % key_space;
        switch (random() % 4) {
            case 0:
            case 1: {  // insert
                auto range = std::make_unique<Range>();
                range->start = key;
                bool inserted = tree.insert(*range);
                ASSERT_EQ(inserted, model.count(key) == 0) << "seed " << seed << " step " << step;
                if (inserted) {
                    model[key] = range.get();
                    pool.push_back(std::move(range));
                }
                break;
            }
            case 2: {  // remove the nearest existing key
                auto it = model.lower_bound(key);
                if (it == model.end()) break;
                ASSERT_TRUE(it->second->is_linked());
                tree.remove(*it->second);
                ASSERT_FALSE(it->second->is_linked());
                model.erase(it);
                break;
            }
            case 3: {  // queries
                auto expected_find = model.find(key);
                ASSERT_EQ(tree.find(key),
                          expected_find == model.end() ? nullptr : expected_find->second);
                auto lower = model.lower_bound(key);
                ASSERT_EQ(tree.lower_bound(key), lower == model.end() ? nullptr : lower->second);
                auto upper = model.upper_bound(key);
                ASSERT_EQ(tree.upper_bound(key), upper == model.end() ? nullptr : upper->second);
                Range* expected_floor = upper == model.begin() ? nullptr : std::prev(upper)->second;
                ASSERT_EQ(tree.floor(key), expected_floor);
                break;
            }
        }
        ASSERT_TRUE(tree.check_invariants()) << "seed " << seed << " step " << step;
        ASSERT_EQ(tree.size(), model.size());
    }

    // In-order iteration, forwards and backwards, matches the model.
    std::vector<uint64_t> expected;
    for (auto& [key, range] : model)
        expected.push_back(key);
    ASSERT_EQ(keys_of(tree), expected);
    std::vector<uint64_t> backwards;
    for (Range* range = tree.last(); range != nullptr; range = tree.previous(*range)) {
        backwards.push_back(range->start);
    }
    ASSERT_EQ(backwards, std::vector<uint64_t>(expected.rbegin(), expected.rend()));

    // Drain in random order.
    while (!model.empty()) {
        auto it = model.begin();
        std::advance(it, random() % model.size());
        tree.remove(*it->second);
        model.erase(it);
        ASSERT_TRUE(tree.check_invariants());
    }
    EXPECT_TRUE(tree.empty());
}

TEST(AvlTreeTest, RandomSequencesMatchStdMap) {
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        run_random_sequence(seed, 64, 2000);       // dense: many duplicates and removals
        run_random_sequence(seed, 1 << 20, 2000);  // sparse: grows large
        if (HasFatalFailure()) return;
    }
}

}  // namespace
