// The manifest parser: every field, the defaults, and each malformed line
// rejected with its number and reason.
#include "services/service_manager/manifest.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace cairn::service_manager {
namespace {

struct Parsed {
    bool ok;
    ManifestError error;
};

Parsed parse(const std::string& text, Manifest* manifest) {
    ManifestError error{};
    bool ok = parse_manifest(text.data(), text.size(), manifest, &error);
    return {ok, error};
}

// Parses a text that must fail; returns "<line>: <message>".
std::string failure(const std::string& text) {
    static Manifest manifest;
    Parsed parsed = parse(text, &manifest);
    if (parsed.ok) return "parsed";
    return std::to_string(parsed.error.line) + ": " + parsed.error.message;
}

TEST(Manifest, FullLine) {
    static Manifest manifest;
    Parsed parsed = parse(
        "console console-driver needs=irq:serial,ioports:com1,register restart=always "
        "limit=3/10s backoff=50ms..2s arg=--quiet\n",
        &manifest);
    ASSERT_TRUE(parsed.ok) << parsed.error.message;
    ASSERT_EQ(manifest.count, 1u);
    const ServiceSpec& spec = manifest.services[0];
    EXPECT_STREQ(spec.name, "console");
    EXPECT_STREQ(spec.program, "console-driver");
    EXPECT_STREQ(spec.argument, "--quiet");
    ASSERT_EQ(spec.need_count, 3u);
    EXPECT_EQ(spec.needs[0].kind, NeedKind::kIrq);
    EXPECT_STREQ(spec.needs[0].device, "serial");
    EXPECT_EQ(spec.needs[1].kind, NeedKind::kIoPorts);
    EXPECT_STREQ(spec.needs[1].device, "com1");
    EXPECT_EQ(spec.needs[2].kind, NeedKind::kRegister);
    EXPECT_STREQ(spec.needs[2].device, "");
    EXPECT_NE(spec.find_need(NeedKind::kIoPorts, "com1"), nullptr);
    EXPECT_EQ(spec.find_need(NeedKind::kIoPorts, "com2"), nullptr);
    EXPECT_EQ(spec.find_need(NeedKind::kNameServer), nullptr);
    EXPECT_EQ(spec.restart.mode, RestartMode::kAlways);
    EXPECT_EQ(spec.restart.max_crashes, 3u);
    EXPECT_EQ(spec.restart.crash_window_ns, 10 * kSecond);
    EXPECT_EQ(spec.restart.initial_backoff_ns, 50 * kMillisecond);
    EXPECT_EQ(spec.restart.max_backoff_ns, 2 * kSecond);
}

TEST(Manifest, DefaultsCommentsAndBlankLines) {
    static Manifest manifest;
    Parsed parsed = parse(
        "# services\n"
        "\n"
        "   \t\n"
        "echo echo   # the example service\n"
        "\tshell shell needs=nameserver restart=never\r\n"
        "last last",  // no final newline
        &manifest);
    ASSERT_TRUE(parsed.ok) << parsed.error.line << ": " << parsed.error.message;
    ASSERT_EQ(manifest.count, 3u);
    const ServiceSpec* echo = manifest.find("echo");
    ASSERT_NE(echo, nullptr);
    EXPECT_EQ(echo->need_count, 0u);
    EXPECT_STREQ(echo->argument, "");
    EXPECT_EQ(echo->restart.mode, RestartMode::kOnFailure);
    EXPECT_EQ(echo->restart.max_crashes, 5u);
    EXPECT_EQ(echo->restart.crash_window_ns, 60 * kSecond);
    EXPECT_EQ(echo->restart.initial_backoff_ns, 100 * kMillisecond);
    EXPECT_EQ(echo->restart.max_backoff_ns, 10 * kSecond);
    EXPECT_EQ(manifest.find("shell")->restart.mode, RestartMode::kNever);
    EXPECT_NE(manifest.find("last"), nullptr);
    EXPECT_EQ(manifest.find("nothing"), nullptr);
}

TEST(Manifest, EmptyIsValid) {
    static Manifest manifest;
    EXPECT_TRUE(parse("", &manifest).ok);
    EXPECT_TRUE(parse("# nothing yet\n", &manifest).ok);
    EXPECT_EQ(manifest.count, 0u);
}

TEST(Manifest, HashInsideAWordIsNoComment) {
    static Manifest manifest;
    ASSERT_TRUE(parse("echo echo arg=a#b\n", &manifest).ok);
    EXPECT_STREQ(manifest.services[0].argument, "a#b");
}

TEST(Manifest, TheExampleInTheTreeParses) {
    std::ifstream file("services/service_manager/manifest.txt");
    ASSERT_TRUE(file) << "manifest.txt is a data dependency";
    std::stringstream text;
    text << file.rdbuf();
    static Manifest manifest;
    Parsed parsed = parse(text.str(), &manifest);
    ASSERT_TRUE(parsed.ok) << parsed.error.line << ": " << parsed.error.message;
    EXPECT_EQ(manifest.count, 4u);
    EXPECT_NE(manifest.find("nameserver"), nullptr);
    EXPECT_NE(manifest.find("echo")->find_need(NeedKind::kRegister), nullptr);
}

TEST(Manifest, ErrorsNameTheirLine) {
    EXPECT_EQ(failure("ok ok\n\nBad ok\n"), "3: invalid service name");
    EXPECT_EQ(failure("ok ok\nalone\n"), "2: missing program");
    EXPECT_EQ(failure("echo ../echo\n"), "1: invalid program name");
    EXPECT_EQ(failure("echo .hidden\n"), "1: invalid program name");
    EXPECT_EQ(failure("echo echo\necho other\n"), "2: duplicate service name");
    EXPECT_EQ(failure("echo echo restart\n"), "1: option without '=' (key=value)");
    EXPECT_EQ(failure("echo echo color=red\n"),
              "1: unknown option (needs, restart, limit, backoff, arg, quota)");
    EXPECT_EQ(failure("echo echo restart=never restart=always\n"), "1: option given twice");
    EXPECT_EQ(failure("echo echo restart=sometimes\n"),
              "1: invalid restart (always, on-failure, never)");
    EXPECT_EQ(failure("echo e\x01\n"), "1: control character in the line");
    EXPECT_EQ(failure(std::string("echo e\0x\n", 9)), "1: control character in the line");
    EXPECT_EQ(failure("a b c=1 d=1 e=1 f=1 g=1 h=1 i=1 j=1 k=1 l=1 m=1\n"), "1: too many fields");
}

TEST(Manifest, NeedErrors) {
    EXPECT_EQ(failure("d d needs=irq\n"), "1: this need names a device (kind:device)");
    EXPECT_EQ(failure("d d needs=irq:\n"), "1: invalid device name");
    EXPECT_EQ(failure("d d needs=irq:Serial\n"), "1: invalid device name");
    EXPECT_EQ(failure("d d needs=nameserver:x\n"), "1: this need takes no device");
    EXPECT_EQ(failure("d d needs=disk:sda\n"),
              "1: unknown need (irq:, ioports:, device:, nameserver, register, platform)");
    EXPECT_EQ(failure("d d needs=\n"), "1: empty needs");
    EXPECT_EQ(failure("d d needs=platform,\n"),
              "1: unknown need (irq:, ioports:, device:, nameserver, register, platform)");
    EXPECT_EQ(failure("d d needs=irq:a,irq:a\n"), "1: need listed twice");
    EXPECT_EQ(failure("d d needs=irq:a,irq:b,irq:c,irq:d,irq:e,irq:f,irq:g,irq:h,irq:i\n"),
              "1: too many needs");
    EXPECT_EQ(failure(std::string("d d needs=device:") + std::string(24, 'x') + "\n"),
              "1: invalid device name");
}

TEST(Manifest, LimitAndBackoffErrors) {
    const char* limit = "1: invalid limit (want <crashes>/<seconds>s, crashes 1..32)";
    EXPECT_EQ(failure("d d limit=5\n"), limit);
    EXPECT_EQ(failure("d d limit=5/60\n"), limit);
    EXPECT_EQ(failure("d d limit=0/60s\n"), limit);
    EXPECT_EQ(failure("d d limit=33/60s\n"), limit);
    EXPECT_EQ(failure("d d limit=5/0s\n"), limit);
    EXPECT_EQ(failure("d d limit=5/s\n"), limit);
    EXPECT_EQ(failure("d d limit=-1/60s\n"), limit);
    EXPECT_EQ(failure("d d limit=99999999999999999999999/60s\n"), limit);
    const char* backoff =
        "1: invalid backoff (want <initial>..<maximum> in ms or s, at most 3600s)";
    EXPECT_EQ(failure("d d backoff=100ms\n"), backoff);
    EXPECT_EQ(failure("d d backoff=100..200\n"), backoff);
    EXPECT_EQ(failure("d d backoff=0ms..1s\n"), backoff);
    EXPECT_EQ(failure("d d backoff=1ms..3601s\n"), backoff);
    EXPECT_EQ(failure("d d backoff=ms..1s\n"), backoff);
    EXPECT_EQ(failure("d d backoff=2s..1s\n"), "1: backoff maximum below its initial wait");
    static Manifest manifest;
    ASSERT_TRUE(parse("d d backoff=1s..1s limit=32/86400s\n", &manifest).ok);
    EXPECT_EQ(manifest.services[0].restart.max_crashes, 32u);
}

TEST(Manifest, ArgumentBounds) {
    EXPECT_EQ(failure("d d arg=\n"), "1: invalid arg (1..63 characters)");
    EXPECT_EQ(failure("d d arg=" + std::string(64, 'a') + "\n"),
              "1: invalid arg (1..63 characters)");
    static Manifest manifest;
    ASSERT_TRUE(parse("d d arg=" + std::string(63, 'a') + "\n", &manifest).ok);
}

TEST(Manifest, QuotaInKibibytesOrMebibytes) {
    static Manifest manifest;
    ASSERT_TRUE(parse("a a\nb b quota=8M\nc c quota=192K\nd d quota=64M\n", &manifest).ok);
    EXPECT_EQ(manifest.services[0].quota_bytes, ServiceSpec::kDefaultQuota);
    EXPECT_EQ(manifest.services[1].quota_bytes, 8u << 20);
    EXPECT_EQ(manifest.services[2].quota_bytes, 192u << 10);
    EXPECT_EQ(manifest.services[3].quota_bytes, 64u << 20);
    const char* quota = "1: invalid quota (want <n>K or <n>M, 192K..64M)";
    for (const char* bad : {"quota=", "quota=8", "quota=M", "quota=191K", "quota=65M",
                            "quota=8G", "quota=-1M", "quota=1.5M",
                            "quota=99999999999999999999999M"}) {
        EXPECT_EQ(failure(std::string("d d ") + bad + "\n"), quota) << bad;
    }
    EXPECT_EQ(failure("d d quota=1M quota=2M\n"), "1: option given twice");
}

TEST(Manifest, TooManyServices) {
    std::string text;
    for (size_t i = 0; i <= Manifest::kMaxServices; ++i) {
        text += "s" + std::to_string(i) + " prog\n";
    }
    EXPECT_EQ(failure(text), std::to_string(Manifest::kMaxServices + 1) + ": too many services");
}

TEST(Manifest, NameLimits) {
    static Manifest manifest;
    EXPECT_TRUE(parse(std::string(48, 'n') + " " + std::string(47, 'p') + "\n", &manifest).ok);
    EXPECT_EQ(failure(std::string(49, 'n') + " p\n"), "1: invalid service name");
    EXPECT_EQ(failure("n " + std::string(48, 'p') + "\n"), "1: invalid program name");
    EXPECT_EQ(failure("net- p\n"), "1: invalid service name");
}

// Random text never breaks the parser: it answers, and on failure names a
// line that exists.
TEST(Manifest, RandomTextIsAnsweredNotCrashedOn) {
    const char alphabet[] = "ab:=,./#\n \t0123456789smrestart=needs=irq:limit=backoff=..";
    uint32_t state = 7;
    static Manifest manifest;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        size_t length = round % 200;
        for (size_t i = 0; i < length; ++i) {
            state = state * 1103515245u + 12345u;
            text.push_back(alphabet[(state >> 16) % (sizeof(alphabet) - 1)]);
        }
        ManifestError error{};
        bool ok = parse_manifest(text.data(), text.size(), &manifest, &error);
        size_t line_count = 1;
        for (char c : text)
            line_count += c == '\n';
        if (!ok) {
            ASSERT_GE(error.line, 1u) << text;
            ASSERT_LE(error.line, line_count) << text;
            ASSERT_NE(error.message, nullptr);
        }
        ASSERT_LE(manifest.count, Manifest::kMaxServices);
    }
}

}  // namespace
}  // namespace cairn::service_manager
