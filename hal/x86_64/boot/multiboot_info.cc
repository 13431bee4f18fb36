#include "hal/x86_64/boot/multiboot_info.h"

#include <stddef.h>
#include <stdint.h>

#include "hal/x86_64/memory_layout.h"
#include "kernel/debug/print.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/lib/utility.h"

// The kernel image in memory, .bss included (linker.ld).
extern "C" const char __kernel_start[];
extern "C" const char __kernel_end[];

namespace hal::x86_64 {
namespace {

constexpr uint64_t kPageSize = 4096;
constexpr size_t kCommandLineCapacity = 4096;
// How far to look for the NUL of a loader string before calling it unterminated.
constexpr size_t kMaxLoaderString = 64 * 1024;

// BootInfo points into these: the loader's memory is not the kernel's to keep.
char command_line[kCommandLineCapacity];
char boot_protocol[96];

// A NUL-terminated string the loader left in physical memory.
struct LoaderString {
    const char* text = nullptr;  // nullptr: out of reach of the direct map
    size_t length = 0;
    bool terminated = false;  // false: unreachable, or no NUL within the search limit
};

LoaderString find_loader_string(uint64_t address) {
    if (address >= kEarlyDirectMapSize) return {};
    size_t limit = os::min<uint64_t>(kMaxLoaderString, kEarlyDirectMapSize - address);
    const auto* text = static_cast<const char*>(direct_map(address, limit));
    if (text == nullptr) return {};
    size_t length = os::string_length_bounded(text, limit);
    return {.text = text, .length = length, .terminated = length < limit};
}

// Marks [base, base + size) as `kind`. Whole pages: the page allocator will
// hand out pages, and a page partly holding boot data is a page in use.
void reserve(os::MemoryMap& map, uint64_t base, uint64_t size, os::MemoryKind kind,
             const char* what) {
    if (size == 0) return;
    uint64_t start = os::align_down(base, kPageSize);
    uint64_t end = os::align_up(base + size, kPageSize);
    auto result = map.reserve(start, end - start, kind);
    if (result.is_error()) {
        kernel::print("multiboot: could not reserve %s at 0x%llx-0x%llx: %s\n", what,
                      static_cast<unsigned long long>(start), static_cast<unsigned long long>(end),
                      os::to_string(result.error()));
    }
}

void reserve_string(os::MemoryMap& map, uint64_t address, const LoaderString& string,
                    const char* what) {
    if (string.text != nullptr) {
        reserve(map, address, string.length + 1, os::MemoryKind::kFirmwareData, what);
    }
}

os::Span<const multiboot::Module> find_modules(const multiboot::Info& info) {
    if (!(info.flags & multiboot::kHasModules) || info.module_count == 0) return {};
    uint64_t size = uint64_t{info.module_count} * sizeof(multiboot::Module);
    const void* modules = direct_map(info.modules, size);
    if (modules == nullptr) {
        kernel::print("multiboot: module list at 0x%x (%u modules) is out of reach\n", info.modules,
                      info.module_count);
        return {};
    }
    return {static_cast<const multiboot::Module*>(modules), info.module_count};
}

// The boot archive is module 0; other modules are reported and left unused.
os::Bytes find_boot_archive(os::Span<const multiboot::Module> modules) {
    if (modules.empty()) return {};
    if (modules.size() > 1) {
        kernel::print("multiboot: %zu modules given; only the first (the boot archive) is used\n",
                      modules.size());
    }
    const multiboot::Module& archive = modules[0];
    if (archive.end < archive.start) {
        kernel::print("multiboot: module 0 ends (0x%x) before it starts (0x%x); no boot archive\n",
                      archive.end, archive.start);
        return {};
    }
    uint32_t size = archive.end - archive.start;
    const void* bytes = direct_map(archive.start, size);
    if (bytes == nullptr) return {};  // unreachable: 32-bit addresses are all mapped
    return {static_cast<const unsigned char*>(bytes), size};
}

// The boot loader's name, or nullptr if it gave none (or none readable).
const char* read_loader_name(const multiboot::Info& info, os::MemoryMap& map) {
    if (!(info.flags & multiboot::kHasLoaderName)) return nullptr;
    LoaderString name = find_loader_string(info.boot_loader_name);
    reserve_string(map, info.boot_loader_name, name, "the boot loader name");
    return name.terminated ? name.text : nullptr;
}

// QEMU's multiboot loader puts the kernel's file name in front of the
// command line, like argv[0] (GRUB 2 does not); the kernel's command line is
// what follows it.
const char* skip_file_name(const char* loader_name, const char* text) {
    if (loader_name == nullptr || !os::starts_with(loader_name, "qemu")) return text;
    while (*text == ' ')
        ++text;
    while (*text != ' ' && *text != '\0')
        ++text;
    while (*text == ' ')
        ++text;
    return text;
}

const char* read_command_line(const multiboot::Info& info, const char* loader_name,
                              os::MemoryMap& map) {
    if (!(info.flags & multiboot::kHasCommandLine)) return "";
    LoaderString line = find_loader_string(info.command_line);
    reserve_string(map, info.command_line, line, "the command line");
    if (!line.terminated) {
        kernel::print("multiboot: command line at 0x%x is %s; ignoring it\n", info.command_line,
                      line.text == nullptr ? "out of reach" : "not terminated");
        return "";
    }
    size_t length = os::format(command_line, sizeof(command_line), "%s",
                               skip_file_name(loader_name, line.text));
    if (length >= sizeof(command_line)) {
        kernel::print("multiboot: command line truncated to %zu bytes\n", sizeof(command_line) - 1);
    }
    return command_line;
}

}  // namespace

void read_multiboot_info(uint32_t info_address, BootInfo& boot_info) {
    const auto* info =
        static_cast<const multiboot::Info*>(direct_map(info_address, sizeof(multiboot::Info)));
    if (info == nullptr) {
        kernel::print("multiboot: information structure at 0x%x is out of reach\n", info_address);
        boot_info.boot_protocol = "multiboot (unreadable information)";
        return;
    }
    os::MemoryMap& map = boot_info.memory_map;
    add_firmware_memory_map(*info, map);

    // Reservations go from the most to the least specific kind: reserve()
    // only claims usable bytes, so a page that holds both the end of the
    // kernel and loader data stays kKernel.
    auto kernel_start = reinterpret_cast<uintptr_t>(__kernel_start);
    auto kernel_end = reinterpret_cast<uintptr_t>(__kernel_end);
    reserve(map, kernel_physical_address(__kernel_start), kernel_end - kernel_start,
            os::MemoryKind::kKernel, "the kernel image");

    os::Span<const multiboot::Module> modules = find_modules(*info);
    boot_info.boot_archive = find_boot_archive(modules);
    if (!boot_info.boot_archive.empty()) {
        reserve(map, modules[0].start, boot_info.boot_archive.size(), os::MemoryKind::kBootArchive,
                "the boot archive");
    }

    reserve(map, info_address, sizeof(multiboot::Info), os::MemoryKind::kFirmwareData,
            "the multiboot information");
    if (info->flags & multiboot::kHasMemoryMap) {
        reserve(map, info->memory_map, info->memory_map_length, os::MemoryKind::kFirmwareData,
                "the loader's memory map");
    }
    reserve(map, info->modules, modules.size() * sizeof(multiboot::Module),
            os::MemoryKind::kFirmwareData, "the module list");
    for (const multiboot::Module& module : modules) {
        if (module.string == 0) continue;
        reserve_string(map, module.string, find_loader_string(module.string), "a module name");
    }

    const char* loader_name = read_loader_name(*info, map);
    // A very long name is truncated to the buffer; the banner needs no more.
    os::format(boot_protocol, sizeof(boot_protocol), "multiboot (%s)",
               loader_name != nullptr ? loader_name : "unknown loader");
    boot_info.boot_protocol = boot_protocol;
    boot_info.command_line = read_command_line(*info, loader_name, map);
}

}  // namespace hal::x86_64
