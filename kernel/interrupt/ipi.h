// Inter-processor interrupts, multiplexed: hal::irq::send_ipi() carries no
// payload, so each CPU has a set of pending reasons (an atomic bit set) that
// the sender fills before it interrupts the CPU, and kernel::handle_ipi()
// serves every reason it finds:
//   - reschedule: calls the handler the scheduler registered;
//   - remote call: runs a function another CPU asked for and acknowledges it
//     (TLB shootdowns are remote calls, see kernel/mm/vm/tlb_shootdown.h);
//   - halt: stops the CPU for good with interrupts masked (panic).
//
// Deadlock rule for remote calls: the caller waits for the acknowledgements
// with interrupts masked and serves requests addressed to itself while it
// spins, so two CPUs calling each other both finish. A target that spins
// with interrupts masked (on a spin lock) answers only once it gets the
// lock, so a caller must never wait while holding a lock such a target may
// be spinning on (see call_on_cpus()).
#pragma once

#include <stdint.h>

#include "kernel/lib/error.h"

namespace kernel::interrupt {

// ---- Reschedule -------------------------------------------------------------

// The scheduler's hook, called on the target CPU in interrupt context with
// interrupts masked, once per reschedule IPI it takes (several requests may
// merge into one call). It should only note that the CPU must reschedule;
// the switch itself belongs on the way out of the interrupt
// (kernel::handle_interrupt_return). nullptr: reschedule IPIs are ignored.
using RescheduleHandler = void (*)();
void set_reschedule_handler(RescheduleHandler handler);

// Asks `cpu` (this CPU too) to reschedule. kInvalidArgument for a CPU that
// does not exist.
os::ErrorOr<void> send_reschedule(uint32_t cpu);

// ---- Remote calls -----------------------------------------------------------

using RemoteFunction = void (*)(void* argument);

// A set of CPUs: bit n is CPU n (hal::kMaxCpus = 64 fits one word).
using CpuMask = uint64_t;

// Runs function(argument) on every online CPU in `cpus` and returns once all
// of them have run it. This CPU, if in `cpus`, runs it directly (first).
// Remote CPUs run it in interrupt context with interrupts masked, so it must
// be short and must not block, take a lock the caller holds or call
// call_on_cpus() itself. Offline CPUs in `cpus` are skipped.
//
// Must be called with no spin lock held that another CPU may spin on with
// interrupts masked (it would never answer). Returns the CPUs that ran it.
CpuMask call_on_cpus(CpuMask cpus, RemoteFunction function, void* argument);
// The same for one CPU; false if `cpu` is not online.
bool call_on_cpu(uint32_t cpu, RemoteFunction function, void* argument);

// Serves the remote calls and halt requests pending for this CPU now. For
// code that spins with interrupts masked (lock waits that must not block
// remote calls); interrupt handling calls it by itself.
void serve_pending_requests();

// ---- Halt (panic) -------------------------------------------------------------

// Sends the halt IPI to every other online CPU and waits up to `timeout_ns`
// for them to stop (a CPU spinning with interrupts masked may never). Returns
// the CPUs that stopped.
CpuMask halt_other_cpus(uint64_t timeout_ns);
// CPUs that have stopped for a halt request.
CpuMask halted_cpus();

// ---- Counters (tests) -------------------------------------------------------------

// Inter-processor interrupts this CPU / CPU `cpu` has taken.
uint64_t ipi_count();
uint64_t ipi_count_of(uint32_t cpu);
// Remote calls CPU `cpu` has run for other CPUs since boot.
uint64_t remote_calls_served(uint32_t cpu);

}  // namespace kernel::interrupt
