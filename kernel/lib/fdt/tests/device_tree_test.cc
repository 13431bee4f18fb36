// The reader's API on a hand-built tree: walking, lookups, property
// decoding, reg, address translation, paths, reservations.
#include "kernel/lib/fdt/device_tree.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "kernel/lib/fdt/tests/dtb_builder.h"

namespace os::fdt {
namespace {

using testing::Blob;
using testing::cells64;
using testing::DtbBuilder;

// / {
//     #address-cells = <2>; #size-cells = <2>;
//     compatible = "acme,board", "acme,soc";
//     aliases { serial0 = "/soc/uart@1000"; gpio = "/soc/bridge@8000"; relative = "soc"; };
//     chosen { bootargs = "console=ttyS0 debug"; stdout-path = "serial0:115200n8"; };
//     memory@80000000 { device_type = "memory"; reg = <0x0 0x80000000 0x0 0x40000000>; };
//     cpus { #address-cells = <1>; #size-cells = <0>;
//         cpu@0 { device_type = "cpu"; reg = <0>; status = "okay"; };
//         cpu@1 { device_type = "cpu"; reg = <1>; status = "disabled"; }; };
//     soc { compatible = "simple-bus"; #address-cells = <1>; #size-cells = <1>;
//         ranges = <0x0 0x0 0xf0000000 0x100000>;
//         uart@1000 { compatible = "ns16550a"; reg = <0x1000 0x100>; };
//         bridge@8000 { #address-cells = <1>; #size-cells = <1>; ranges = <0x0 0x8000 0x1000>;
//             reg = <0x8000 0x1000>;
//             gpio@20 { compatible = "acme,gpio"; reg = <0x20 0x10 0x40 0x10>; }; };
//         isolated { #address-cells = <1>; #size-cells = <1>;
//             timer@0 { compatible = "acme,timer"; reg = <0x0 0x4>; }; }; };
// };
Blob sample_tree() {
    return DtbBuilder()
        .reserve(0x80000000, 0x10000)
        .reserve(0xfff00000, 0x1000)
        .boot_cpu(1)
        .begin_node("")
        .property_u32("#address-cells", 2)
        .property_u32("#size-cells", 2)
        .property_strings("compatible", {"acme,board", "acme,soc"})
        .begin_node("aliases")
        .property_string("serial0", "/soc/uart@1000")
        .property_string("gpio", "/soc/bridge@8000")
        .property_string("relative", "soc")
        .end_node()
        .begin_node("chosen")
        .property_string("bootargs", "console=ttyS0 debug")
        .property_string("stdout-path", "serial0:115200n8")
        .end_node()
        .begin_node("memory@80000000")
        .property_string("device_type", "memory")
        .property_cells("reg", cells64({0x80000000, 0x40000000}))
        .end_node()
        .begin_node("cpus")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 0)
        .begin_node("cpu@0")
        .property_string("device_type", "cpu")
        .property_u32("reg", 0)
        .property_string("status", "okay")
        .end_node()
        .begin_node("cpu@1")
        .property_string("device_type", "cpu")
        .property_u32("reg", 1)
        .property_string("status", "disabled")
        .end_node()
        .end_node()
        .begin_node("soc")
        .property_string("compatible", "simple-bus")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .property_cells("ranges", {0x0, 0x0, 0xf0000000, 0x100000})
        .begin_node("uart@1000")
        .property_string("compatible", "ns16550a")
        .property_cells("reg", {0x1000, 0x100})
        .end_node()
        .begin_node("bridge@8000")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .property_cells("ranges", {0x0, 0x8000, 0x1000})
        .property_cells("reg", {0x8000, 0x1000})
        .begin_node("gpio@20")
        .property_string("compatible", "acme,gpio")
        .property_cells("reg", {0x20, 0x10, 0x40, 0x10})
        .end_node()
        .end_node()
        .begin_node("isolated")
        .property_u32("#address-cells", 1)
        .property_u32("#size-cells", 1)
        .begin_node("timer@0")
        .property_string("compatible", "acme,timer")
        .property_cells("reg", {0x0, 0x4})
        .end_node()
        .end_node()
        .end_node()
        .end_node()
        .build();
}

class DeviceTreeTest : public ::testing::Test {
  protected:
    void SetUp() override {
        blob_ = sample_tree();
        auto tree = DeviceTree::from_blob(blob_.data(), blob_.size());
        ASSERT_FALSE(tree.is_error()) << to_string(tree.error());
        tree_ = tree.release_value();
    }

