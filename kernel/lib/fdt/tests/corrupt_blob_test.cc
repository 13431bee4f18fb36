// Corrupt, truncated and hostile blobs: from_blob() must refuse each one
// with an error and never read outside the bytes it was given. Every blob is
// parsed from a GuardedCopy, so a read past its end would crash the test.
#include <gtest/gtest.h>

#include <vector>

#include "kernel/lib/fdt/device_tree.h"
#include "kernel/lib/fdt/tests/dtb_builder.h"

namespace os::fdt {
namespace {

using namespace testing;  // the blob builder, header offsets, tokens

Blob valid_tree() {
    return DtbBuilder()
        .reserve(0x1000, 0x2000)
        .begin_node("")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .property_string("model", "corrupt-me")
        .begin_node("memory@0")
        .property_string("device_type", "memory")
        .property_cells("reg", {0x0, 0x1000000})
        .end_node()
        .begin_node("chosen")
        .property_string("bootargs", "a b c")
        .end_node()
        .end_node()
        .build();
}

// Parses `blob` as given: max_size is exactly its size.
ErrorOr<DeviceTree> parse(const GuardedCopy& copy) {
    return DeviceTree::from_blob(copy.data(), copy.size());
}

Error parse_error(const Blob& blob) {
    GuardedCopy copy(blob);
    auto tree = parse(copy);
    EXPECT_TRUE(tree.is_error());
    return tree.is_error() ? tree.error() : Error{};
}

TEST(CorruptBlobTest, TheValidTreeParses) {
    GuardedCopy copy(valid_tree());
    EXPECT_FALSE(parse(copy).is_error());
}

TEST(CorruptBlobTest, RejectsANullBlob) {
    EXPECT_EQ(DeviceTree::from_blob(nullptr, 4096).error(), Error::kInvalidArgument);
}

TEST(CorruptBlobTest, RejectsEveryTruncation) {
    Blob blob = valid_tree();
    for (size_t length = 0; length < blob.size(); ++length) {
        GuardedCopy copy(Blob(blob.begin(), blob.begin() + length));
        auto tree = parse(copy);
        ASSERT_TRUE(tree.is_error()) << "length " << length;
        EXPECT_EQ(tree.error(), Error::kOutOfRange) << "length " << length;
    }
}

// A truncated blob whose header was "fixed up" to claim the truncated size:
// now the blocks must be checked against totalsize rather than max_size.
TEST(CorruptBlobTest, RejectsEveryTruncationWithAMatchingTotalSize) {
    Blob blob = valid_tree();
    for (size_t length = 8; length < blob.size(); ++length) {
        Blob truncated(blob.begin(), blob.begin() + length);
        put_be32(truncated, kTotalSizeOffset, length);
        GuardedCopy copy(truncated);
        EXPECT_TRUE(parse(copy).is_error()) << "length " << length;
    }
}

TEST(CorruptBlobTest, RejectsABadMagic) {
    Blob blob = valid_tree();
    for (size_t byte = 0; byte < 4; ++byte) {
        Blob corrupt = blob;
        corrupt[byte] ^= 0x01;
        EXPECT_EQ(parse_error(corrupt), Error::kMalformed);
    }
}

TEST(CorruptBlobTest, RejectsATotalSizeLargerThanTheBuffer) {
    Blob blob = valid_tree();
    put_be32(blob, kTotalSizeOffset, blob.size() + 1);
    EXPECT_EQ(parse_error(blob), Error::kOutOfRange);
    put_be32(blob, kTotalSizeOffset, 0xffffffff);
    EXPECT_EQ(parse_error(blob), Error::kOutOfRange);

    // The same blob is fine when the caller allows the bytes it claims.
    Blob valid = valid_tree();
    auto tree = DeviceTree::from_blob(valid.data(), valid.size() - 1);
    EXPECT_EQ(tree.error(), Error::kOutOfRange);
}

TEST(CorruptBlobTest, RejectsATotalSizeSmallerThanTheHeader) {
    Blob blob = valid_tree();
    for (uint32_t total_size : {0u, 8u, 27u, 39u}) {
        put_be32(blob, kTotalSizeOffset, total_size);
        EXPECT_EQ(parse_error(blob), Error::kMalformed) << total_size;
    }
}

TEST(CorruptBlobTest, RejectsVersionsItCannotRead) {
    auto with_versions = [](uint32_t version, uint32_t last_compatible) {
        Blob blob = valid_tree();
        put_be32(blob, kVersionOffset, version);
        put_be32(blob, kLastCompatibleVersionOffset, last_compatible);
        return blob;
    };
    EXPECT_EQ(parse_error(with_versions(15, 2)), Error::kUnsupported);
    EXPECT_EQ(parse_error(with_versions(1, 1)), Error::kUnsupported);
    EXPECT_EQ(parse_error(with_versions(18, 18)), Error::kUnsupported);
    EXPECT_EQ(parse_error(with_versions(0xffffffff, 0xffffffff)), Error::kUnsupported);

    GuardedCopy newer(with_versions(20, 16));
    EXPECT_FALSE(parse(newer).is_error());
}

TEST(CorruptBlobTest, RejectsBlocksOutsideTotalSize) {
    const Blob blob = valid_tree();
    // Offsets keep their required alignment, so only the bounds are wrong.
    const uint32_t total = (blob.size() + 7) & ~size_t{7};
    struct Case {
        size_t field;
        uint32_t value;
    };
    const std::vector<Case> cases = {
        {kStructureOffsetOffset, total + 4}, {kStructureOffsetOffset, 0xfffffffc},
        {kStructureSizeOffset, total},       {kStructureSizeOffset, 0xfffffffc},
        {kStringsOffsetOffset, total + 1},   {kStringsOffsetOffset, 0xffffffff},
        {kStringsSizeOffset, total},         {kStringsSizeOffset, 0xffffffff},
        {kReservationsOffsetOffset, total},  {kReservationsOffsetOffset, 0xfffffff8},
    };
    for (const Case& c : cases) {
        Blob corrupt = blob;
        put_be32(corrupt, c.field, c.value);
        EXPECT_EQ(parse_error(corrupt), Error::kOutOfRange) << c.field << " = " << c.value;
    }
}

TEST(CorruptBlobTest, RejectsBlocksInsideTheHeader) {
    const Blob blob = valid_tree();
    for (size_t field : {kStructureOffsetOffset, kStringsOffsetOffset, kReservationsOffsetOffset}) {
        Blob corrupt = blob;
        put_be32(corrupt, field, 0);
        EXPECT_EQ(parse_error(corrupt), Error::kOutOfRange) << field;
    }
}

TEST(CorruptBlobTest, RejectsMisalignedBlocks) {
    Blob blob = valid_tree();
    put_be32(blob, kStructureOffsetOffset, get_be32(blob, kStructureOffsetOffset) + 2);
    EXPECT_EQ(parse_error(blob), Error::kMalformed);

    blob = valid_tree();
    put_be32(blob, kStructureSizeOffset, get_be32(blob, kStructureSizeOffset) - 1);
    EXPECT_EQ(parse_error(blob), Error::kMalformed);

    blob = valid_tree();
    put_be32(blob, kReservationsOffsetOffset, get_be32(blob, kReservationsOffsetOffset) + 4);
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAReservationBlockWithoutTerminator) {
    // Point the reservation block at the structure block: no all-zero entry
    // before totalsize.
    Blob blob = DtbBuilder().begin_node("").property_u32("x", 0xffffffff).end_node().build();
    uint32_t structure = get_be32(blob, kStructureOffsetOffset);
    put_be32(blob, kReservationsOffsetOffset, structure);
    // Make sure no 16 zero bytes follow: fill the rest of the blob.
    for (size_t i = structure; i < blob.size(); ++i)
        blob[i] |= 0x80;
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAWrappingReservation) {
    Blob blob = DtbBuilder().reserve(0xfffffffffffff000, 0x2000).begin_node("").end_node().build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAnUnterminatedNodeName) {
    // The name runs to the end of the structure block without a NUL.
    Blob blob =
        DtbBuilder().word(kBeginNode).word(0x61626364).word(0x65666768).without_end().build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAnUnterminatedPropertyName) {
    Blob blob = DtbBuilder().begin_node("").property_u32("name", 1).end_node().build();
    // Drop the NUL of the only string from the strings block.
    put_be32(blob, kStringsSizeOffset, get_be32(blob, kStringsSizeOffset) - 1);
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAPropertyNameOffsetPastTheStringsBlock) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .word(kProp)
                    .word(0)
                    .word(1000)  // name offset
                    .end_node()
                    .build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);

