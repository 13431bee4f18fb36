#include "services/shell/output_buffer.h"

namespace cairn::shell {

void OutputBuffer::put_number(size_t value) {
    char digits[24];
    size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count != 0)
        put(digits[--count]);
}

}  // namespace cairn::shell
