// memtest's "quota" case (quota.cc): kernel objects are charged to the
// quota the call names, refused when it is too small, refunded when they die.
#pragma once

namespace memtest {

// Runs the case; returns how many checks failed.
int run_quota();

}  // namespace memtest
