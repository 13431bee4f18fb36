// Device interrupt dispatch: drivers (in the kernel for now; user-space
// drivers get their lines through capabilities in a later issue) attach a
// handler to a line, and kernel::handle_interrupt() calls it.
#pragma once

#include <stdint.h>

#include "hal/interrupts.h"
#include "kernel/interrupt/ipi.h"
#include "kernel/lib/error.h"

namespace kernel::interrupt {

using Handler = void (*)(void* context, hal::irq::Line line);

inline constexpr hal::irq::Line kMaxLines = 1024;

// Attaches `handler` to `line` and unmasks the line. kAlreadyExists if the
// line has a handler; kInvalidArgument for a line the controller lacks.
os::ErrorOr<void> attach(hal::irq::Line line, Handler handler, void* context);
// Masks the line and removes its handler.
void detach(hal::irq::Line line);

// Interrupts handled on `line` since boot.
uint64_t count(hal::irq::Line line);
// Interrupts on lines without a handler (each such line is masked).
uint64_t unexpected_count();
// ipi_count() and ipi_count_of() are in ipi.h (included here).

}  // namespace kernel::interrupt
