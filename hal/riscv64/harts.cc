#include "hal/riscv64/harts.h"

#include "hal/riscv64/boot_platform.h"
#include "kernel/lib/string.h"

namespace hal::riscv64 {
namespace {

using os::fdt::Node;

// Filled on first use, by the boot hart, before any other hart runs.
struct HartTable {
    bool read = false;
    uint32_t count = 0;
    uint64_t hart_ids[hal::kMaxCpus] = {};
};

constinit HartTable harts;

bool is_cpu_node(const Node& node) {
    auto device_type = node.property("device_type");
    if (device_type.is_error()) return false;
    auto type = device_type.value().as_string();
    return !type.is_error() && os::string_equal(type.value(), "cpu") && node.is_enabled();
}

os::ErrorOr<uint64_t> hart_id_of(const Node& cpu) {
    return TRY(cpu.reg(0)).address;
}

void read_hart_table() {
    harts.read = true;
    harts.count = 1;
    harts.hart_ids[0] = boot_hart_id();
    auto cpus = boot_device_tree().find_node("/cpus");
    if (cpus.is_error()) return;
    cpus.value().for_each_child([](const Node& cpu) {
        if (!is_cpu_node(cpu) || harts.count == hal::kMaxCpus) return;
        auto hart_id = hart_id_of(cpu);
        if (hart_id.is_error() || hart_id.value() == boot_hart_id()) return;
        harts.hart_ids[harts.count++] = hart_id.value();
    });
}

// Whether the ISA string `isa` ("rv64imafdch_zicsr_..._sstc") names the
// multi-letter extension `name`: one of its '_'-separated parts after the
// single-letter base.
bool isa_string_lists(const char* isa, const char* name) {
    size_t length = os::string_length(name);
    const char* part = isa;
    while (*part != '\0') {
        const char* end = part;
        while (*end != '\0' && *end != '_')
            ++end;
        if (static_cast<size_t>(end - part) == length) {
            bool same = true;
            for (size_t i = 0; i < length && same; ++i)
                same = (part[i] | 0x20) == (name[i] | 0x20);  // ISA strings may be upper case
            if (same) return true;
        }
        part = *end == '_' ? end + 1 : end;
    }
    return false;
}

}  // namespace

bool hart_of_cpu(uint32_t cpu, uint64_t* hart_id) {
    if (!harts.read) read_hart_table();
    if (cpu >= harts.count) return false;
    *hart_id = harts.hart_ids[cpu];
    return true;
}

uint32_t cpu_count() {
    if (!harts.read) read_hart_table();
    return harts.count;
}

os::ErrorOr<Node> boot_hart_node() {
    return hart_node(boot_hart_id());
}

os::ErrorOr<Node> hart_node(uint64_t wanted_hart_id) {
    Node cpus = TRY(boot_device_tree().find_node("/cpus"));
    Node found;
    bool present = false;
    cpus.for_each_child([&](const Node& cpu) {
        if (!is_cpu_node(cpu)) return os::fdt::IterationDecision::kContinue;
        auto hart_id = hart_id_of(cpu);
        if (hart_id.is_error() || hart_id.value() != wanted_hart_id)
            return os::fdt::IterationDecision::kContinue;
        found = cpu;
        present = true;
        return os::fdt::IterationDecision::kBreak;
    });
    if (!present) return os::Error::kNotFound;
    return found;
}

os::ErrorOr<uint32_t> boot_hart_interrupt_controller() {
    return hart_interrupt_controller(boot_hart_id());
}

os::ErrorOr<uint32_t> hart_interrupt_controller(uint64_t hart_id) {
    Node cpu = TRY(hart_node(hart_id));
    Node controller;
    bool present = false;
    cpu.for_each_child([&](const Node& child) {
        if (!child.is_compatible("riscv,cpu-intc")) return os::fdt::IterationDecision::kContinue;
        controller = child;
        present = true;
        return os::fdt::IterationDecision::kBreak;
    });
    if (!present) return os::Error::kNotFound;
    return TRY(TRY(controller.property("phandle")).as_u32());
}

os::ErrorOr<uint64_t> timebase_frequency() {
    Node cpus = TRY(boot_device_tree().find_node("/cpus"));
    // The specification allows it on /cpus (common to all harts) or per cpu.
    Node holder = cpus.has_property("timebase-frequency") ? cpus : TRY(boot_hart_node());
    uint64_t frequency = TRY(TRY(holder.property("timebase-frequency")).as_u64());
    if (frequency == 0) return os::Error::kMalformed;
    return frequency;
}

bool boot_hart_has_extension(const char* name) {
    auto cpu = boot_hart_node();
    if (cpu.is_error()) return false;
    // The newer binding: one string per extension.
    if (auto extensions = cpu.value().property("riscv,isa-extensions"); !extensions.is_error()) {
        if (extensions.value().strings().contains(name)) return true;
    }
    auto isa = cpu.value().property("riscv,isa");
    if (isa.is_error()) return false;
    auto text = isa.value().as_string();
    return !text.is_error() && isa_string_lists(text.value(), name);
}

os::ErrorOr<Node> node_with_phandle(uint32_t phandle) {
    Node found;
    bool present = false;
    boot_device_tree().for_each_node([&](const Node& node) {
        auto value = node.property("phandle");
        if (value.is_error() || value.value().as_u32().is_error() ||
            value.value().as_u32().value() != phandle)
            return os::fdt::IterationDecision::kContinue;
        found = node;
        present = true;
        return os::fdt::IterationDecision::kBreak;
    });
    if (!present) return os::Error::kNotFound;
    return found;
}

}  // namespace hal::riscv64
