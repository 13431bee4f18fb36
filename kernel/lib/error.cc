#include "kernel/lib/error.h"

namespace os {

const char* to_string(Error error) {
    switch (error) {
        case Error::kInvalidArgument:
            return "invalid argument";
        case Error::kOutOfRange:
            return "out of range";
        case Error::kMalformed:
            return "malformed data";
        case Error::kUnsupported:
            return "unsupported";
        case Error::kNotFound:
            return "not found";
        case Error::kNoSpace:
            return "no space";
        case Error::kOutOfMemory:
            return "out of memory";
        case Error::kBadAddress:
            return "bad address";
        case Error::kPermissionDenied:
            return "permission denied";
        case Error::kAlreadyExists:
            return "already exists";
        case Error::kTimedOut:
            return "timed out";
    }
    return "unknown error";
}

}  // namespace os
