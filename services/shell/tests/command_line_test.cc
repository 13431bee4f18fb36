// The argument splitter and the command table.
#include "services/shell/command_line.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::shell {
namespace {

struct Split {
    SplitError error;
    std::vector<std::string> words;
};

Split split(const std::string& text, size_t capacity = 16) {
    std::vector<char> line(text.begin(), text.end());
    line.push_back('\0');
    std::vector<char*> words(capacity + 1, nullptr);
    SplitResult result = split_arguments(line.data(), words.data(), capacity);
    Split out{result.error, {}};
    for (size_t i = 0; i < result.count; ++i)
        out.words.emplace_back(words[i]);
    return out;
}

using Words = std::vector<std::string>;

TEST(SplitArguments, BlanksSeparate) {
    EXPECT_EQ(split("kill 12").words, (Words{"kill", "12"}));
    EXPECT_EQ(split("  \t ps   -a\t").words, (Words{"ps", "-a"}));
    EXPECT_EQ(split("").words, Words{});
    EXPECT_EQ(split(" \t  ").words, Words{});
    EXPECT_EQ(split("one").words, Words{"one"});
}

TEST(SplitArguments, SingleQuotesAreLiteral) {
    EXPECT_EQ(split("echo 'a  b' c").words, (Words{"echo", "a  b", "c"}));
    EXPECT_EQ(split(R"(echo 'a\b"c')").words, (Words{"echo", R"(a\b"c)"}));
}

TEST(SplitArguments, DoubleQuotesEscapeOnlyQuoteAndBackslash) {
    EXPECT_EQ(split(R"(echo "say \"hi\"")").words, (Words{"echo", R"(say "hi")"}));
    EXPECT_EQ(split(R"(echo "a\\b" "c\d")").words, (Words{"echo", R"(a\b)", R"(c\d)"}));
    EXPECT_EQ(split(R"(echo "it's")").words, (Words{"echo", "it's"}));
}

TEST(SplitArguments, BackslashOutsideQuotes) {
    EXPECT_EQ(split(R"(echo a\ b \'x)").words, (Words{"echo", "a b", "'x"}));
    EXPECT_EQ(split(R"(a\\b)").words, (Words{R"(a\b)"}));
}

TEST(SplitArguments, AdjacentPartsJoin) {
    EXPECT_EQ(split(R"(a"b c"d 'e'f"g")").words, (Words{"ab cd", "efg"}));
}

TEST(SplitArguments, EmptyQuotesAreAnEmptyWord) {
    EXPECT_EQ(split(R"(echo "" '' x)").words, (Words{"echo", "", "", "x"}));
}

TEST(SplitArguments, Errors) {
    EXPECT_EQ(split(R"(echo "abc)").error, SplitError::kUnterminatedQuote);
    EXPECT_EQ(split("echo 'abc").error, SplitError::kUnterminatedQuote);
    EXPECT_EQ(split(R"(echo "a\")").error, SplitError::kUnterminatedQuote);
    EXPECT_EQ(split(R"(echo abc\)").error, SplitError::kDanglingEscape);
    EXPECT_TRUE(split(R"(echo "abc)").words.empty()) << "no words on error";
    EXPECT_EQ(split("a b c", 2).error, SplitError::kTooManyWords);
    EXPECT_EQ(split("a b ", 2).error, SplitError::kNone) << "trailing blanks are no word";
    EXPECT_EQ(split("a", 0).error, SplitError::kTooManyWords);
    EXPECT_EQ(split("", 0).error, SplitError::kNone);
}

TEST(SplitArguments, ErrorMessages) {
    EXPECT_STREQ(split_error_message(SplitError::kUnterminatedQuote), "unterminated quote");
    EXPECT_STREQ(split_error_message(SplitError::kTooManyWords), "too many arguments");
}

// Every byte string splits without reading or writing out of bounds (the
// sanitizer-free version: the words stay inside the line).
TEST(SplitArguments, WordsStayInsideTheLine) {
    const char alphabet[] = {'a', ' ', '\t', '\'', '"', '\\'};
    for (int pattern = 0; pattern < 6 * 6 * 6 * 6 * 6; ++pattern) {
        std::string text;
        for (int p = pattern, i = 0; i < 5; ++i, p /= 6)
            text.push_back(alphabet[p % 6]);
        std::vector<char> line(text.begin(), text.end());
        line.push_back('\0');
        char* words[8];
        SplitResult result = split_arguments(line.data(), words, 8);
        for (size_t i = 0; i < result.count; ++i) {
            ASSERT_GE(words[i], line.data());
            ASSERT_LE(words[i] + strlen(words[i]), line.data() + text.size()) << text;
        }
    }
}

// ---- the command table --------------------------------------------------------

struct Recorder {
    std::vector<std::string> argv;
};

int record(void* context, size_t argc, char** argv, OutputBuffer& out) {
    auto* recorder = static_cast<Recorder*>(context);
    recorder->argv.assign(argv, argv + argc);
    out.put("ran\r\n");
    return static_cast<int>(argc);
}

int fail(void*, size_t, char**, OutputBuffer&) {
    return 3;
}

const Command kCommands[] = {
    {"echo", "print the arguments", record},
    {"kill", "end a process", fail},
    {"ipcbench", "measure IPC", record},
};

std::string text(const OutputBuffer& out) {
    return std::string(out.data(), out.length());
}

TEST(CommandTable, FindsByExactName) {
    CommandTable table(kCommands, 3);
    EXPECT_TRUE(table.valid());
    EXPECT_EQ(table.size(), 3u);
    EXPECT_EQ(table.find("kill"), &kCommands[1]);
    EXPECT_EQ(table.find("kil"), nullptr);
    EXPECT_EQ(table.find("kills"), nullptr);
    EXPECT_EQ(table.find(""), nullptr);
    EXPECT_STREQ(table.names()[2], "ipcbench");
}

TEST(CommandTable, ExecuteSplitsAndRuns) {
    CommandTable table(kCommands, 3);
    Recorder recorder;
    OutputBuffer out;
    int status = -1;
    char line[] = "echo  'two words' x";
    EXPECT_EQ(table.execute(line, &recorder, out, &status), CommandTable::Outcome::kRan);
    EXPECT_EQ(recorder.argv, (Words{"echo", "two words", "x"}));
    EXPECT_EQ(status, 3);
    EXPECT_EQ(text(out), "ran\r\n");
}

TEST(CommandTable, CommandStatusIsPassedOn) {
    CommandTable table(kCommands, 3);
    OutputBuffer out;
    int status = 0;
    char line[] = "kill 7";
    EXPECT_EQ(table.execute(line, nullptr, out, &status), CommandTable::Outcome::kRan);
    EXPECT_EQ(status, 3);
}

TEST(CommandTable, EmptyUnknownAndSyntaxError) {
    CommandTable table(kCommands, 3);
    OutputBuffer out;
    int status = 42;
    char blank[] = "   ";
    EXPECT_EQ(table.execute(blank, nullptr, out, &status), CommandTable::Outcome::kEmpty);
    EXPECT_EQ(text(out), "");
    char unknown[] = "reboot now";
    EXPECT_EQ(table.execute(unknown, nullptr, out, &status), CommandTable::Outcome::kUnknown);
    EXPECT_EQ(text(out), "reboot: command not found\r\n");
    out.clear();
    char broken[] = "echo \"oops";
    EXPECT_EQ(table.execute(broken, nullptr, out, &status), CommandTable::Outcome::kSyntaxError);
    EXPECT_EQ(text(out), "shell: unterminated quote\r\n");
    EXPECT_EQ(status, 42) << "status untouched when nothing ran";
}

TEST(CommandTable, TooManyArguments) {
    CommandTable table(kCommands, 3);
    OutputBuffer out;
    std::string many = "echo";
    for (size_t i = 0; i < CommandTable::kMaxWords; ++i)
        many += " x";
    std::vector<char> line(many.begin(), many.end());
    line.push_back('\0');
    EXPECT_EQ(table.execute(line.data(), nullptr, out, nullptr),
              CommandTable::Outcome::kSyntaxError);
    EXPECT_EQ(text(out), "shell: too many arguments\r\n");
}

TEST(CommandTable, DescribeAlignsSummaries) {
    CommandTable table(kCommands, 3);
    OutputBuffer out;
    table.describe(out);
    EXPECT_EQ(text(out),
              "  echo       print the arguments\r\n"
              "  kill       end a process\r\n"
              "  ipcbench   measure IPC\r\n");
}

TEST(CommandTable, RejectsBadTables) {
    const Command duplicate[] = {{"ps", "", fail}, {"ps", "", fail}};
    EXPECT_FALSE(CommandTable(duplicate, 2).valid());
    const Command blank[] = {{"p s", "", fail}};
    EXPECT_FALSE(CommandTable(blank, 1).valid());
    const Command empty[] = {{"", "", fail}};
    EXPECT_FALSE(CommandTable(empty, 1).valid());
    const Command no_function[] = {{"ps", "", nullptr}};
    EXPECT_FALSE(CommandTable(no_function, 1).valid());
    Command many[CommandTable::kMaxCommands + 1];
    for (auto& command : many)
        command = {"x", "", fail};
    EXPECT_FALSE(CommandTable(many, CommandTable::kMaxCommands + 1).valid());
    // An invalid table runs nothing.
    CommandTable invalid(no_function, 1);
    OutputBuffer out;
    char line[] = "ps";
    EXPECT_EQ(invalid.execute(line, nullptr, out, nullptr), CommandTable::Outcome::kUnknown);
}

TEST(Echo, JoinsItsArgumentsWithSingleBlanks) {
    const Command commands[] = {{"echo", "print", run_echo}};
    CommandTable table(commands, 1);
    OutputBuffer out;
    int status = -1;
    char line[] = "echo  'a  b'   c";
    EXPECT_EQ(table.execute(line, nullptr, out, &status), CommandTable::Outcome::kRan);
    EXPECT_EQ(status, 0);
    EXPECT_EQ(std::string(out.data(), out.length()), "a  b c\r\n");
    out.clear();
    char alone[] = "echo";
    EXPECT_EQ(table.execute(alone, nullptr, out, &status), CommandTable::Outcome::kRan);
    EXPECT_EQ(std::string(out.data(), out.length()), "\r\n");
}

}  // namespace
}  // namespace cairn::shell