    Node node(const char* path) {
        auto node = tree_.find_node(path);
        EXPECT_FALSE(node.is_error()) << path;
        return node.is_error() ? Node() : node.value();
    }

    std::string path_of(const Node& node) {
        char buffer[128];
        size_t length = tree_.path_of(node, buffer, sizeof(buffer));
        EXPECT_EQ(length, std::strlen(buffer));
        return buffer;
    }

    Blob blob_;
    DeviceTree tree_;
};

TEST_F(DeviceTreeTest, ReadsTheHeader) {
    EXPECT_EQ(tree_.blob(), blob_.data());
    EXPECT_EQ(tree_.total_size(), blob_.size());
    EXPECT_EQ(tree_.version(), 17u);
    EXPECT_EQ(tree_.boot_cpu_id(), 1u);
}

TEST_F(DeviceTreeTest, ReadsTheMemoryReservationBlock) {
    ASSERT_EQ(tree_.reservation_count(), 2u);
    EXPECT_EQ(tree_.reservation(0).address, 0x80000000u);
    EXPECT_EQ(tree_.reservation(0).size, 0x10000u);
    EXPECT_EQ(tree_.reservation(1).address, 0xfff00000u);
    EXPECT_EQ(tree_.reservation(1).size, 0x1000u);
    EXPECT_EQ(tree_.reservation(2).size, 0u);  // past the end: empty
}

TEST_F(DeviceTreeTest, WalksAllNodesDepthFirstInBlobOrder) {
    std::vector<std::pair<std::string, uint32_t>> visited;
    tree_.for_each_node(
        [&](const Node& node) { visited.emplace_back(path_of(node), node.depth()); });
    std::vector<std::pair<std::string, uint32_t>> expected = {
        {"/", 0},
        {"/aliases", 1},
        {"/chosen", 1},
        {"/memory@80000000", 1},
        {"/cpus", 1},
        {"/cpus/cpu@0", 2},
        {"/cpus/cpu@1", 2},
        {"/soc", 1},
        {"/soc/uart@1000", 2},
        {"/soc/bridge@8000", 2},
        {"/soc/bridge@8000/gpio@20", 3},
        {"/soc/isolated", 2},
        {"/soc/isolated/timer@0", 3},
    };
    EXPECT_EQ(visited, expected);
}

TEST_F(DeviceTreeTest, VisitorsCanStopEarly) {
    int visited = 0;
    tree_.for_each_node([&](const Node& node) {
        ++visited;
        return node.is_named("memory") ? IterationDecision::kBreak : IterationDecision::kContinue;
    });
    EXPECT_EQ(visited, 4);

    int properties = 0;
    tree_.root().for_each_property([&](const Property&) {
        ++properties;
        return IterationDecision::kBreak;
    });
    EXPECT_EQ(properties, 1);
}

TEST_F(DeviceTreeTest, ListsPropertiesAndChildren) {
    std::vector<std::string> names;
    tree_.root().for_each_property(
        [&](const Property& property) { names.push_back(property.name()); });
    EXPECT_EQ(names, (std::vector<std::string>{"#address-cells", "#size-cells", "compatible"}));

    std::vector<std::string> children;
    node("/soc").for_each_child([&](const Node& child) { children.push_back(child.name()); });
    EXPECT_EQ(children, (std::vector<std::string>{"uart@1000", "bridge@8000", "isolated"}));
    node("/soc").for_each_child([&](const Node& child) { EXPECT_EQ(child.depth(), 2u); });
}

TEST_F(DeviceTreeTest, FindsNodesByPath) {
    EXPECT_EQ(node("/").depth(), 0u);
    EXPECT_STREQ(node("/").name(), "");
    EXPECT_STREQ(node("/cpus/cpu@1").name(), "cpu@1");
    // Components without a unit address match the node name before the '@'.
    EXPECT_STREQ(node("/memory").name(), "memory@80000000");
    EXPECT_STREQ(node("/soc/bridge/gpio").name(), "gpio@20");
    EXPECT_STREQ(node("//soc//uart@1000/").name(), "uart@1000");
    EXPECT_STREQ(node("/cpus/cpu").name(), "cpu@0");  // the first match

    EXPECT_EQ(tree_.find_node("/cpus/cpu@2").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("/cpus/cpu@").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("/cpus/cp").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("/memory@8000000").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("/nowhere/cpus").error(), Error::kNotFound);
}

TEST_F(DeviceTreeTest, FindsNodesThroughAliases) {
    EXPECT_STREQ(node("serial0").name(), "uart@1000");
    EXPECT_STREQ(node("gpio/gpio@20").name(), "gpio@20");
    // /chosen/stdout-path can be passed as it is, options and all.
    const char* stdout_path = node("/chosen").property("stdout-path").value().as_string().value();
    EXPECT_STREQ(node(stdout_path).name(), "uart@1000");
    EXPECT_STREQ(node("/soc/uart@1000:9600").name(), "uart@1000");

    EXPECT_EQ(tree_.find_node("serial1").error(), Error::kNotFound);
    EXPECT_EQ(tree_.find_node("serial").error(), Error::kNotFound);
    // Alias values must be full paths.
    EXPECT_EQ(tree_.find_node("relative").error(), Error::kNotFound);
}

TEST_F(DeviceTreeTest, MatchesNamesWithAndWithoutUnitAddress) {
    Node cpu = node("/cpus/cpu@0");
    EXPECT_TRUE(cpu.is_named("cpu"));
    EXPECT_TRUE(cpu.is_named("cpu@0"));
    EXPECT_FALSE(cpu.is_named("cpu@1"));
    EXPECT_FALSE(cpu.is_named("cpu@"));
    EXPECT_FALSE(cpu.is_named("cp"));
    EXPECT_FALSE(cpu.is_named("cpu@00"));
    EXPECT_TRUE(cpu.is_named("cpu@0xyz", 5));
    EXPECT_TRUE(node("/").is_named(""));
}

TEST_F(DeviceTreeTest, DecodesPropertyValues) {
    Node root = tree_.root();
    EXPECT_EQ(root.property("#address-cells").value().as_u32().value(), 2u);
    EXPECT_EQ(root.property("#address-cells").value().as_u64().value(), 2u);
    EXPECT_EQ(root.property("nonexistent").error(), Error::kNotFound);
    EXPECT_FALSE(root.has_property("nonexistent"));
    EXPECT_TRUE(root.has_property("compatible"));

    Property compatible = root.property("compatible").value();
    EXPECT_STREQ(compatible.as_string().value(), "acme,board");
    EXPECT_EQ(compatible.as_u32().error(), Error::kMalformed);
    EXPECT_EQ(compatible.strings().count(), 2u);
    EXPECT_TRUE(compatible.strings().contains("acme,soc"));
    EXPECT_FALSE(compatible.strings().contains("acme"));
    std::vector<std::string> strings;
    for (const char* string : compatible.strings())
        strings.push_back(string);
    EXPECT_EQ(strings, (std::vector<std::string>{"acme,board", "acme,soc"}));

    Property reg = node("/memory").property("reg").value();
    EXPECT_EQ(reg.size(), 16u);
    EXPECT_EQ(reg.as_u64().error(), Error::kMalformed);
    // Only the final NUL makes a string: <0x1> is not one, though <0x100> would be "".
    EXPECT_EQ(node("/cpus/cpu@1").property("reg").value().as_string().error(), Error::kMalformed);
}

TEST(PropertyTest, ReadsOneAndTwoCellNumbers) {
    const uint8_t eight[] = {0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0};
    Property wide("wide", Bytes(eight, 8));
    EXPECT_EQ(wide.as_u64().value(), 0x123456789abcdef0u);
    EXPECT_EQ(wide.as_u32().error(), Error::kMalformed);
    Property narrow("narrow", Bytes(eight, 4));
    EXPECT_EQ(narrow.as_u32().value(), 0x12345678u);
    EXPECT_EQ(narrow.as_u64().value(), 0x12345678u);
    Property odd("odd", Bytes(eight, 6));
    EXPECT_EQ(odd.as_u64().error(), Error::kMalformed);
    Property empty("empty", Bytes());
    EXPECT_TRUE(empty.is_empty());
    EXPECT_EQ(empty.as_string().error(), Error::kMalformed);
    EXPECT_EQ(empty.as_u32().error(), Error::kMalformed);
}

TEST(PropertyTest, StringListsNeverYieldAnUnterminatedTail) {
    const char text[] = {'a', 'b', '\0', '\0', 'c', '\0', 'd', 'e'};
    StringList list(Bytes(reinterpret_cast<const uint8_t*>(text), sizeof(text)));
    std::vector<std::string> strings;
    for (const char* string : list)
        strings.push_back(string);
    EXPECT_EQ(strings, (std::vector<std::string>{"ab", "", "c"}));
    EXPECT_FALSE(list.contains("de"));

    StringList unterminated(Bytes(reinterpret_cast<const uint8_t*>("xyz"), 3));
    EXPECT_EQ(unterminated.count(), 0u);
    EXPECT_EQ(StringList(Bytes()).count(), 0u);

    Property property("p", Bytes(reinterpret_cast<const uint8_t*>("xyz"), 3));
    EXPECT_EQ(property.as_string().error(), Error::kMalformed);
}

TEST(CellReaderTest, ReadsNumbersOfAnyWidthThatFit) {
    const uint8_t cells[] = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0xff, 0, 0, 0};
    CellReader reader(Bytes(cells, sizeof(cells)));
    EXPECT_EQ(reader.remaining(), 5u);
    EXPECT_EQ(reader.read(0).value(), 0u);
    EXPECT_EQ(reader.read(kMaxCells + 1).error(), Error::kUnsupported);
    EXPECT_EQ(reader.read(3).value(), 0x100000002u);  // a zero high cell fits
    EXPECT_EQ(reader.remaining(), 2u);
    EXPECT_EQ(reader.read(3).error(), Error::kOutOfRange);  // too few left: nothing consumed
    EXPECT_EQ(reader.read(2).value(), 0x3ff000000u);
    EXPECT_TRUE(reader.at_end());
    EXPECT_EQ(reader.read(1).error(), Error::kOutOfRange);

