// fuzz: a seeded system call fuzzer. Booted as init (`init=fuzz
// init_arg=<children>x<calls>@<seed>`, default 4x3000@1; warm-up child first), it measures the
// kernel's memory, then spawns bin/fuzz "child:<seed>:<calls>" children one
// after another. Each child gets a small quota, an endpoint and a
// notification and runs two threads that issue random system calls (the
// numbers of abi/cairn/syscalls.h and unknown ones) with random arguments: slots in and out of
// range, null, kernel, non-canonical, unmapped, misaligned and valid
// pointers, structures full of random bytes, huge lengths. After the
// children exited, the kernel must still answer and its memory must be back
// where it was: "fuzz: ... kernel objects N bytes before, N after; free +
// heap M KiB before, M KiB after".
//
// What is kept out, so that the fuzzer cannot break itself (not the
// kernel): process_exit/thread_exit (they end the run), cap_obtain of its
// own process or worker threads (process_kill / a thread kill would end it),
// real-time priorities through thread_control (mostly), debug_print of
// valid text and debug_break (console noise), thread_set_pointer to a
// usable address (its TLS), blocking without a bound (timeouts are kNoWait
// or <= 1 ms, sleeps <= 100 us), and as_unmap/as_protect/memory_take of
// handle 0 outside the fuzzer's own arena (they would unmap its code), and
// boot_file_read/thread_list/memory_nodes output into the scratch area
// longer than the room left in it (the kernel would write over the heap).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cairn/message.h"
#include "cairn/runtime.h"
#include "cairn/sys.h"
#include "cairn/thread.h"
#include "tests/user/check.h"

