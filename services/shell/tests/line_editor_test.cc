// The line editor fed byte by byte: the completed lines, the history and
// the exact bytes it echoes to the terminal.
#include "services/shell/line_editor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cairn::shell {
namespace {

const char* const kNames[] = {"echo", "exit", "help", "kill", "killall", "ps", "services", "serve"};

class LineEditorTest : public ::testing::Test {
protected:
    LineEditor editor{"> ", kNames, sizeof(kNames) / sizeof(kNames[0])};
    OutputBuffer out;
    std::vector<std::string> lines;
    std::vector<LineEditor::Event> events;

    std::string prompt;

    void SetUp() override {
        editor.start(out);
        prompt.assign(out.data(), out.length());
        out.clear();
    }

    // Feeds `input`; collects completed lines and restarts after each event,
    // as a shell does. Returns what was echoed (prompts included).
    std::string type(const std::string& input) {
        std::string echoed;
        for (char c : input) {
            LineEditor::Event event = editor.feed(static_cast<uint8_t>(c), out);
            if (event != LineEditor::Event::kNone) {
                events.push_back(event);
                if (event == LineEditor::Event::kLine) lines.push_back(editor.line());
                editor.start(out);
            }
        }
        echoed.assign(out.data(), out.length());
        out.clear();
        return echoed;
    }
};

TEST_F(LineEditorTest, PromptAndPlainTyping) {
    EXPECT_EQ(prompt, "> ");
    EXPECT_EQ(type("ps -a"), "ps -a");
    EXPECT_EQ(editor.length(), 5u);
    EXPECT_EQ(editor.cursor(), 5u);
    EXPECT_EQ(type("\r"), "\r\n> ");
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0], "ps -a");
    EXPECT_EQ(editor.length(), 0u) << "start() begins an empty line";
}

TEST_F(LineEditorTest, EnterIsCrLfOrCrLfButOnlyOnce) {
    type("a\rb\nc\r\nd\n\n");
    EXPECT_EQ(lines, (std::vector<std::string>{"a", "b", "c", "d", ""}));
}

TEST_F(LineEditorTest, BackspaceAndDeleteAtTheEnd) {
    EXPECT_EQ(type("abc\x7f"), "abc\b \x1b[1D");
    EXPECT_EQ(type("\b"), "\b \x1b[1D");
    EXPECT_STREQ(editor.line(), "a");
}

TEST_F(LineEditorTest, BackspaceOnAnEmptyLineRingsTheBell) {
    EXPECT_EQ(type("\x7f"), "\a");
    EXPECT_EQ(editor.length(), 0u);
}

TEST_F(LineEditorTest, ArrowsMoveAndInsertInTheMiddle) {
    type("hllo");
    EXPECT_EQ(type("\x1b[D\x1b[D\x1b[D"), "\x1b[1D\x1b[1D\x1b[1D");
    EXPECT_EQ(editor.cursor(), 1u);
    // The new character, the rest of the line, back to the cursor.
    EXPECT_EQ(type("e"), "ello\x1b[3D");
    EXPECT_STREQ(editor.line(), "hello");
    EXPECT_EQ(type("\x1b[C"), "\x1b[1C");
    EXPECT_EQ(editor.cursor(), 3u);
}

TEST_F(LineEditorTest, ArrowsStopAtTheEnds) {
    type("ab");
    EXPECT_EQ(type("\x1b[C"), "") << "right at the end does nothing";
    type("\x1b[D\x1b[D");
    EXPECT_EQ(type("\x1b[D"), "") << "left at the start does nothing";
    EXPECT_EQ(editor.cursor(), 0u);
}

TEST_F(LineEditorTest, ApplicationModeArrowsToo) {
    type("ab\x1bOD");
    EXPECT_EQ(editor.cursor(), 1u);
}

TEST_F(LineEditorTest, BackspaceInTheMiddleRedrawsTheTail) {
    type("abcd\x1b[D\x1b[D");
    EXPECT_EQ(type("\x7f"), "\bcd \x1b[3D");
    EXPECT_STREQ(editor.line(), "acd");
    EXPECT_EQ(editor.cursor(), 1u);
}

TEST_F(LineEditorTest, DeleteKeyRemovesUnderTheCursor) {
    type("abc\x1b[D\x1b[D");
    type("\x1b[3~");
    EXPECT_STREQ(editor.line(), "ac");
    EXPECT_EQ(editor.cursor(), 1u);
}