    CellReader wide(Bytes(cells + 4, 12));  // 1, 2, 3: does not fit in 64 bits
    EXPECT_EQ(wide.read(3).error(), Error::kOutOfRange);
    EXPECT_EQ(wide.remaining(), 3u);

    CellReader ragged(Bytes(cells, 7));  // a trailing partial cell is not a cell
    EXPECT_EQ(ragged.remaining(), 1u);
}

TEST_F(DeviceTreeTest, ReadsRegWithTheParentsCellFormat) {
    Node memory = node("/memory");
    EXPECT_EQ(memory.reg_format().address_cells, 2u);
    EXPECT_EQ(memory.reg_format().size_cells, 2u);
    ASSERT_EQ(memory.reg_count().value(), 1u);
    EXPECT_EQ(memory.reg(0).value().address, 0x80000000u);
    EXPECT_EQ(memory.reg(0).value().size, 0x40000000u);
    EXPECT_EQ(memory.reg(1).error(), Error::kNotFound);

    Node cpu = node("/cpus/cpu@1");  // #size-cells = <0>: addresses only
    EXPECT_EQ(cpu.reg(0).value().address, 1u);
    EXPECT_EQ(cpu.reg(0).value().size, 0u);

    Node gpio = node("/soc/bridge/gpio");
    ASSERT_EQ(gpio.reg_count().value(), 2u);
    EXPECT_EQ(gpio.reg(1).value().address, 0x40u);
    EXPECT_EQ(gpio.reg(1).value().size, 0x10u);

    EXPECT_EQ(node("/chosen").reg(0).error(), Error::kNotFound);
}

