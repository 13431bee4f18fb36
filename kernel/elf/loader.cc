#include "kernel/elf/loader.h"

#include "cairn/syscalls.h"
#include "hal/elf_machine.h"
#include "hal/mm.h"
#include "kernel/lib/string.h"
#include "kernel/mm/vm/address_space.h"

namespace kernel::elf {

namespace {

constexpr uint64_t kPage = hal::mm::kPageSize;

uint64_t page_down(uint64_t address) {
    return address & ~(kPage - 1);
}
uint64_t page_up(uint64_t address) {
    return (address + kPage - 1) & ~(kPage - 1);
}

mm::Permissions permissions_of(const Segment& segment) {
    mm::Permissions permissions;
    // Write-only and execute-only cannot be expressed on every MMU (see
    // region.h): any access right implies read.
    permissions.read = segment.read || segment.write || segment.execute;
    permissions.write = segment.write;
    permissions.execute = segment.execute;
    return permissions;
}

mm::MapRequest anonymous(uint64_t start, uint64_t length, mm::Permissions permissions) {
    mm::MapRequest request;
    request.type = mm::RegionType::kAnonymous;
    request.address = start;
    request.length = length;
    request.permissions = permissions;
    request.fixed = true;
    return request;
}

constexpr mm::Permissions kReadWrite{true, true, false};

}  // namespace

Limits machine_limits() {
    Limits limits;
    limits.machine = hal::kElfMachine;
    limits.user_start = kPage;
    // Leave the stack's place at the top free for it.
    limits.user_end = hal::mm::user_space_end() - kStackTopGap - kStackSize - kStackGuardSize;
    limits.page_size = kPage;
    return limits;
}

os::ErrorOr<void> write_into(mm::AddressSpace& space, uint64_t address, const void* data,
                             size_t length) {
    const auto* from = static_cast<const unsigned char*>(data);
    while (length > 0) {
        size_t chunk = kPage - (address & (kPage - 1));
        if (chunk > length) chunk = length;
        hal::mm::PageFault fault;
        fault.address = address;
        fault.access = hal::mm::Access::kWrite;
        fault.from_user = false;
        mm::PageTable::Translation translation;
        // Resolve first: an entry may exist read-only (shared zero page,
        // copy-on-write) and must become this space's own writable frame.
        // A page or table the space's quota cannot pay for: kQuotaExceeded.
        TRY(space.fault_in(fault));
        if (!space.translate(address, &translation) || !translation.attributes.writable) {
            return os::Error::kBadAddress;
        }
        void* to = hal::mm::physical_to_virtual(translation.physical);
        if (to == nullptr) return os::Error::kBadAddress;
        __builtin_memcpy(to, from, chunk);
        address += chunk;
        from += chunk;
        length -= chunk;
    }
    return {};
}

os::ErrorOr<void> load_segments(const Image& image, os::Bytes file, mm::AddressSpace& space) {
    for (size_t i = 0; i < image.segment_count; ++i) {
        const Segment& segment = image.segments[i];
        uint64_t start = page_down(segment.address);
        uint64_t length = page_up(segment.address + segment.memory_size) - start;
        mm::Permissions final_permissions = permissions_of(segment);
        TRY(space.map(anonymous(start, length, kReadWrite)));
        // The rest up to memsz (bss) stays zero: anonymous pages are.
        if (segment.file_size > 0) {
            TRY(write_into(space, segment.address, file.data() + segment.file_offset,
                           segment.file_size));
        }
        if (!(final_permissions == kReadWrite))
            TRY(space.protect(start, length, final_permissions));
    }
    return {};
}

os::ErrorOr<MainStack> build_main_stack(mm::AddressSpace& space, const StackRequest& request) {
    MainStack stack;
    uint64_t top = hal::mm::user_space_end() - kStackTopGap;
    stack.base = top - kStackSize;
    stack.size = kStackSize;

    mm::MapRequest guard;
    guard.type = mm::RegionType::kReserved;
    guard.address = stack.base - kStackGuardSize;
    guard.length = kStackGuardSize;
    guard.fixed = true;
    TRY(space.map(guard));
    TRY(space.map(anonymous(stack.base, kStackSize, kReadWrite)));

    // From the top down: the two strings, then the StartInfo (16-aligned),
    // then the stack proper.
    size_t program_length = os::string_length(request.program) + 1;
    size_t argument_length = os::string_length(request.argument) + 1;
    if (program_length + argument_length > kStackSize / 4) return os::Error::kInvalidArgument;
    uint64_t program = top - program_length;
    uint64_t argument = program - argument_length;
    TRY(write_into(space, program, request.program, program_length));
    TRY(write_into(space, argument, request.argument, argument_length));

    cairn::StartInfo info{};
    info.version = cairn::kStartInfoVersion;
    info.process_id = request.process_id;
    info.thread_id = request.thread_id;
    info.program = reinterpret_cast<const char*>(program);
    info.argument = reinterpret_cast<const char*>(argument);
    info.stack_base = stack.base;
    info.stack_size = stack.size;
    info.page_size = kPage;
    stack.start_info = (argument - sizeof(info)) & ~uint64_t{15};
    TRY(write_into(space, stack.start_info, &info, sizeof(info)));
    stack.stack_pointer = stack.start_info;  // already 16-byte aligned
    return stack;
}

os::ErrorOr<void> patch_thread_id(mm::AddressSpace& space, const MainStack& stack,
                                  uint64_t thread_id) {
    return write_into(space, stack.start_info + offsetof(cairn::StartInfo, thread_id), &thread_id,
                      sizeof(thread_id));
}

}  // namespace kernel::elf
