// The cases of the user-mode test program (utest <case>).
#pragma once

namespace utest {

void run_threads();
void run_preemption();
void run_affinity();
void run_sleep();
void run_faults();
void run_bad_arguments();
void run_stress();
void run_rate_limit();
void run_introspection();

}  // namespace utest
