#include "user/runtime/logic/line_buffer.h"

namespace cairn::runtime {

void LineBuffer::put(char character, Sink sink) {
    text[length++] = character;
    if (character == '\n' || length == kCapacity) flush(sink);
}

void LineBuffer::flush(Sink sink) {
    if (length == 0) return;
    sink(text, length);
    length = 0;
}

}  // namespace cairn::runtime