TEST_F(DeviceTreeTest, DefaultsCellFormatsAsTheSpecificationSays) {
    CellFormat format = node("/chosen").child_format();
    EXPECT_EQ(format.address_cells, 2u);
    EXPECT_EQ(format.size_cells, 1u);
    EXPECT_EQ(tree_.root().reg_format().address_cells, 2u);
    EXPECT_EQ(tree_.root().reg_format().size_cells, 1u);
    EXPECT_EQ(node("/cpus").child_format().size_cells, 0u);
}

TEST_F(DeviceTreeTest, ReadsStatusAndCompatible) {
    EXPECT_TRUE(node("/cpus/cpu@0").is_enabled());   // "okay"
    EXPECT_FALSE(node("/cpus/cpu@1").is_enabled());  // "disabled"
    EXPECT_TRUE(node("/soc").is_enabled());          // no status
    EXPECT_TRUE(node("/soc").is_compatible("simple-bus"));
    EXPECT_FALSE(node("/soc").is_compatible("simple"));
    EXPECT_FALSE(node("/chosen").is_compatible("simple-bus"));

    EXPECT_STREQ(tree_.find_compatible_node("acme,gpio").value().name(), "gpio@20");
    EXPECT_EQ(tree_.find_compatible_node("acme,nothing").error(), Error::kNotFound);
}

