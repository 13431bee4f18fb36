// cpio::Archive on newc archives written by the test, and on every way of
// breaking one: each corrupt archive must be refused by open() with an
// error, never read out of bounds.
#include "kernel/lib/cpio.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace os::cpio {
namespace {

using Archive_ = std::vector<uint8_t>;

constexpr size_t kHeaderSize = 110;
constexpr uint32_t kRegularFile = 0100644;
constexpr uint32_t kDirectory = 0040755;
constexpr uint32_t kSymlink = 0120777;

// The 13 header fields after the magic, in order.
enum Field {
    kIno,
    kMode,
    kUid,
    kGid,
    kNlink,
    kMtime,
    kFileSize,
    kDevMajor,
    kDevMinor,
    kRdevMajor,
    kRdevMinor,
    kNameSize,
    kCheck,
    kFieldCount
};

size_t field_offset(size_t entry_offset, Field field) {
    return entry_offset + 6 + 8 * field;
}

// Writes newc archives the way `cpio -o -H newc` does.
class CpioWriter {
  public:
    CpioWriter& add(const std::string& name, const std::string& data,
                    uint32_t mode = kRegularFile) {
        entry_offsets_.push_back(bytes_.size());
        char header[kHeaderSize + 1];
        std::snprintf(header, sizeof(header),
                      "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", next_inode_++,
                      mode, 0u, 0u, 1u, 0x5f5e1000u, static_cast<unsigned>(data.size()), 0u, 0u, 0u,
                      0u, static_cast<unsigned>(name.size() + 1), 0u);
        bytes_.insert(bytes_.end(), header, header + kHeaderSize);
        bytes_.insert(bytes_.end(), name.begin(), name.end());
        bytes_.push_back(0);
        pad();
        bytes_.insert(bytes_.end(), data.begin(), data.end());
        pad();
        return *this;
    }

    // The trailer, without the padding to 512 bytes that cpio adds.
    Archive_ finish() {
        add("TRAILER!!!", "", 0);
        entry_offsets_.pop_back();
        return bytes_;
    }

    // Where each entry (not the trailer) starts in the finished archive.
    const std::vector<size_t>& entry_offsets() const { return entry_offsets_; }

  private:
    void pad() {
        while (bytes_.size() % 4 != 0)
            bytes_.push_back(0);
    }

