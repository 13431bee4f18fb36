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
        case Error::kNoCapability:
            return "no capability";
        case Error::kWrongType:
            return "wrong object type";
        case Error::kMissingRights:
            return "missing rights";
        case Error::kPeerGone:
            return "peer gone";
        case Error::kWouldBlock:
            return "would block";
        case Error::kQuotaExceeded:
            return "quota exceeded";
    }
    return "unknown error";
}

}  // namespace os
