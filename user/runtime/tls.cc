// Static TLS: the program's PT_TLS segment, found through the ELF header the
// linker maps with the program (__ehdr_start), and the main thread's copy.
#include <stdint.h>

#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "user/runtime/internal.h"

// lld defines __ehdr_start at the ELF header when a load segment contains it
// (the default layout); weak so that a layout without it degrades to "no
// TLS" instead of a link error.
extern "C" [[gnu::weak, gnu::visibility("hidden")]] const char __ehdr_start[];

namespace {

struct ElfHeader {
    unsigned char ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint64_t entry;
    uint64_t program_header_offset;
    uint64_t section_header_offset;
    uint32_t flags;
    uint16_t header_size;
    uint16_t program_header_size;
    uint16_t program_header_count;
    uint16_t section_header_size;
    uint16_t section_header_count;
    uint16_t section_name_index;
};

struct ProgramHeader {
    uint32_t type;
    uint32_t flags;
    uint64_t offset;
    uint64_t address;
    uint64_t physical_address;
    uint64_t file_size;
    uint64_t memory_size;
    uint64_t alignment;
};

constexpr uint32_t kProgramHeaderTls = 7;  // PT_TLS

cairn::runtime::TlsImage g_image;
cairn::runtime::TlsLayout g_layout;
bool g_tls_ready = false;

// Identifies threads: every thread's copy lives at a different address.
thread_local char t_identity;

cairn::runtime::TlsImage find_tls_image() {
    const auto* header = reinterpret_cast<const ElfHeader*>(__ehdr_start);
    cairn::runtime::TlsImage image;
    if (header == nullptr) return image;
    const auto* headers = reinterpret_cast<const ProgramHeader*>(
        reinterpret_cast<uintptr_t>(header) + header->program_header_offset);
    for (uint16_t i = 0; i < header->program_header_count; ++i) {
        const ProgramHeader& segment = headers[i];
        if (segment.type != kProgramHeaderTls) continue;
        image.address = segment.address;
        image.file_size = segment.file_size;
        image.memory_size = segment.memory_size;
        image.alignment = segment.alignment;
    }
    return image;
}

}  // namespace

namespace cairn::runtime {

const TlsImage& tls_image() {
    return g_image;
}

const TlsLayout& tls_layout() {
    return g_layout;
}

bool tls_ready() {
    return g_tls_ready;
}

uintptr_t thread_identity() {
    return reinterpret_cast<uintptr_t>(&t_identity);
}

void set_up_main_thread_tls() {
    g_image = find_tls_image();
    g_layout = compute_tls_layout(g_image, kTlsVariant);
    if (g_layout.size == 0) die("runtime", "malformed PT_TLS segment", 127);

    // Anonymous memory is page-aligned; ask for slack when the block needs
    // more than that.
    const size_t page = page_size();
    const size_t slack = g_layout.alignment > page ? g_layout.alignment : 0;
    const size_t length = align_up(g_layout.size + slack, page);
    const Result mapped = sys::as_map(0, 0, length, kMapRead | kMapWrite);
    if (!mapped) die("runtime", "cannot map the main thread's TLS block", 127);
    void* area = reinterpret_cast<void*>(align_up(mapped.value(), g_layout.alignment));
    const uintptr_t thread_pointer = initialize_tls_area(area, g_layout, g_image);
    if (!sys::thread_set_pointer(thread_pointer)) {
        die("runtime", "thread_set_pointer failed", 127);
    }
    g_tls_ready = true;
}

}  // namespace cairn::runtime
