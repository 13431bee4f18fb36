// Starting programs from the boot archive: ELF validation and loading
// (kernel/elf), a new address space, the main thread.
#include "cairn/syscalls.h"
#include "kernel/cap/capability_space.h"
#include "kernel/debug/print.h"
#include "kernel/elf/elf_image.h"
#include "kernel/elf/loader.h"
#include "kernel/lib/cpio.h"
#include "kernel/mm/heap/kmalloc.h"
#include "kernel/mm/vm/address_space.h"
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

// Loads the program into `space` and builds the main stack.
os::ErrorOr<elf::MainStack> load(const char* path, os::Bytes file, const char* argument,
                                 ProcessId id, mm::AddressSpace& space, uint64_t* entry) {
    elf::Image image;
    elf::ElfError error = elf::parse(file, elf::machine_limits(), &image);
    if (error != elf::ElfError::kOk) {
        print("process: cannot run %s: %s\n", path, elf::to_string(error));
        return elf::to_os_error(error);
    }
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
                             const SpawnPreparation* preparation) {
    os::Bytes file = TRY(find_program(path));
    TRY(internal::start_reaper());
    ProcessId id;
    {
        SpinLockGuard guard(internal::table_lock);
        id = internal::next_id++;
    }
    mm::AddressSpace* space = TRY(mm::as_create());
    uint64_t entry = 0;
    auto stack = load(path, file, argument, id, *space, &entry);
    if (stack.is_error()) {
        mm::as_destroy(space);
        return stack.error();
    }

    auto capabilities = cap::CapabilitySpace::create(cairn::kCapabilitySlots);
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
    auto* process = new (memory) Process(id, parent, path, space, capabilities.value());
    if (preparation != nullptr && preparation->prepare != nullptr) {
        auto prepared = preparation->prepare(*process, preparation->context);
        if (prepared.is_error()) {
            // Not in the table yet, no thread: the last reference frees the
            // process and its capability space (which deletes what was put
            // there).
            capabilities.value()->close();
            mm::as_destroy(space);
            process->release();
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
    auto thread = process->create_thread(request);
    if (thread.is_error()) {
        // No thread ever ran: undo by hand (the reaper never sees it).
        {
            SpinLockGuard guard(internal::table_lock);
            process->table_link.unlink();
            --internal::table_count;
        }
        process->capabilities().close();
        mm::as_destroy(space);
        process->release();
        return thread.error();
    }
    return id;
}

}  // namespace kernel::process