TEST_F(DeviceTreeTest, TranslatesAddressesThroughRanges) {
    // Root children are already in the CPU's address space.
    EXPECT_EQ(tree_.translate_address(node("/memory"), 0x80000000).value(), 0x80000000u);
    // One level of ranges: soc's 0x0 is the CPU's 0xf0000000.
    EXPECT_EQ(tree_.translate_address(node("/soc/uart"), 0x1000).value(), 0xf0001000u);
    // Two levels: bridge's 0x20 is soc's 0x8020.
    EXPECT_EQ(tree_.translate_address(node("/soc/bridge/gpio"), 0x20).value(), 0xf0008020u);
    // Outside the bridge's window.
    EXPECT_EQ(tree_.translate_address(node("/soc/bridge/gpio"), 0x1000).error(), Error::kNotFound);
    // A bus without ranges maps nothing to its parent.
    EXPECT_EQ(tree_.translate_address(node("/soc/isolated/timer"), 0).error(), Error::kNotFound);
}

TEST_F(DeviceTreeTest, WritesPathsAndReportsTruncation) {
    EXPECT_EQ(path_of(tree_.root()), "/");
    EXPECT_EQ(path_of(node("serial0")), "/soc/uart@1000");

    char small[8];
    EXPECT_EQ(tree_.path_of(node("serial0"), small, sizeof(small)), 14u);
    EXPECT_STREQ(small, "/soc/ua");
    EXPECT_EQ(tree_.path_of(node("serial0"), nullptr, 0), 14u);
}

TEST(DeviceTreeVersionTest, ReadsVersion16WhichHasNoStructureSize) {
    Blob blob = DtbBuilder()
                    .version(16, 16)
                    .begin_node("")
                    .property_string("model", "old")
                    .begin_node("child")
                    .end_node()
                    .end_node()
                    .build();
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    ASSERT_FALSE(tree.is_error()) << to_string(tree.error());
    EXPECT_EQ(tree.value().version(), 16u);
    EXPECT_STREQ(tree.value().root().property("model").value().as_string().value(), "old");
    EXPECT_FALSE(tree.value().find_node("/child").is_error());
}

TEST(DeviceTreeVersionTest, ReadsNewerVersionsThatStayCompatible) {
    Blob blob = DtbBuilder().version(18, 17).begin_node("").end_node().build();
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    ASSERT_FALSE(tree.is_error());
    EXPECT_EQ(tree.value().version(), 18u);
}

TEST(DeviceTreeNopTest, SkipsNopTokensEverywhereButFirst) {
    Blob blob = DtbBuilder()
                    .begin_node("")
                    .nop()
                    .property_u32("a", 1)
                    .nop()
                    .begin_node("child")
                    .nop()
                    .end_node()
                    .nop()
                    .end_node()
                    .nop()
                    .build();
    auto tree = DeviceTree::from_blob(blob.data(), blob.size());
    ASSERT_FALSE(tree.is_error()) << to_string(tree.error());
    EXPECT_EQ(tree.value().root().property("a").value().as_u32().value(), 1u);
    EXPECT_FALSE(tree.value().find_node("/child").is_error());
}

TEST(DeviceTreeLayoutTest, ReadsABlobAtAnUnalignedAddress) {
    Blob blob = sample_tree();
    std::vector<uint8_t> storage(blob.size() + 3);
    std::copy(blob.begin(), blob.end(), storage.begin() + 3);
    auto tree = DeviceTree::from_blob(storage.data() + 3, blob.size());
    ASSERT_FALSE(tree.is_error());
    EXPECT_EQ(tree.value().find_node("/memory").value().reg(0).value().size, 0x40000000u);
}

TEST(DeviceTreeLayoutTest, AcceptsBlobsSmallerThanTheBuffer) {
    Blob blob = sample_tree();
    blob.resize(blob.size() + 4096, 0xee);
    EXPECT_FALSE(DeviceTree::from_blob(blob.data(), blob.size()).is_error());
}

TEST(DeviceTreeDefaultTest, ADefaultTreeAndNodeAreEmpty) {
    DeviceTree tree;
    int nodes = 0;
    tree.for_each_node([&](const Node&) { ++nodes; });
    EXPECT_EQ(nodes, 0);
    EXPECT_EQ(tree.find_node("/chosen").error(), Error::kNotFound);
    Node node;
    EXPECT_STREQ(node.name(), "");
    EXPECT_EQ(node.property("x").error(), Error::kNotFound);
}

}  // namespace
}  // namespace os::fdt
