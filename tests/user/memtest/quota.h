// memtest's "quota" case (quota.cc): kernel objects are charged to the
// quota the call names, refused when it is too small, refunded when they die.
#pragma once

namespace memtest {

// Runs the case; returns how many checks failed.
int run_quota();

// The "process_quota" case (process_quota.cc): processes, threads and
// address spaces charged to a memory quota. Returns how many checks failed.
int run_process_quota();
// Its children's sides (main's argument "child_threads" / "child_sleep").
int child_threads();
int child_sleep();

}  // namespace memtest
