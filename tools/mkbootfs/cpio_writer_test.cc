// Round trip: what CpioWriter writes, the kernel's reader accepts unchanged.
#include "tools/mkbootfs/cpio_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "kernel/lib/cpio.h"

namespace {

os::Bytes as_bytes(const std::string& text) {
    return os::Bytes(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

TEST(CpioWriter, KernelReaderSeesEveryFileInOrder) {
    tools::CpioWriter writer;
    writer.add_file("boot/manifest", "program init\n");
    writer.add_file("bin/init", std::string("\x7f" "ELF\0\1", 6), 0755);
    writer.add_file("empty", "");
    std::string archive = writer.finish();
    ASSERT_EQ(archive.size() % 4, 0u);

    auto opened = os::cpio::Archive::open(as_bytes(archive));
    ASSERT_FALSE(opened.is_error()) << os::to_string(opened.error());
    EXPECT_EQ(opened.value().entry_count(), 3u);

    std::string names;
    opened.value().for_each([&](const os::cpio::Entry& entry) {
        names += entry.name;
        names += ";";
        EXPECT_TRUE(entry.is_regular_file());
    });
    EXPECT_EQ(names, "boot/manifest;bin/init;empty;");

    auto init = opened.value().find("bin/init");
    ASSERT_FALSE(init.is_error());
    EXPECT_EQ(init.value().mode & 0777, 0755u);
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(init.value().data.data()),
                          init.value().data.size()),
              std::string("\x7f" "ELF\0\1", 6));
    EXPECT_EQ(opened.value().find("missing").error(), os::Error::kNotFound);
}

TEST(CpioWriter, EmptyArchiveIsJustTheTrailer) {
    tools::CpioWriter writer;
    std::string archive = writer.finish();
    auto opened = os::cpio::Archive::open(as_bytes(archive));
    ASSERT_FALSE(opened.is_error());
    EXPECT_EQ(opened.value().entry_count(), 0u);
}

TEST(CpioWriter, OutputIsReproducible) {
    auto build = [] {
        tools::CpioWriter writer;
        writer.add_file("a", "alpha");
        writer.add_file("b", "beta");
        return writer.finish();
    };
    EXPECT_EQ(build(), build());
}

}  // namespace