TEST_F(LineEditorTest, HomeAndEnd) {
    type("abc");
    type("\x1b[H");
    EXPECT_EQ(editor.cursor(), 0u);
    type("\x1b[F");
    EXPECT_EQ(editor.cursor(), 3u);
    type("\x01");
    EXPECT_EQ(editor.cursor(), 0u);
    type("\x05");
    EXPECT_EQ(editor.cursor(), 3u);
    type("\x1b[1~");
    EXPECT_EQ(editor.cursor(), 0u);
    type("\x1b[4~");
    EXPECT_EQ(editor.cursor(), 3u);
}

TEST_F(LineEditorTest, CtrlUKillsTheTextBeforeTheCursor) {
    type("hello world\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D");
    EXPECT_EQ(type("\x15"), "\r> world\x1b[K\x1b[5D");
    EXPECT_STREQ(editor.line(), "world");
    EXPECT_EQ(editor.cursor(), 0u);
    type("\x05\x15");
    EXPECT_EQ(editor.length(), 0u);
}

TEST_F(LineEditorTest, CtrlCAbandonsTheLine) {
    EXPECT_EQ(type("rm all\x03"), "rm all^C\r\n> ");
    EXPECT_TRUE(lines.empty());
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0], LineEditor::Event::kInterrupt);
    EXPECT_EQ(editor.history_size(), 0u) << "an abandoned line is not history";
}

TEST_F(LineEditorTest, CtrlDEndsInputOnlyOnAnEmptyLine) {
    type("x\x04");
    EXPECT_TRUE(events.empty());
    type("\x7f\x04");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0], LineEditor::Event::kEndOfInput);
}

TEST_F(LineEditorTest, HistoryUpAndDownWithTheDraftKept) {
    type("first\rsecond\rdra");
    EXPECT_EQ(type("\x1b[A"), "\r> second\x1b[K");
    EXPECT_EQ(type("\x1b[A"), "\r> first\x1b[K");
    EXPECT_EQ(type("\x1b[A"), "\a") << "nothing older";
    EXPECT_STREQ(editor.line(), "first");
    type("\x1b[B");
    EXPECT_STREQ(editor.line(), "second");
    EXPECT_EQ(type("\x1b[B"), "\r> dra\x1b[K");
    EXPECT_EQ(type("\x1b[B"), "\a") << "nothing newer than the draft";
    type("ft\r");
    EXPECT_EQ(lines.back(), "draft");
}

TEST_F(LineEditorTest, EditedHistoryLineIsEnteredAsANewEntry) {
    type("ps\r\x1b[A -a\r");
    EXPECT_EQ(lines, (std::vector<std::string>{"ps", "ps -a"}));
    EXPECT_STREQ(editor.history_entry(0), "ps -a");
    EXPECT_STREQ(editor.history_entry(1), "ps");
}

TEST_F(LineEditorTest, HistorySkipsEmptyLinesAndRepeats) {
    type("a\r\r\ra\rb\r");
    EXPECT_EQ(editor.history_size(), 2u);
    EXPECT_STREQ(editor.history_entry(0), "b");
    EXPECT_STREQ(editor.history_entry(1), "a");
    EXPECT_EQ(editor.history_entry(2), nullptr);
}

TEST_F(LineEditorTest, HistoryKeepsTheNewestSixteen) {
    for (int i = 0; i < 20; ++i)
        type("line " + std::to_string(i) + "\r");
    EXPECT_EQ(editor.history_size(), LineEditor::kHistory);
    EXPECT_STREQ(editor.history_entry(0), "line 19");
    EXPECT_STREQ(editor.history_entry(15), "line 4");
    for (int i = 0; i < 16; ++i)
        type("\x1b[A");
    EXPECT_STREQ(editor.line(), "line 4");
    EXPECT_EQ(type("\x1b[A"), "\a");
}

TEST_F(LineEditorTest, TabCompletesAUniqueCommandWithASpace) {
    EXPECT_EQ(type("ec\t"), "echo ");
    EXPECT_STREQ(editor.line(), "echo ");
    EXPECT_EQ(type("\t"), "\a") << "only the first word completes";
}

TEST_F(LineEditorTest, TabExtendsToTheCommonPrefixThenLists) {
    EXPECT_EQ(type("s\t"), "serv") << "s, then erv: the common prefix";
    EXPECT_EQ(type("\t"), "\r\nservices  serve\r\n> serv");
    EXPECT_STREQ(editor.line(), "serv");
    EXPECT_EQ(type("ic\t"), "ices ");
}

TEST_F(LineEditorTest, TabOnAFullName) {
    // "kill" is complete and a prefix of "killall": list both.
    EXPECT_EQ(type("kill\t"), "kill\r\nkill  killall\r\n> kill");
    // "ps" is complete and unique: the separating space.
    EXPECT_EQ(type("\x15ps\t"), "\r> \x1b[Kps ");
}

