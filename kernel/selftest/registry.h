// The registry both runners share: cases (tests, benchmarks) link themselves
// into a list sorted by suite, then name, from static constructors, and a run
// visits those of one suite ("all": every suite). `Case` has `suite`, `name`
// and `next` members.
#pragma once

#include "kernel/lib/string.h"

namespace kernel::selftest {

template <typename Case>
void insert_sorted(Case*& head, Case& item) {
    auto before = [](const Case& a, const Case& b) {
        int by_suite = os::string_compare(a.suite, b.suite);
        return (by_suite != 0 ? by_suite : os::string_compare(a.name, b.name)) < 0;
    };
    Case** link = &head;
    while (*link != nullptr && before(**link, item))
        link = &(*link)->next;
    item.next = *link;
    *link = &item;
}

template <typename Case>
bool in_suite(const Case& item, const char* suite) {
    return os::string_compare(suite, "all") == 0 || os::string_compare(item.suite, suite) == 0;
}

}  // namespace kernel::selftest
