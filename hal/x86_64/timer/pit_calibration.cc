#include "hal/x86_64/timer/pit_calibration.h"

#include "hal/x86_64/cpu/instructions.h"
#include "hal/x86_64/cpu/port_io.h"
#include "hal/x86_64/interrupts/local_apic.h"

namespace hal::x86_64 {
namespace {

constexpr uint64_t kPitHz = 1193182;
// 25 ms: long enough that polling jitter (a port read is a microsecond or
// so, more under emulation) stays below 0.1 %.
constexpr uint32_t kPitCount = kPitHz / 40;

constexpr uint16_t kPitChannel2Data = 0x42;
constexpr uint16_t kPitCommand = 0x43;
// Channel 2, low byte then high byte, mode 0 (interrupt on terminal count:
// OUT2 goes high when the count reaches 0), binary.
constexpr uint8_t kChannel2Mode0 = 0xb0;

// Port 0x61, the NMI status and control port: bit 0 gates channel 2, bit 1
// connects it to the speaker (kept off), bit 5 reads OUT2.
constexpr uint16_t kSystemControlPort = 0x61;
constexpr uint8_t kGate2 = 1 << 0;
constexpr uint8_t kSpeakerEnable = 1 << 1;
constexpr uint8_t kOut2 = 1 << 5;

// Under TCG a port read takes a microsecond or more; this is minutes.
constexpr uint64_t kMaxPolls = uint64_t{1} << 28;

constexpr uint32_t kCounterStart = 0xffffffff;

}  // namespace

os::ErrorOr<CalibratedFrequencies> calibrate_against_pit() {
    uint8_t control = read_port_u8(kSystemControlPort);
    write_port_u8(kSystemControlPort, (control & ~kSpeakerEnable) | kGate2);
    write_port_u8(kPitCommand, kChannel2Mode0);
    write_port_u8(kPitChannel2Data, kPitCount & 0xff);
    // Loading the high byte starts the count.
    write_port_u8(kPitChannel2Data, kPitCount >> 8);
    local_apic::start_timer(kCounterStart);
    uint64_t tsc_start = read_time_stamp_counter();

    uint64_t polls = 0;
    while (!(read_port_u8(kSystemControlPort) & kOut2)) {
        if (++polls == kMaxPolls) {
            local_apic::start_timer(0);
            return os::Error::kUnsupported;
        }
    }
    uint64_t tsc_end = read_time_stamp_counter();
    uint32_t apic_remaining = local_apic::timer_current_count();
    local_apic::start_timer(0);
    write_port_u8(kSystemControlPort, control & ~kSpeakerEnable & ~kGate2);

    uint64_t tsc_ticks = tsc_end - tsc_start;
    uint64_t apic_ticks = kCounterStart - apic_remaining;
    if (tsc_ticks == 0 || apic_ticks == 0 || apic_remaining == 0) return os::Error::kUnsupported;
    // ticks * kPitHz stays far below 2^64 for any counter below 100 GHz.
    return CalibratedFrequencies{
        .tsc_hz = tsc_ticks * kPitHz / kPitCount,
        .local_apic_timer_hz = apic_ticks * kPitHz / kPitCount,
    };
}

}  // namespace hal::x86_64