TEST_F(LineEditorTest, TabWithoutMatchOrInTheMiddleRingsTheBell) {
    EXPECT_EQ(type("zz\t"), "zz\a");
    type(
        "\x7f\x7f"
        "ech\x1b[D");
    EXPECT_EQ(type("\t"), "\a");
}

TEST_F(LineEditorTest, TabOnAnEmptyLineListsEverything) {
    EXPECT_EQ(type("\t"), "\r\necho  exit  help  kill  killall  ps  services  serve\r\n> ");
}

TEST_F(LineEditorTest, NoCompletionsConfigured) {
    LineEditor bare("$ ");
    OutputBuffer output;
    bare.start(output);
    output.clear();
    bare.feed('\t', output);
    EXPECT_EQ(std::string(output.data(), output.length()), "\a");
}

TEST_F(LineEditorTest, ControlBytesAndUnknownSequencesAreIgnored) {
    EXPECT_EQ(type("a\x02\x07\x0c\x1b[5~\x1b[1;5Z\x1bxb\x80\xff"), "ab");
    EXPECT_STREQ(editor.line(), "ab");
}

TEST_F(LineEditorTest, SplitSequenceAcrossFeeds) {
    type("ab\x1b");
    type("[");
    type("D");
    EXPECT_EQ(editor.cursor(), 1u);
}

TEST_F(LineEditorTest, FullLineRingsTheBell) {
    std::string full(LineEditor::kMaxLine, 'x');
    type(full);
    EXPECT_EQ(editor.length(), LineEditor::kMaxLine);
    EXPECT_EQ(type("y"), "\a");
    EXPECT_EQ(editor.length(), LineEditor::kMaxLine);
    type("\r");
    EXPECT_EQ(lines.back(), full);
}

TEST_F(LineEditorTest, LongParameterInASequenceIsHarmless) {
    type("abc\x1b[99999999D");
    EXPECT_EQ(editor.cursor(), 2u) << "the parameter of a cursor key is ignored";
}

// Random keystrokes (weighted towards control bytes and escape sequences)
// keep the editor's invariants: cursor <= length <= kMaxLine, the line
// NUL-terminated at its length, and no single byte echoes more than a
// redraw of a full line.
TEST(LineEditorRandom, InvariantsHoldUnderRandomInput) {
    const char* const names[] = {"echo", "exit", "help"};
    LineEditor editor("$ ", names, 3);
    OutputBuffer out;
    editor.start(out);
    const uint8_t alphabet[] = {'a',  'b',  ' ',  '\t', '\r', '\n', 0x7f, 0x08, 0x01, 0x05,
                                0x15, 0x03, 0x04, 0x1b, '[',  'O',  'A',  'B',  'C',  'D',
                                'H',  'F',  '~',  '1',  '3',  '4',  ';',  'e',  'x'};
    uint32_t state = 12345;
    size_t lines = 0;
    for (int i = 0; i < 200000; ++i) {
        state = state * 1103515245u + 12345u;
        uint8_t byte = alphabet[(state >> 16) % sizeof(alphabet)];
        if (((state >> 8) & 0xff) == 0) byte = static_cast<uint8_t>(state >> 24);
        out.clear();
        LineEditor::Event event = editor.feed(byte, out);
        ASSERT_LE(editor.cursor(), editor.length());
        ASSERT_LE(editor.length(), LineEditor::kMaxLine);
        ASSERT_EQ(editor.line()[editor.length()], '\0');
        ASSERT_FALSE(out.overflowed()) << "byte " << int(byte) << " at step " << i;
        if (event != LineEditor::Event::kNone) {
            ++lines;
            editor.start(out);
        }
    }
    EXPECT_GT(lines, 1000u);
    EXPECT_LE(editor.history_size(), LineEditor::kHistory);
}

TEST(OutputBuffer, OverflowIsRemembered) {
    OutputBuffer out;
    for (size_t i = 0; i < OutputBuffer::kCapacity + 3; ++i)
        out.put('x');
    EXPECT_EQ(out.length(), OutputBuffer::kCapacity);
    EXPECT_TRUE(out.overflowed());
    out.clear();
    EXPECT_FALSE(out.overflowed());
    out.put_number(0);
    out.put(' ');
    out.put_number(18446744073709551615ull);
    EXPECT_EQ(std::string(out.data(), out.length()), "0 18446744073709551615");
}

}  // namespace
}  // namespace cairn::shell
