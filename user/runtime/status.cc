// status_name (cairn/sys.h): the names of abi/cairn/status.h's codes, for
// messages such as "ipc_call: peer gone".
#include "cairn/sys.h"

namespace cairn {

const char* status_name(Status status) {
    switch (status) {
        case Status::kOk:
            return "ok";
        case Status::kInvalidArgument:
            return "invalid argument";
        case Status::kOutOfRange:
            return "out of range";
        case Status::kMalformed:
            return "malformed";
        case Status::kUnsupported:
            return "unsupported";
        case Status::kNotFound:
            return "not found";
        case Status::kNoSpace:
            return "no space";
        case Status::kOutOfMemory:
            return "out of memory";
        case Status::kBadAddress:
            return "bad address";
        case Status::kPermissionDenied:
            return "permission denied";
        case Status::kAlreadyExists:
            return "already exists";
        case Status::kTimedOut:
            return "timed out";
        case Status::kNoCapability:
            return "no capability";
        case Status::kWrongType:
            return "wrong type";
        case Status::kMissingRights:
            return "missing rights";
        case Status::kPeerGone:
            return "peer gone";
        case Status::kWouldBlock:
            return "would block";
        case Status::kQuotaExceeded:
            return "quota exceeded";
    }
    return "unknown status";
}

const char* exit_status_name(int64_t exit_status) {
    return exit_status == kThreadKilledStatus ? "killed" : nullptr;
}

}  // namespace cairn
