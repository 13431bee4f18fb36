#include "services/shell/program_line.h"

#include <gtest/gtest.h>

#include <string>

namespace cairn::shell {
namespace {

int run_nothing(void*, size_t, char**, OutputBuffer&) {
    return 0;
}

constexpr Command kCommands[] = {
    {"help", "list the commands", run_nothing},
    {"ps", "the threads", run_nothing},
};

class ProgramLineTest : public testing::Test {
protected:
    CommandTable table{kCommands, 2};
    ProgramLine result;
};

TEST_F(ProgramLineTest, TableCommandsEmptyLinesAndSyntaxErrorsGoToTheTable) {
    for (const char* line : {"help", "  ps extra words", "", "   ", "'unterminated", "x \\"}) {
        classify_line(table, line, &result);
        EXPECT_EQ(result.kind, ProgramLine::Kind::kTable) << line;
        EXPECT_EQ(result.program, nullptr) << line;
    }
}

TEST_F(ProgramLineTest, OtherWordsNameAProgramWithTheRestAsItsArgument) {
    classify_line(table, "  hello  big\t'wide  world' \"q\"", &result);
    ASSERT_EQ(result.kind, ProgramLine::Kind::kProgram);
    EXPECT_STREQ(result.program, "hello");
    EXPECT_STREQ(result.argument, "big wide  world q");

    classify_line(table, "ipctest", &result);
    ASSERT_EQ(result.kind, ProgramLine::Kind::kProgram);
    EXPECT_STREQ(result.program, "ipctest");
    EXPECT_STREQ(result.argument, "");
}

TEST_F(ProgramLineTest, ProgramNamesAreCaseSensitiveNotTableCommands) {
    classify_line(table, "Help me", &result);
    ASSERT_EQ(result.kind, ProgramLine::Kind::kProgram);
    EXPECT_STREQ(result.program, "Help");
    EXPECT_STREQ(result.argument, "me");
}

TEST_F(ProgramLineTest, TheLongestLinesArgumentFits) {
    std::string quoted = "prog '" + std::string(248, ' ') + "'";  // 255 characters
    classify_line(table, quoted.c_str(), &result);
    ASSERT_EQ(result.kind, ProgramLine::Kind::kProgram);
    EXPECT_EQ(std::string(result.argument).size(), 248u);
    // Beyond 255 characters the rest is cut off, as the editor would.
    classify_line(table, ("prog " + std::string(300, 'x')).c_str(), &result);
    ASSERT_EQ(result.kind, ProgramLine::Kind::kProgram);
    EXPECT_EQ(std::string(result.argument).size(), 250u);
}

}  // namespace
}  // namespace cairn::shell