namespace {

using cairn::Result;
using cairn::Syscall;

constexpr uint64_t kMillisecond = 1'000'000;
constexpr uint64_t kSecond = 1'000'000'000;
// The arena (handle 0) where as_unmap, as_protect and memory_take may act.
constexpr uint64_t kArenaBase = 0x5000'0000'0000;
constexpr uint64_t kArenaSize = 64 * 1024 * 1024;
constexpr uint64_t kScratchSize = 64 * 1024;

struct Random {
    uint64_t state;
    uint64_t next() {  // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ull;
    }
    uint64_t below(uint64_t bound) { return next() % bound; }
    bool chance(uint64_t percent) { return below(100) < percent; }
};

// Memory the fuzzer hands the kernel as "valid" pointers (random bytes).
uint8_t* scratch = nullptr;

uint64_t random_slot(Random& random) {
    switch (random.below(6)) {
        case 0:
            return 0;
        case 1:
            return cairn::kCapabilitySlots + random.below(3);
        case 2:
            return random.next();
        default:
            return 1 + random.below(24);  // mostly slots that may exist
    }
}

uint64_t random_pointer(Random& random) {
    switch (random.below(9)) {
        case 0:
            return 0;
        case 1:
            return 0xffff'8000'0000'0000ull + random.below(1 << 30);  // kernel half
        case 2:
            return 0x0000'8000'0000'0000ull;  // non-canonical on x86_64, user on others
        case 3:
            return 0x10'0000'0000ull + random.below(1 << 20) * 8;  // unmapped
        case 4:
            return reinterpret_cast<uintptr_t>(scratch) + kScratchSize - random.below(64);
        case 5:
            return reinterpret_cast<uintptr_t>(&random_slot);  // code: read-only
        case 6:
            return kArenaBase + random.below(kArenaSize);
        case 7:
            return random.next();
        default:
            return reinterpret_cast<uintptr_t>(scratch) + random.below(kScratchSize / 2);
    }
}

uint64_t random_length(Random& random) {
    switch (random.below(6)) {
        case 0:
            return 0;
        case 1:
            return 1 + random.below(64);
        case 2:
            return 4096 * (1 + random.below(16));
        case 3:
            return ~uint64_t{0} - random.below(4096);
        case 4:
            return uint64_t{1} << random.below(64);
        default:
            return random.below(1 << 20);
    }
}

uint64_t random_timeout(Random& random) {
    return random.chance(50) ? cairn::kNoWait : random.below(kMillisecond);
}

uint64_t random_word(Random& random) {
    switch (random.below(4)) {
        case 0:
            return random.below(16);
        case 1:
            return random.next();
        case 2:
            return random_slot(random);
        default:
            return random_length(random);
    }
}

uint64_t arena_address(Random& random) {
    return random.chance(80) ? kArenaBase + random.below(kArenaSize / 4096) * 4096
                             : random_pointer(random);
}

// Random bytes in the scratch area, with the pointer fields of the
// structures the kernel reads made harmless (never into our own memory
// outside the scratch area).
void scramble_scratch(Random& random) {
    uint64_t* words = reinterpret_cast<uint64_t*>(scratch);
    for (uint64_t index = 0; index < 64; ++index)
        words[index] = random.chance(50) ? random.below(64) : random.next();
    auto* message = reinterpret_cast<cairn::Message*>(scratch);
    if (random.chance(70)) {
        message->data_length = static_cast<uint32_t>(random.below(80));
        message->cap_count = static_cast<uint32_t>(random.below(6));
        message->cap_move = static_cast<uint32_t>(random.below(32));
        for (auto& cap : message->caps)
            cap = random_slot(random);
    }
    message->buffer = random.chance(50) ? reinterpret_cast<uintptr_t>(scratch) + kScratchSize / 2
                                        : (random.chance(50) ? 0 : 0xffff'8000'0000'0000ull);
    message->buffer_length = random.chance(70) ? random.below(kScratchSize / 2) : random.next();
    if (random.chance(30)) {  // a plausible spawn: bin/fuzz "noop"
        static constexpr char kPath[] = "bin/fuzz";
        static constexpr char kNoop[] = "noop";
        auto* spawn = reinterpret_cast<cairn::SpawnArguments*>(scratch);
        spawn->path = kPath;
        spawn->path_length = random.chance(90) ? 8 : random.below(200);
        spawn->argument = kNoop;
        spawn->argument_length = 4;
        spawn->cap_count = random.below(6);
        spawn->quota = random_slot(random);
    }
}

// `count` elements of `size` bytes at `pointer`, or fewer if `pointer`
// lies in the scratch area (and its slack) and they would run past it:
// the kernel must not write over the fuzzer's own heap.
uint64_t fit_in_scratch(uint64_t pointer, uint64_t count, uint64_t size = 1) {
    uint64_t begin = reinterpret_cast<uintptr_t>(scratch);
    uint64_t end = begin + kScratchSize + 4096;
    if (pointer < begin || pointer >= end) return count;
    uint64_t room = (end - pointer) / size;
    return count < room ? count : room;
}

// The fuzzer's own process and worker threads: cap_obtain never names
// them, so process_kill and thread_control's kill cannot end the run (a
// process or thread it spawned may be killed).
uint64_t own_process_id = 0;
uint64_t worker_ids[2] = {};

uint64_t own_thread_id() {
    cairn::ThreadInfo info{};
    (void)cairn::sys::thread_info(0, &info);
    return info.thread_id;
}

bool is_fuzzer(uint64_t type, uint64_t id) {
    if (type == static_cast<uint64_t>(cairn::ObjectType::kProcess)) {
        return id == 0 || id == own_process_id;
    }
    if (type != static_cast<uint64_t>(cairn::ObjectType::kThread)) return false;
    return id == 0 || id == __atomic_load_n(&worker_ids[0], __ATOMIC_ACQUIRE) ||
           id == __atomic_load_n(&worker_ids[1], __ATOMIC_ACQUIRE);
}

// One random system call; returns its result.
int64_t fuzz_one(Random& random) {
    static constexpr uint64_t kNumbers[] = {
        2,   3,   15,  16,  18,  19,  20,  21,  22,  23,  24,  25,  25,  26,  27,  27,  32,  33,
        34,  35,  36,  48,  49,  51,  52,  53,  54,  64,  65,  66,  79,  80,  80,  80,  81,  82,
        83,  84,  85,  86,  86,  87,  87,  87,  88,  88,  89,  96,  97,  98,  99,  100, 101, 102,
        103, 104, 105, 112, 113, 114, 115, 128, 129, 130, 131, 132, 133, 140, 500, 66,  67,  68,
    };
    uint64_t number = kNumbers[random.below(sizeof kNumbers / sizeof kNumbers[0])];
    uint64_t a[6];
    for (uint64_t& word : a)
        word = random_word(random);
    if (random.chance(40)) scramble_scratch(random);
    switch (number) {
        case 16:  // thread_create: a thread that may fault at once (killed)
            a[0] = reinterpret_cast<uintptr_t>(scratch);
            break;
        case 19:
            a[0] = random.below(100'000);
            break;  // sleep
        case 20:
            a[1] = random.chance(80) ? 100 + random.below(40) : random.next();
            break;
        case 22:
        case 65:
        case 130:
            a[1] = random_pointer(random);
            a[0] = random.below(4) == 0 ? random.next() : a[0];
            break;
        case 23:
            a[1] = random_timeout(random);
            break;  // thread_join
        case 25:    // thread_control: priorities of the normal class (no starving)
            a[1] = random.below(5);
            if (a[1] == cairn::kThreadOpSetPriority && random.chance(80)) {
                a[2] = 100 + random.below(40);
            }
            break;
        case 26:
        case 53:  // thread_capability_info, process_info
            a[1] = random_pointer(random);
            break;
        case 87:  // cap_obtain: never the fuzzer itself (see is_fuzzer)
            if (random.chance(80)) {
                static constexpr uint64_t kTypes[] = {1, 2, 7, 11, 4, 0, 99};
                a[0] = kTypes[random.below(sizeof kTypes / sizeof kTypes[0])];
            }
            a[1] = random.below(64);
            if (is_fuzzer(a[0], a[1])) a[1] = uint64_t{1} << 40;
            a[3] = random.chance(70) ? 1 : random_slot(random);  // the quota (slot 1: ours)
            break;
        case 104:  // ipc_save_reply: the quota (slot 1: ours), mostly
            a[0] = random.chance(70) ? 1 : random_slot(random);
            break;
        case 27:  // thread_set_ipc_buffer: arena pages (mapped or not, later unmapped,
                  // taken, protected by other calls), unaligned and bad addresses, or 0
            a[0] = random.chance(20) ? 0 : arena_address(random) + (random.chance(10) ? 8 : 0);
            break;
        case 24:  // thread_set_pointer: only addresses no architecture allows (TLS)
            a[0] = random.chance(50) ? 0xffff'8000'0000'0000ull : ~uint64_t{0} - random.below(4096);
            break;
        case 33:
            a[0] = random.below(4);
            a[1] = arena_address(random);
            break;  // as_map
        case 34:
        case 35:  // as_unmap / as_protect: handle 0 only in the arena
            a[0] = random.below(4);
            if (a[0] == 0 || random.chance(50)) a[1] = arena_address(random);
            if (a[0] == 0 && a[1] < kArenaBase) a[1] = kArenaBase;
            a[2] = random.below(kArenaSize / 4);
            break;
        case 48:  // process_spawn: mostly bad, sometimes bin/fuzz noop
            a[0] = random.chance(30) ? reinterpret_cast<uintptr_t>("bin/fuzz")
                                     : random_pointer(random);
            a[1] = random.chance(50) ? 8 : random_length(random);
            a[2] = reinterpret_cast<uintptr_t>("noop");
            a[3] = random.chance(80) ? 4 : random_length(random);
            a[4] = random_slot(random);  // the child's quota: slot 1 is one
            break;
        case 49:
            a[1] = random_timeout(random);
            break;
        case 51:
        case 80:
        case 112:  // structures: the scratch area or a bad pointer
            a[0] =
                random.chance(70) ? reinterpret_cast<uintptr_t>(scratch) : random_pointer(random);
            if (number == 112) {  // memory_map: a fixed mapping never replaces one
                auto* map = reinterpret_cast<cairn::MemoryMapArguments*>(scratch);
                map->address = random.chance(50) ? 0 : arena_address(random);
                map->address_space = random.below(3);
                // kMapFixed, an unknown bit, kMapAddressSpaceCapability (a slot).
                map->flags = random.below(8);
                if (map->flags & cairn::kMapAddressSpaceCapability) {
                    map->address_space = random_slot(random);
                }
            }
            break;
        case 84:
        case 85:
            a[0] = random.chance(70) ? 4 + random.below(20) : a[0];
            break;
        case 86:
            a[1] = random_pointer(random);
            break;
        case 96:
        case 97:
        case 98:
        case 100:  // IPC: bounded waits
            a[1] =
                random.chance(80) ? reinterpret_cast<uintptr_t>(scratch) : random_pointer(random);
            a[2] = random_timeout(random);
            break;
        case 99:
            a[1] =
                random.chance(80) ? reinterpret_cast<uintptr_t>(scratch) : random_pointer(random);
            break;
        case 102:
            a[1] = random_timeout(random);
            break;
        case 66:  // boot_file_read: real files, bad paths, any offset, output anywhere
                  // but the fuzzer's own memory outside the scratch area
            a[0] =
                random.chance(60)
                    ? reinterpret_cast<uintptr_t>(random.chance(50) ? "bin/fuzz" : "etc/services")
                    : random_pointer(random);
            a[1] = random.chance(60) ? (random.chance(50) ? 8 : 12) : random_length(random);
            a[2] = random.chance(70) ? random.below(300'000) : random.next();
            a[3] = random_pointer(random);
            a[4] = fit_in_scratch(a[3], random_length(random));
            break;
        case 67:  // thread_list: ThreadInfo is 8-byte aligned, 120 bytes
            a[0] = random_pointer(random);
            a[1] = fit_in_scratch(a[0], random_length(random), sizeof(cairn::ThreadInfo));
            a[2] = random.chance(50) ? random.below(64) : random.next();
            break;
        case 68:  // memory_nodes
            a[0] = random_pointer(random);
            a[1] = fit_in_scratch(a[0], random.chance(50) ? random.below(4) : random.next(),
                                  sizeof(cairn::MemoryNodeInfo));
            break;
        case 114:  // memory_take: only from the arena
            a[1] = arena_address(random);
            if (a[1] < kArenaBase) a[1] = kArenaBase;
            a[2] = random.below(16) * 4096;
            break;
        default:
            break;
    }
    return cairn::arch::syscall6(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

struct Tally {
    uint64_t calls = 0;
    uint64_t succeeded = 0;
};

void fuzz_loop(uint64_t seed, uint64_t calls, Tally* tally, int worker) {
    // Before the first call (the other worker stores this one's id too).
    __atomic_store_n(&worker_ids[worker], own_thread_id(), __ATOMIC_RELEASE);
    Random random{seed * 0x9e3779b97f4a7c15ull + 1};
    for (uint64_t index = 0; index < calls; ++index) {
        int64_t result = fuzz_one(random);
        ++tally->calls;
        if (result >= 0) ++tally->succeeded;
    }
}

int run_child(uint64_t seed, uint64_t calls) {
    // Slack after the area: a structure written at its very end (a pointer
    // 64 bytes before the end) lands there, not in the heap's other blocks.
    scratch = static_cast<uint8_t*>(malloc(kScratchSize + 4096));
    memset(scratch, 0, kScratchSize + 4096);
    // A few objects of its own, from the quota in slot 1 (slots 1-3 came
    // from the parent).
    for (int index = 0; index < 4; ++index) {
        (void)cairn::sys::cap_create(1, cairn::ObjectType::kEndpoint);
        (void)cairn::sys::cap_create(1, cairn::ObjectType::kNotification);
    }
    (void)cairn::sys::cap_create(1, cairn::ObjectType::kMemory, 64 * 1024);
    (void)cairn::sys::as_map(0, kArenaBase, 1024 * 1024, cairn::kMapRead | cairn::kMapWrite,
                             cairn::kMapFixed);
    Tally tallies[2];
    cairn::ThreadInfo self{};
    (void)cairn::sys::thread_info(0, &self);
    own_process_id = self.process_id;
    __atomic_store_n(&worker_ids[0], self.thread_id, __ATOMIC_RELEASE);
    cairn::Thread other;
    Result started = other.start([&] { fuzz_loop(seed * 2 + 1, calls / 2, &tallies[1], 1); });
    if (started) __atomic_store_n(&worker_ids[1], started.value(), __ATOMIC_RELEASE);
    fuzz_loop(seed * 2, calls - calls / 2, &tallies[0], 0);
    (void)other.join();
    printf("fuzz child %llu: %llu calls, %llu succeeded\n", static_cast<unsigned long long>(seed),
           static_cast<unsigned long long>(tallies[0].calls + tallies[1].calls),
           static_cast<unsigned long long>(tallies[0].succeeded + tallies[1].succeeded));
    return 0;
}

struct Usage {
    uint64_t objects = 0;
    uint64_t unaccounted = 0;  // free memory + kernel heap pages
    bool operator==(const Usage&) const = default;
};

Usage usage() {
    cairn::SystemInfo info{};
    (void)cairn::sys::system_info(&info);
    return {info.kernel_objects_bytes, info.free_memory + info.kernel_heap_bytes};
}

Usage settled_usage() {
    Usage last = usage();
    for (int attempt = 0; attempt < 100; ++attempt) {
        (void)cairn::sys::thread_sleep(20 * kMillisecond);
        Usage again = usage();
        if (again == last) break;
        last = again;
    }
    return last;
}

// One child with its own quota, endpoint and notification (all moved to it).
bool run_one_child(uint64_t seed, uint64_t calls) {
    using cairn::ObjectType;
    Result quota = cairn::sys::cap_create(cairn::kInitQuotaSlot, ObjectType::kQuota, 2 << 20);
    Result endpoint = cairn::sys::cap_create(cairn::kInitQuotaSlot, ObjectType::kEndpoint);
    Result notification = cairn::sys::cap_create(cairn::kInitQuotaSlot, ObjectType::kNotification);
    if (!CHECK(quota.ok() && endpoint.ok() && notification.ok())) return false;
    char argument[48];
    snprintf(argument, sizeof argument, "child:%llu:%llu", static_cast<unsigned long long>(seed),
             static_cast<unsigned long long>(calls));
    static constexpr char kPath[] = "bin/fuzz";
    cairn::SpawnArguments spawn{};
    spawn.path = kPath;
    spawn.path_length = sizeof kPath - 1;
    spawn.argument = argument;
    spawn.argument_length = strlen(argument);
    spawn.caps[0] = quota.value();
    spawn.caps[1] = endpoint.value();
    spawn.caps[2] = notification.value();
    spawn.cap_count = 3;
    spawn.cap_move = 0b111;
    spawn.quota = quota.value();  // the child is charged to the quota it gets
    Result child = cairn::sys::process_spawn_with_caps(spawn);
    if (!CHECK(child.ok())) return false;
    Result status = cairn::sys::process_wait(child.value(), 120 * kSecond);
    return CHECK_EQ(status.raw, 0);
}

}  // namespace

int main(int argc, char** argv) {
    const char* argument = argc > 1 ? argv[1] : "";
    // Only process 1 fuzzes: the children spawn bin/fuzz with arguments
    // of every kind, which must not start another run.
    if (strncmp(argument, "child:", 6) != 0 && cairn::start_info().process_id != 1) return 0;
    if (strncmp(argument, "child:", 6) == 0) {
        char* end = nullptr;
        uint64_t seed = strtoull(argument + 6, &end, 10);
        uint64_t calls = (end && *end == ':') ? strtoull(end + 1, nullptr, 10) : 1000;
        return run_child(seed, calls);
    }
    uint64_t children = 4, calls = 3000, seed = 1;
    if (*argument != 0) {
        char* end = nullptr;
        children = strtoull(argument, &end, 10);
        if (end && *end == 'x') calls = strtoull(end + 1, &end, 10);
        if (end && *end == '@') seed = strtoull(end + 1, &end, 10);
    }
    // A warm-up child first: caches the kernel keeps (slab magazines, page
    // tables of the boot archive) are not leaks.
    run_one_child(seed + 1000, calls / 4);
    Usage before = settled_usage();
    int passed = 0;
    for (uint64_t index = 0; index < children; ++index)
        passed += run_one_child(seed + index, calls);
    Usage after = settled_usage();
    // The kernel still works: a call, a thread, an object.
    CHECK_EQ(cairn::sys::call(Syscall::kNull).raw, 0);
    cairn::Thread probe;
    CHECK(probe.start([] { return 5; }).ok());
    CHECK_EQ(probe.join().raw, 5);
    CHECK_EQ(after.objects, before.objects);
    CHECK_EQ(after.unaccounted, before.unaccounted);
    printf(
        "fuzz: %d of %llu children x %llu calls (seed %llu) ran; kernel objects %llu bytes "
        "before, %llu after; free + heap %llu KiB before, %llu KiB after\n",
        passed, static_cast<unsigned long long>(children), static_cast<unsigned long long>(calls),
        static_cast<unsigned long long>(seed), static_cast<unsigned long long>(before.objects),
        static_cast<unsigned long long>(after.objects),
        static_cast<unsigned long long>(before.unaccounted / 1024),
        static_cast<unsigned long long>(after.unaccounted / 1024));
    printf("fuzz: %s\n", utest::failures == 0 ? "passed" : "FAILED");
    return utest::failures == 0 ? 0 : 1;
}