    Archive_ bytes_;
    std::vector<size_t> entry_offsets_;
    uint32_t next_inode_ = 1;
};

Bytes view(const Archive_& archive) {
    return Bytes(archive.data(), archive.size());
}

// Opens a copy of exactly `archive`'s size on the heap, so that reading past
// its end is a heap overflow (visible to sanitizers) rather than a read of
// whatever the vector keeps in reserve.
struct Opened {
    std::unique_ptr<uint8_t[]> storage;
    ErrorOr<Archive> archive;
};

Opened open_copy(const Archive_& bytes) {
    auto storage = std::make_unique<uint8_t[]>(bytes.size() + (bytes.empty() ? 1 : 0));
    std::memcpy(storage.get(), bytes.data(), bytes.size());
    auto archive = Archive::open(Bytes(storage.get(), bytes.size()));
    return Opened{std::move(storage), std::move(archive)};
}

std::map<std::string, std::string> contents(const Archive& archive) {
    std::map<std::string, std::string> files;
    archive.for_each([&](const Entry& entry) {
        files[entry.name] = std::string(entry.data.begin(), entry.data.end());
    });
    return files;
}

Archive_ sample_archive() {
    return CpioWriter()
        .add("bin", "", kDirectory)
        .add("bin/init", std::string("\x7f"
                                     "ELF",
                                     4) +
                             std::string(1000, 'x'))
        .add("etc/motd", "hello\n")
        .add("empty", "")
        .add("bin/sh", "init", kSymlink)
        .finish();
}

TEST(CpioTest, ReadsEveryEntryInOrder) {
    Archive_ bytes = sample_archive();
    auto archive = Archive::open(view(bytes));
    ASSERT_FALSE(archive.is_error()) << to_string(archive.error());
    EXPECT_EQ(archive.value().entry_count(), 5u);

    std::vector<std::string> names;
    archive.value().for_each([&](const Entry& entry) { names.push_back(entry.name); });
    EXPECT_EQ(names, (std::vector<std::string>{"bin", "bin/init", "etc/motd", "empty", "bin/sh"}));

    auto files = contents(archive.value());
    EXPECT_EQ(files["etc/motd"], "hello\n");
    EXPECT_EQ(files["bin/init"].size(), 1004u);
    EXPECT_EQ(files["empty"], "");
    EXPECT_EQ(files["bin/sh"], "init");
}

TEST(CpioTest, FindsEntriesByName) {
    Archive_ bytes = sample_archive();
    Archive archive = Archive::open(view(bytes)).release_value();

    Entry motd = archive.find("etc/motd").value();
    EXPECT_STREQ(motd.name, "etc/motd");
    EXPECT_EQ(motd.mode, kRegularFile);
    EXPECT_TRUE(motd.is_regular_file());
    ASSERT_EQ(motd.data.size(), 6u);
    EXPECT_EQ(std::memcmp(motd.data.data(), "hello\n", 6), 0);
    // Data points into the archive itself: nothing is copied.
    EXPECT_GE(motd.data.data(), bytes.data());
    EXPECT_LE(motd.data.end(), bytes.data() + bytes.size());
    // newc aligns data to 4 bytes.
    EXPECT_EQ((motd.data.data() - bytes.data()) % 4, 0);

    EXPECT_FALSE(archive.find("bin").value().is_regular_file());
    EXPECT_FALSE(archive.find("bin/sh").value().is_regular_file());
    EXPECT_EQ(archive.find("etc").error(), Error::kNotFound);
    EXPECT_EQ(archive.find("etc/motd/").error(), Error::kNotFound);
    EXPECT_EQ(archive.find("TRAILER!!!").error(), Error::kNotFound);
}

TEST(CpioTest, NamesOfEveryLengthAlignTheirData) {
    // Name lengths 1..8 cover every padding of header + name.
    CpioWriter writer;
    for (size_t length = 1; length <= 8; ++length) {
        writer.add(std::string(length, 'a' + length), std::string(length, '0' + length));
    }
    Archive_ bytes = writer.finish();
    Archive archive = Archive::open(view(bytes)).release_value();
    for (size_t length = 1; length <= 8; ++length) {
        Entry entry = archive.find(std::string(length, 'a' + length).c_str()).value();
        EXPECT_EQ(std::string(entry.data.begin(), entry.data.end()),
                  std::string(length, '0' + length));
    }
}

TEST(CpioTest, AcceptsAnEmptyArchiveAndPaddingAfterTheTrailer) {
    Archive_ empty = CpioWriter().finish();
    auto archive = Archive::open(view(empty));
    ASSERT_FALSE(archive.is_error());
    EXPECT_EQ(archive.value().entry_count(), 0u);

    // cpio pads archives to 512 bytes; anything after the trailer is ignored.
    Archive_ padded = sample_archive();
    padded.resize((padded.size() + 511) / 512 * 512, 0);
    EXPECT_FALSE(Archive::open(view(padded)).is_error());
}

TEST(CpioTest, AcceptsUpperAndLowerCaseHex) {
    Archive_ bytes = CpioWriter().add("file", std::string(0xab, 'z')).finish();
    // The writer uses upper case; make the file size lower case.
    for (size_t i = field_offset(0, kFileSize); i < field_offset(0, kFileSize) + 8; ++i) {
        bytes[i] = std::tolower(bytes[i]);
    }
    auto archive = Archive::open(view(bytes));
    ASSERT_FALSE(archive.is_error());
    EXPECT_EQ(archive.value().find("file").value().data.size(), 0xabu);
}

// --- Corrupt archives -------------------------------------------------------

void expect_refused(const Archive_& bytes, const std::string& what) {
    Opened opened = open_copy(bytes);
    EXPECT_TRUE(opened.archive.is_error()) << what;
}

TEST(CpioCorruptTest, RefusesEveryTruncation) {
    Archive_ bytes = sample_archive();
    for (size_t length = 0; length < bytes.size(); ++length) {
        expect_refused(Archive_(bytes.begin(), bytes.begin() + length),
                       "truncated to " + std::to_string(length));
    }
}

TEST(CpioCorruptTest, RefusesABadMagic) {
    CpioWriter writer;
    writer.add("a", "1").add("b", "2");
    Archive_ bytes = writer.finish();
    for (size_t entry : writer.entry_offsets()) {
        for (size_t i = 0; i < 6; ++i) {
            Archive_ corrupt = bytes;
            corrupt[entry + i] = 'x';
            expect_refused(corrupt, "magic byte " + std::to_string(i));
        }
    }
    // The old binary and "odc" formats are not newc.
    Archive_ odc = bytes;
    std::memcpy(odc.data(), "070707", 6);
    expect_refused(odc, "odc magic");
}

TEST(CpioCorruptTest, RefusesANonHexDigitInAnyField) {
    CpioWriter writer;
    writer.add("first", "data").add("second", "more data");
    Archive_ bytes = writer.finish();
    for (size_t entry : writer.entry_offsets()) {
        for (int field = 0; field < kFieldCount; ++field) {
            for (char bad : {'g', 'G', ' ', '-', 'x', '\0'}) {
                Archive_ corrupt = bytes;
                corrupt[field_offset(entry, static_cast<Field>(field)) + 3] = bad;
                expect_refused(corrupt, "entry at " + std::to_string(entry) + ", field " +
                                            std::to_string(field) + " with '" + bad + "'");
            }
        }
    }
}

void set_field(Archive_& bytes, size_t entry, Field field, uint32_t value) {
    char digits[9];
    std::snprintf(digits, sizeof(digits), "%08X", value);
    std::memcpy(bytes.data() + field_offset(entry, field), digits, 8);
}

TEST(CpioCorruptTest, RefusesANameWithoutNul) {
    Archive_ bytes = CpioWriter().add("name", "data").finish();
    // namesize one short: the last byte of the name is 'e', not NUL.
    set_field(bytes, 0, kNameSize, 4);
    expect_refused(bytes, "namesize without NUL");

    bytes = CpioWriter().add("name", "data").finish();
    bytes[kHeaderSize + 4] = 'X';  // overwrite the NUL itself
    expect_refused(bytes, "NUL overwritten");
}

TEST(CpioCorruptTest, RefusesANameWithAnEmbeddedNul) {
    Archive_ bytes = CpioWriter().add("name", "data").finish();
    bytes[kHeaderSize + 1] = '\0';
    expect_refused(bytes, "embedded NUL");
}

TEST(CpioCorruptTest, RefusesAnEmptyOrHugeName) {
    for (uint32_t size : {0u, 0x1000u, 0x7fffffffu, 0xffffffffu}) {
        Archive_ bytes = CpioWriter().add("name", "data").finish();
        set_field(bytes, 0, kNameSize, size);
        expect_refused(bytes, "namesize " + std::to_string(size));
    }
}

TEST(CpioCorruptTest, RefusesDataPastTheEnd) {
    for (uint32_t size : {0x1000u, 0x7fffffffu, 0xfffffffcu, 0xffffffffu}) {
        Archive_ bytes = CpioWriter().add("name", "data").finish();
        set_field(bytes, 0, kFileSize, size);
        expect_refused(bytes, "filesize " + std::to_string(size));
    }
}

TEST(CpioCorruptTest, RefusesAMissingTrailer) {
    CpioWriter writer;
    writer.add("a", "1").add("b", "2");
    Archive_ bytes = writer.finish();
    // Cut just before the trailer: the entries are all intact.
    Archive_ untrailed(bytes.begin(), bytes.begin() + bytes.size() - 124);
    expect_refused(untrailed, "no trailer");

    // The same with padding where the trailer should be.
    untrailed.resize(untrailed.size() + 512, 0);
    expect_refused(untrailed, "zero padding instead of a trailer");

    // A trailer with a different name is just another entry.
    Archive_ misnamed = bytes;
    misnamed[misnamed.size() - 124 + kHeaderSize] = 't';
    expect_refused(misnamed, "misnamed trailer");
}

TEST(CpioCorruptTest, RefusesTooManyEntries) {
    CpioWriter writer;
    for (size_t i = 0; i <= Archive::kMaxEntries; ++i)
        writer.add("f", "");
    Archive_ bytes = writer.finish();
    EXPECT_EQ(Archive::open(view(bytes)).error(), Error::kNoSpace);
}

TEST(CpioCorruptTest, RefusesAnEmptyBuffer) {
    EXPECT_TRUE(Archive::open(Bytes()).is_error());
}

}  // namespace
}  // namespace os::cpio
