// Offsets into hal::context::ThreadContext (hal/arch/thread_context.h) for
// context_switch.S; thread_context.cc checks them against the struct.
#pragma once

#define CONTEXT_X19 0
#define CONTEXT_X29 80
#define CONTEXT_SP 96
#define CONTEXT_TPIDR_EL0 104
#define CONTEXT_KERNEL_STACK_TOP 112
#define CONTEXT_USER_STATE 120
#define CONTEXT_RESOLVING_FAULT 124
#define CONTEXT_FPCR 128
#define CONTEXT_FPSR 136
#define CONTEXT_FP_REGISTERS 144
#define CONTEXT_SIZE 656
