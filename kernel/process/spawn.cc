// Starting programs from the boot archive: ELF validation and loading
// (kernel/elf), a new address space, the main thread, all paid for by the
// child's memory quota before any of it is made (process.h).
#include "cairn/capability.h"
#include "cairn/syscalls.h"
#include "hal/mm.h"
#include "kernel/cap/capability_space.h"
#include "kernel/debug/print.h"
#include "kernel/elf/elf_image.h"
#include "kernel/elf/loader.h"
#include "kernel/lib/cpio.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/vm/address_space.h"
#include "kernel/object/quota.h"
#include "kernel/process/internal.h"

namespace kernel::process {

namespace {

os::Bytes boot_archive;  // set once at boot, read-only afterwards

// Also every other file of the archive (boot_file).
os::ErrorOr<os::Bytes> find_program(const char* path) {
    if (boot_archive.empty()) return os::Error::kNotFound;
    auto archive = os::cpio::Archive::open(boot_archive);
    if (archive.is_error()) return os::Error::kNotFound;
    auto entry = archive.value().find(path);
    if (entry.is_error() || !entry.value().is_regular_file()) return os::Error::kNotFound;
    return entry.value().data;
}

constexpr uint64_t kPage = hal::mm::kPageSize;
static_assert(kPage == 4096, "abi/cairn/capability.h prices pages of 4 KiB");

os::ErrorOr<void> parse(const char* path, os::Bytes file, elf::Image* image) {
    elf::ElfError error = elf::parse(file, elf::machine_limits(), image);
    if (error != elf::ElfError::kOk) {
        print("process: cannot run %s: %s\n", path, elf::to_string(error));
        return elf::to_os_error(error);
    }
    return {};
}

// Loads the program into `space` and builds the main stack.
os::ErrorOr<elf::MainStack> load(const char* path, const elf::Image& image, os::Bytes file,
                                 const char* argument, ProcessId id, mm::AddressSpace& space,
                                 uint64_t* entry) {
    TRY(elf::load_segments(image, file, space));
    elf::StackRequest request;
    request.program = path;
    request.argument = argument;
    request.process_id = id;
    *entry = image.entry;
    return elf::build_main_stack(space, request);
}

}  // namespace

void internal::set_boot_archive(os::Bytes archive) {
    boot_archive = archive;
}

os::ErrorOr<os::Bytes> boot_file(const char* path) {
    return find_program(path);
}

os::ErrorOr<ProcessId> spawn(const char* path, const char* argument, ProcessId parent,
                             object::Quota* quota, const SpawnPreparation* preparation) {
    os::Bytes file = TRY(find_program(path));
    elf::Image image;
    TRY(parse(path, file, &image));
    TRY(internal::start_reaper());
    // Paid for before anything is made; each charge goes back on any error
    // until its owner takes it over (the Process, the main thread).
    const uint64_t space_charge = cairn::kAddressSpaceCost;
    object::ScopedCharge process_charge =
        TRY(object::ScopedCharge::take(quota, cairn::kProcessCost + space_charge));
    object::ScopedCharge thread_charge = TRY(object::ScopedCharge::take(quota, cairn::kThreadCost));
    // The space charges the pages and tables the loader fills to the quota
    // as it goes (kQuotaExceeded when it cannot pay); as_destroy refunds
    // them. Loaded before the id is taken, so a refused spawn uses none:
    // the StartInfo gets the id afterwards, on a page present already.
    mm::AddressSpace* space = TRY(mm::as_create(quota));
    uint64_t entry = 0;
    auto stack = load(path, image, file, argument, 0, *space, &entry);
    if (stack.is_error()) {
        mm::as_destroy(space);
        return stack.error();
    }
    ProcessId id;
    {
        SpinLockGuard guard(internal::table_lock);
        id = internal::next_id++;
    }
    const uint64_t id_field = stack.value().start_info + offsetof(cairn::StartInfo, process_id);
    auto patched = elf::write_into(*space, id_field, &id, sizeof(id));
    if (patched.is_error()) {  // not expected: the StartInfo's page is present and writable
        mm::as_destroy(space);
        return patched.error();
    }

    auto capabilities = cap::CapabilitySpace::create(cairn::kCapabilitySlots, quota);
    if (capabilities.is_error()) {
        mm::as_destroy(space);
        return capabilities.error();
    }
    void* memory = kmalloc(sizeof(Process));
    if (memory == nullptr) {
        capabilities.value()->destroy();
        mm::as_destroy(space);
        return os::Error::kOutOfMemory;
    }
    auto* process =
        new (memory) Process(id, parent, path, space, capabilities.value(), quota, space_charge);
    process_charge.keep();  // refunded by the process (release(), destroy_own_space())
    if (preparation != nullptr && preparation->prepare != nullptr) {
        auto prepared = preparation->prepare(*process, preparation->context);
        if (prepared.is_error()) {
            // Not in the table yet, no thread: the last reference frees the
            // process and its capability space (which deletes what was put
            // there).
            process->abandon();
            return prepared.error();
        }
    }
    {
        SpinLockGuard guard(internal::table_lock);
        internal::table.push_back(process->table_link.node);
        ++internal::table_count;
    }

    ThreadRequest request;
    request.entry.pc = entry;
    request.entry.stack_pointer = stack.value().stack_pointer;
    request.entry.argument0 = stack.value().start_info;
    request.start_info = stack.value().start_info;
    request.charged = true;
    thread_charge.keep();  // create_thread's now, also on its errors
    auto thread = process->create_thread(request);
    if (thread.is_error()) {
        // No thread ever ran: undo by hand (the reaper never sees it).
        {
            SpinLockGuard guard(internal::table_lock);
            process->table_link.unlink();
            --internal::table_count;
        }
        process->abandon();
        return thread.error();
    }
    return id;
}

}  // namespace kernel::process
