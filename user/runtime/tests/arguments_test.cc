#include "user/runtime/logic/arguments.h"

#include <string.h>

#include "gtest/gtest.h"

namespace cairn::runtime {
namespace {

TEST(Arguments, ProgramOnlyWhenArgumentEmpty) {
    StartInfo info{.version = kStartInfoVersion, .program = "bin/init", .argument = ""};
    char* argv[kMaxArguments];
    EXPECT_EQ(build_arguments(info, argv), 1);
    EXPECT_STREQ(argv[0], "bin/init");
    EXPECT_EQ(argv[1], nullptr);
}

TEST(Arguments, ArgumentBecomesArgv1) {
    StartInfo info{.version = kStartInfoVersion, .program = "bin/test", .argument = "sleep 10"};
    char* argv[kMaxArguments];
    EXPECT_EQ(build_arguments(info, argv), 2);
    EXPECT_STREQ(argv[0], "bin/test");
    EXPECT_STREQ(argv[1], "sleep 10");  // passed whole, not split
    EXPECT_EQ(argv[2], nullptr);
}

TEST(Arguments, NullPointersAreTolerated) {
    StartInfo info{.version = kStartInfoVersion, .program = nullptr, .argument = nullptr};
    char* argv[kMaxArguments];
    EXPECT_EQ(build_arguments(info, argv), 1);
    EXPECT_STREQ(argv[0], "");
    EXPECT_EQ(argv[1], nullptr);
}

}  // namespace
}  // namespace cairn::runtime
