#include "user/runtime/logic/line_buffer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace cairn::runtime {
namespace {

std::vector<std::string> g_sent;

void record(const char* text, size_t length) {
    g_sent.emplace_back(text, length);
}

class LineBufferTest : public testing::Test {
protected:
    void SetUp() override { g_sent.clear(); }
    void put(LineBuffer& buffer, const std::string& text) {
        for (char c : text) buffer.put(c, record);
    }
};

TEST_F(LineBufferTest, SendsWholeLines) {
    LineBuffer buffer{};
    put(buffer, "hello ");
    EXPECT_TRUE(g_sent.empty());
    put(buffer, "world\nsecond");
    ASSERT_EQ(g_sent.size(), 1u);
    EXPECT_EQ(g_sent[0], "hello world\n");
    put(buffer, " line\n");
    ASSERT_EQ(g_sent.size(), 2u);
    EXPECT_EQ(g_sent[1], "second line\n");
}

TEST_F(LineBufferTest, FlushSendsPartialLineOnce) {
    LineBuffer buffer{};
    put(buffer, "prompt> ");
    buffer.flush(record);
    buffer.flush(record);  // nothing left: no empty send
    ASSERT_EQ(g_sent.size(), 1u);
    EXPECT_EQ(g_sent[0], "prompt> ");
}

TEST_F(LineBufferTest, LongLinesGoOutInFullPieces) {
    LineBuffer buffer{};
    const std::string line(LineBuffer::kCapacity * 2 + 10, 'x');
    put(buffer, line + "\n");
    ASSERT_EQ(g_sent.size(), 3u);
    EXPECT_EQ(g_sent[0].size(), LineBuffer::kCapacity);
    EXPECT_EQ(g_sent[1].size(), LineBuffer::kCapacity);
    EXPECT_EQ(g_sent[2], std::string(10, 'x') + "\n");
}

}  // namespace
}  // namespace cairn::runtime