    blob = DtbBuilder().begin_node("").word(kProp).word(0).word(0xffffffff).end_node().build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAPropertyLengthPastTheEnd) {
    for (uint32_t length : {5u, 8u, 0x1000u, 0xfffffff0u, 0xffffffffu}) {
        Blob blob = DtbBuilder()
                        .begin_node("")
                        .property_empty("x")  // puts "x" at offset 0 of the strings block
                        .word(kProp)
                        .word(length)
                        .word(0)
                        .word(0)
                        .end_node()
                        .build();
        EXPECT_EQ(parse_error(blob), Error::kMalformed) << length;
    }
}

TEST(CorruptBlobTest, RejectsAPropertyHeaderCutByTheEnd) {
    Blob blob = DtbBuilder().begin_node("").property_empty("x").word(kProp).without_end().build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

Blob nested(size_t depth) {
    DtbBuilder builder;
    for (size_t i = 0; i < depth; ++i)
        builder.begin_node(i == 0 ? "" : "n");
    for (size_t i = 0; i < depth; ++i)
        builder.end_node();
    return builder.build();
}

TEST(CorruptBlobTest, BoundsTheNestingDepth) {
    GuardedCopy deepest(nested(kMaxDepth));
    auto tree = parse(deepest);
    ASSERT_FALSE(tree.is_error());
    uint32_t max_depth = 0;
    tree.value().for_each_node([&](const Node& node) { max_depth = node.depth(); });
    EXPECT_EQ(max_depth, kMaxDepth - 1);

    EXPECT_EQ(parse_error(nested(kMaxDepth + 1)), Error::kUnsupported);
    EXPECT_EQ(parse_error(nested(100000)), Error::kUnsupported);
}

TEST(CorruptBlobTest, RejectsAMissingEndToken) {
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").end_node().without_end().build()),
              Error::kMalformed);
    // END inside the root.
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").begin_node("a").end_node().build()),
              Error::kMalformed);
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").word(kEnd).end_node().build()),
              Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsBrokenNesting) {
    // An END_NODE too many.
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").end_node().end_node().build()),
              Error::kMalformed);
    // Two roots.
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").end_node().begin_node("").end_node().build()),
              Error::kMalformed);
    // A property outside the root.
    EXPECT_EQ(parse_error(DtbBuilder().begin_node("").end_node().property_u32("x", 1).build()),
              Error::kMalformed);
    // No root at all.
    EXPECT_EQ(parse_error(DtbBuilder().build()), Error::kMalformed);
    // The root must come first.
    EXPECT_EQ(parse_error(DtbBuilder().nop().begin_node("").end_node().build()), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsAPropertyAfterAChildNode) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .begin_node("child")
                    .end_node()
                    .property_u32("late", 1)
                    .end_node()
                    .build();
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

TEST(CorruptBlobTest, RejectsUnknownTokens) {
    for (uint32_t token : {0u, 5u, 8u, 10u, 0x01000000u, 0xffffffffu}) {
        Blob blob = DtbBuilder().begin_node("").word(token).end_node().build();
        EXPECT_EQ(parse_error(blob), Error::kMalformed) << token;
    }
}

TEST(CorruptBlobTest, StopsAtTheStructureBlocksEnd) {
    // size_dt_struct ends the block before the END token that follows.
    Blob blob = valid_tree();
    put_be32(blob, kStructureSizeOffset, get_be32(blob, kStructureSizeOffset) - 4);
    EXPECT_EQ(parse_error(blob), Error::kMalformed);
}

}  // namespace
}  // namespace os::fdt
