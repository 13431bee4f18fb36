// The three page-table entry formats on their own: known encodings bit for
// bit (worked out by hand from the architecture manuals), classification of
// entries, canonical addresses, and the decode/encode round trip.
#include <gtest/gtest.h>

#include "kernel/mm/vm/tests/page_table_test_support.h"

namespace kernel::mm::testing {
namespace {

MappingAttributes make(bool writable, bool executable, bool user, bool global,
                       CachePolicy cache = CachePolicy::kNormal) {
    MappingAttributes attributes;
    attributes.writable = writable;
    attributes.executable = executable;
    attributes.user = user;
    attributes.global = global;
    attributes.cache = cache;
    return attributes;
}

// ---- x86_64 -------------------------------------------------------------------

using X86 = hal::x86_64::PageTableFormat;

TEST(X86_64Format, KnownEncodings) {
    // P RW US A D, NX: Linux's familiar ...067 with bit 63.
    EXPECT_EQ(X86::leaf_entry(0x12345000, 0, make(true, false, true, false)), 0x8000000012345067u);
    // P A D PS G, executable, read-only kernel 2 MiB page.
    EXPECT_EQ(X86::leaf_entry(0x40000000, 1, make(false, true, false, true)), 0x400001e1u);
    // P RW PWT PCD A D NX: uncached device page.
    EXPECT_EQ(X86::leaf_entry(0xfee00000, 0, make(true, false, false, false, CachePolicy::kDevice)),
              0x80000000fee0007bu);
    // P US A D PS, user read+execute 1 GiB page.
    EXPECT_EQ(X86::leaf_entry(0x80000000, 2, make(false, true, true, false)), 0x800000e5u);
    // Tables: P RW US A.
    EXPECT_EQ(X86::table_entry(0x5000), 0x5027u);
}

TEST(X86_64Format, Classification) {
    EXPECT_TRUE(X86::is_table(0x5027, 3));
    EXPECT_TRUE(X86::is_table(0x5027, 1));
    EXPECT_FALSE(X86::is_leaf(0x5027, 1));
    EXPECT_TRUE(X86::is_leaf(0x400001e1, 1));
    EXPECT_FALSE(X86::is_table(0x400001e1, 1));
    // Bit 7 of a level-0 entry is PAT, not PS: still a 4 KiB leaf.
    EXPECT_TRUE(X86::is_leaf(0x12345083, 0));
    EXPECT_FALSE(X86::is_table(0x12345083, 0));
    EXPECT_FALSE(X86::is_leaf(0x12345066, 0));  // not present
    // Bit 12 of a huge leaf is PAT: not part of the address.
    EXPECT_EQ(X86::leaf_address(0x400011e1, 1), 0x40000000u);
    EXPECT_EQ(X86::leaf_address(0x8000000012345067, 0), 0x12345000u);
}

TEST(X86_64Format, CanonicalAddressesAndHalves) {
    EXPECT_TRUE(X86::is_canonical(0x00007fffffffffff));
    EXPECT_FALSE(X86::is_canonical(0x0000800000000000));
    EXPECT_FALSE(X86::is_canonical(0xffff7fffffffffff));
    EXPECT_TRUE(X86::is_canonical(0xffff800000000000));
    EXPECT_EQ(X86::lower_half_end(), 0x0000800000000000u);
}

TEST(X86_64Format, GigabytePagesCanBeSwitchedOff) {
    X86::set_gigabyte_pages_supported(false);
    EXPECT_FALSE(X86::can_hold_leaf(2));
    EXPECT_TRUE(X86::can_hold_leaf(1));
    X86::set_gigabyte_pages_supported(true);
    EXPECT_TRUE(X86::can_hold_leaf(2));
    EXPECT_FALSE(X86::can_hold_leaf(3));
}

// ---- aarch64 --------------------------------------------------------------------

using Arm = hal::aarch64::PageTableFormat;

TEST(Aarch64Format, KnownEncodings) {
    // Page, AP=01 (EL0 RW), SH=11, AF, nG, PXN, UXN.
    EXPECT_EQ(Arm::leaf_entry(0x12345000, 0, make(true, false, true, false)), 0x0060000012345f43u);
    // User executable: AP=11 (read-only), PXN but not UXN.
    EXPECT_EQ(Arm::leaf_entry(0x12345000, 0, make(false, true, true, false)), 0x0020000012345fc3u);
    // Kernel text, 2 MiB block: AP=10, global, UXN only.
    EXPECT_EQ(Arm::leaf_entry(0x40000000, 1, make(false, true, false, true)), 0x0040000040000781u);
    // Device page: AttrIndx 1, kernel RW, not executable anywhere.
    EXPECT_EQ(Arm::leaf_entry(0x09000000, 0, make(true, false, false, false, CachePolicy::kDevice)),
              0x0060000009000f07u);
    // Kernel RW data, 1 GiB block, global.
    EXPECT_EQ(Arm::leaf_entry(0x80000000, 2, make(true, false, false, true)), 0x0060000080000701u);
    EXPECT_EQ(Arm::table_entry(0x5000), 0x5003u);
    // MAIR_EL1: AttrIndx 0 normal write-back, AttrIndx 1 Device-nGnRE.
    EXPECT_EQ(AARCH64_MAIR_VALUE & 0xff, 0xff);
    EXPECT_EQ((AARCH64_MAIR_VALUE >> 8) & 0xff, 0x04);
}

TEST(Aarch64Format, Classification) {
    EXPECT_TRUE(Arm::is_table(0x5003, 3));
    EXPECT_TRUE(Arm::is_table(0x5003, 1));
    EXPECT_FALSE(Arm::is_table(0x5003, 0));  // at level 0, 0b11 is a page
    EXPECT_TRUE(Arm::is_leaf(0x5003, 0));
    EXPECT_TRUE(Arm::is_leaf(0x40000781, 1));
    EXPECT_TRUE(Arm::is_leaf(0x40000781, 2));
    EXPECT_FALSE(Arm::is_leaf(0x40000781, 3));  // no 512 GiB blocks with 4 KiB granules
    EXPECT_FALSE(Arm::is_leaf(0x12345001, 0));  // 0b01 at level 0 is reserved
    EXPECT_FALSE(Arm::is_leaf(0x12345002, 0));  // not valid
    EXPECT_EQ(Arm::leaf_address(0x0060000080000701, 2), 0x80000000u);
}

TEST(Aarch64Format, CanonicalAddressesAndHalves) {
    EXPECT_TRUE(Arm::is_canonical(0x0000ffffffffffff));
    EXPECT_FALSE(Arm::is_canonical(0x0001000000000000));
    EXPECT_TRUE(Arm::is_canonical(0xffff000000000000));
    EXPECT_FALSE(Arm::is_canonical(0xfffeffffffffffff));
    EXPECT_EQ(Arm::lower_half_end(), 0x0001000000000000u);
}

// ---- riscv64 ----------------------------------------------------------------------

using Riscv = hal::riscv64::PageTableFormat;

class Riscv64Format : public ::testing::Test {
protected:
    void SetUp() override { RiscvSv48::select(); }
    void TearDown() override { RiscvSv48::select(); }
};

TEST_F(Riscv64Format, KnownEncodings) {
    // PPN 0x12345 at bit 10; V R W U A D.
    EXPECT_EQ(Riscv::leaf_entry(0x12345000, 0, make(true, false, true, false)), 0x48d14d7u);
    // V R X G A D.
    EXPECT_EQ(Riscv::leaf_entry(0x80200000, 1, make(false, true, false, true)), 0x200800ebu);
    // Device: only the software mark (RSW bit 8) without Svpbmt ...
    MappingAttributes device = make(true, false, false, false, CachePolicy::kDevice);
    EXPECT_EQ(Riscv::leaf_entry(0x10000000, 0, device), 0x40001c7u);
    // ... and PBMT=IO with it.
    Riscv::set_svpbmt_supported(true);
    EXPECT_EQ(Riscv::leaf_entry(0x10000000, 0, device), 0x40000000040001c7u);
    EXPECT_EQ(Riscv::leaf_attributes(0x40000000040001c7u, 0), device);
    Riscv::set_svpbmt_supported(false);
    // Tables: V only, D A U clear.
    EXPECT_EQ(Riscv::table_entry(0x80005000), 0x20001401u);
    EXPECT_EQ(Riscv::table_address(0x20001401), 0x80005000u);
}

TEST_F(Riscv64Format, Classification) {
    EXPECT_TRUE(Riscv::is_table(0x20001401, 2));
    EXPECT_FALSE(Riscv::is_table(0x20001401, 0));
    EXPECT_FALSE(Riscv::is_leaf(0x20001401, 1));
    // A leaf may sit at any level, even the root.
    EXPECT_TRUE(Riscv::is_leaf(0x200800eb, 3));
    EXPECT_TRUE(Riscv::is_leaf(0x200800eb, 0));
    EXPECT_FALSE(Riscv::is_leaf(0x200800ea, 0));  // V clear
    EXPECT_FALSE(Riscv::is_leaf(0x20080005, 0));  // W without R: reserved, neither
    EXPECT_FALSE(Riscv::is_table(0x20080005, 1));
    EXPECT_EQ(Riscv::leaf_address(0x200800eb, 1), 0x80200000u);
}

TEST_F(Riscv64Format, LevelCountDecidesTheAddressSpace) {
    EXPECT_EQ(Riscv::levels(), 4u);
    EXPECT_EQ(Riscv::virtual_address_bits(), 48u);
    EXPECT_TRUE(Riscv::is_canonical(0x0000004000000000));
    EXPECT_TRUE(Riscv::is_canonical(0xffff800000000000));
    EXPECT_FALSE(Riscv::is_canonical(0x0000800000000000));
    EXPECT_EQ(Riscv::lower_half_end(), 0x0000800000000000u);

    RiscvSv39::select();
    EXPECT_EQ(Riscv::levels(), 3u);
    EXPECT_EQ(Riscv::virtual_address_bits(), 39u);
    EXPECT_TRUE(Riscv::is_canonical(0x0000003fffffffff));
    EXPECT_FALSE(Riscv::is_canonical(0x0000004000000000));
    EXPECT_TRUE(Riscv::is_canonical(0xffffffc000000000));
    EXPECT_FALSE(Riscv::is_canonical(0xffff800000000000));
    EXPECT_EQ(Riscv::lower_half_end(), 0x0000004000000000u);
}

// ---- Every format: decode(encode(x)) == x --------------------------------------

template <typename Case>
class FormatRoundTrip : public ::testing::Test {
protected:
    void SetUp() override { Case::select(); }
};
TYPED_TEST_SUITE(FormatRoundTrip, AllFormats, FormatName);

TYPED_TEST(FormatRoundTrip, EveryAttributeCombinationAtEveryLeafLevel) {
    using Format = typename TypeParam::Format;
    for (unsigned level = 0; level <= Format::kHighestLeafLevel; ++level) {
        const PhysicalAddress physical = PhysicalAddress{0x3} << (12 + 9 * level);
        for (unsigned bits = 0; bits < 32; ++bits) {
            MappingAttributes attributes = attributes_from_bits(bits);
            uint64_t entry = Format::leaf_entry(physical, level, attributes);
            SCOPED_TRACE(::testing::Message() << "level " << level << " attributes " << bits);
            EXPECT_TRUE(Format::is_leaf(entry, level));
            EXPECT_FALSE(Format::is_table(entry, level));
            EXPECT_EQ(Format::leaf_address(entry, level), physical);
            EXPECT_EQ(Format::leaf_attributes(entry, level), attributes);
        }
    }
    for (unsigned level = 1; level < Format::levels(); ++level) {
        uint64_t entry = Format::table_entry(0x7000);
        EXPECT_TRUE(Format::is_table(entry, level));
        EXPECT_FALSE(Format::is_leaf(entry, level));
        EXPECT_EQ(Format::table_address(entry), 0x7000u);
    }
    EXPECT_FALSE(Format::is_leaf(0, 0));
    EXPECT_FALSE(Format::is_table(0, 1));
}

}  // namespace
}  // namespace kernel::mm::testing
