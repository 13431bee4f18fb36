#include "hal/host/host_hal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hal/console.h"
#include "hal/cpu.h"
#include "hal/interrupts.h"

namespace hal {
namespace {

uint32_t asids = 4096;
host::TlbFlushCounts flush_counts;
mm::PhysicalAddress user_root = 0;
uint32_t user_asid = 0;

// The simulated RAM; physical addresses outside it translate to nullptr.
mm::PhysicalAddress ram_base = 0;
size_t ram_size = 0;
uint8_t* ram_bytes = nullptr;

host::IpiDelivery ipi_delivery = nullptr;
uint64_t ipis[kMaxCpus];

}  // namespace

namespace irq {

os::ErrorOr<void> send_ipi(uint32_t cpu) {
    if (cpu >= kMaxCpus) return os::Error::kInvalidArgument;
    __atomic_add_fetch(&ipis[cpu], 1, __ATOMIC_RELAXED);
    if (host::IpiDelivery deliver = __atomic_load_n(&ipi_delivery, __ATOMIC_ACQUIRE)) deliver(cpu);
    return {};
}

}  // namespace irq

void console_write(const char* text, size_t length) {
    // stderr: GoogleTest death tests match the panic message there.
    fwrite(text, 1, length, stderr);
}

void halt() {
    fflush(stderr);
    abort();
}

void power_off() {
    halt();
}

void wait_for_interrupt() {}

uint64_t cycle_counter() {
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<uint64_t>(now.tv_sec) * 1000000000u + static_cast<uint64_t>(now.tv_nsec);
}

namespace mm {

// A lower half of 47 bits, as on x86_64 and aarch64 with 48-bit addresses.
VirtualAddress user_space_end() {
    return VirtualAddress{1} << 47;
}

VirtualAddress kernel_space_base() {
    return ~((VirtualAddress{1} << 47) - 1);
}

void* physical_to_virtual(PhysicalAddress address) {
    if (address < ram_base || address - ram_base >= ram_size) return nullptr;
    return ram_bytes + (address - ram_base);
}

PhysicalAddress virtual_to_physical(const void* address) {
    auto* byte = static_cast<const uint8_t*>(address);
    if (byte < ram_bytes || static_cast<size_t>(byte - ram_bytes) >= ram_size) return 0;
    return ram_base + static_cast<PhysicalAddress>(byte - ram_bytes);
}

bool early_direct_map_covers(PhysicalAddress address, size_t size) {
    return address >= ram_base && size <= ram_size && address - ram_base <= ram_size - size;
}

PhysicalAddress kernel_root_table() {
    return 0;
}

uint32_t asid_count() {
    return asids;
}

void activate_user_root(const UserRoot& root) {
    user_root = root.value;
    const uint32_t asid = root.asid;
    user_asid = asid;
    // As the HAL promises (hal/mm.h): loading a root with ASID 0 drops the
    // user translations cached under it; counted as one address-space flush.
    if (asid == 0) ++flush_counts.address_spaces;
}

extern const bool kTlbFlushBroadcasts = false;  // so host tests see the shootdowns

void flush_page(uint32_t, VirtualAddress) {
    ++flush_counts.pages;
}

void flush_address_space(uint32_t) {
    ++flush_counts.address_spaces;
}

void flush_kernel_page(VirtualAddress) {
    ++flush_counts.kernel_pages;
}

void flush_all() {
    ++flush_counts.all;
}

void finish_early_mappings() {}

void initialize_user_root(PhysicalAddress) {}

size_t kernel_segments(KernelSegment*, size_t) {
    return 0;
}

// Host tests have no user address space: "user addresses" are host pointers
// in the lower half, and a null or out-of-range one fails like a fault would.
os::ErrorOr<void> copy_from_user(void* destination, VirtualAddress source, size_t length) {
    if (source == 0 || source >= user_space_end() || length > user_space_end() - source) {
        return os::Error::kBadAddress;
    }
    memcpy(destination, reinterpret_cast<const void*>(source), length);
    return {};
}

os::ErrorOr<void> copy_to_user(VirtualAddress destination, const void* source, size_t length) {
    if (destination == 0 || destination >= user_space_end() ||
        length > user_space_end() - destination) {
        return os::Error::kBadAddress;
    }
    memcpy(reinterpret_cast<void*>(destination), source, length);
    return {};
}

}  // namespace mm

namespace host {

SimulatedPhysicalMemory::SimulatedPhysicalMemory(mm::PhysicalAddress base, size_t size)
    : base_(base), size_(size) {
    if (ram_bytes != nullptr || base % mm::kPageSize != 0 || size % mm::kPageSize != 0) abort();
    // Aligned like the physical addresses it stands for, up to 2 MiB, so
    // huge-page alignment checks behave as on hardware.
    bytes_ = static_cast<uint8_t*>(aligned_alloc(mm::kHugePageSize, size));
    if (bytes_ == nullptr) abort();
    memset(bytes_, 0xa5, size);  // not zero: code must not rely on fresh RAM being clear
    ram_base = base;
    ram_size = size;
    ram_bytes = bytes_;
}

SimulatedPhysicalMemory::~SimulatedPhysicalMemory() {
    free(bytes_);
    ram_base = 0;
    ram_size = 0;
    ram_bytes = nullptr;
}

void set_current_cpu(uint32_t index) {
    internal::current_cpu = index;
}

void set_ipi_delivery(IpiDelivery deliver) {
    __atomic_store_n(&ipi_delivery, deliver, __ATOMIC_RELEASE);
}

uint64_t ipis_sent(uint32_t cpu) {
    return cpu < kMaxCpus ? __atomic_load_n(&ipis[cpu], __ATOMIC_RELAXED) : 0;
}

void set_asid_count(uint32_t count) {
    asids = count;
}

const TlbFlushCounts& tlb_flush_counts() {
    return flush_counts;
}

void reset_tlb_flush_counts() {
    flush_counts = {};
}

mm::PhysicalAddress active_user_root() {
    return user_root;
}

uint32_t active_asid() {
    return user_asid;
}

}  // namespace host
}  // namespace hal
