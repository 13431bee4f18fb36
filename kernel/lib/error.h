// Explicit error returns for freestanding code: `ErrorOr<T>` holds either a
// value or an `Error`, and `TRY(expr)` propagates the error to the caller.
// No exceptions exist in this tree, so every fallible function says so in its
// return type.
#pragma once

#include "kernel/lib/utility.h"

namespace os {

enum class Error : int {
    kInvalidArgument = 1,  // a parameter is out of its documented range
    kOutOfRange,           // an offset or length points past the end of the data
    kMalformed,            // input data (an image, a blob, a message) is corrupt
    kUnsupported,          // well-formed, but a version or feature we do not handle
    kNotFound,             // the named thing does not exist
    kNoSpace,              // a fixed-capacity container is full
    kOutOfMemory,          // an allocator has no memory left
    kBadAddress,           // a pointer (usually from user space) is not mapped or not allowed
    kPermissionDenied,     // the operation is not allowed on this object (e.g. W^X)
    kAlreadyExists,        // the range or name is already in use
    kTimedOut,             // a deadline passed before the event
    kNoCapability,         // a capability slot is empty, out of range or revoked
    kWrongType,            // a capability names another kind of object
    kMissingRights,        // a capability lacks a right the operation needs
    kPeerGone,             // the other side of an IPC died or was cancelled
    kWouldBlock,           // a non-blocking operation would have had to wait
    kQuotaExceeded,        // a quota has too few bytes left for the object
};

const char* to_string(Error error);

// An ErrorOr<T> is a T or an Error, never both. Accessing the wrong side is a
// programming error, caught by the assertion in debug builds.
template <typename T>
class [[nodiscard]] ErrorOr {
public:
    ErrorOr(T value) : has_value_(true) { new (&storage_) T(os::move(value)); }
    ErrorOr(Error error) : has_value_(false), error_(error) {}
    ErrorOr(ErrorOr&& other) : has_value_(other.has_value_), error_(other.error_) {
        if (has_value_) new (&storage_) T(os::move(other.value()));
    }
    ErrorOr(const ErrorOr&) = delete;
    ErrorOr& operator=(const ErrorOr&) = delete;
    ~ErrorOr() {
        if (has_value_) value().~T();
    }

    bool is_error() const { return !has_value_; }
    Error error() const { return error_; }
    T& value() { return *reinterpret_cast<T*>(&storage_); }
    const T& value() const { return *reinterpret_cast<const T*>(&storage_); }
    T release_value() { return os::move(value()); }

private:
    bool has_value_;
    Error error_{};
    alignas(T) unsigned char storage_[sizeof(T)];
};

template <>
class [[nodiscard]] ErrorOr<void> {
public:
    ErrorOr() = default;
    ErrorOr(Error error) : has_error_(true), error_(error) {}

    bool is_error() const { return has_error_; }
    Error error() const { return error_; }
    void release_value() {}

private:
    bool has_error_ = false;
    Error error_{};
};

}  // namespace os

// Evaluates an ErrorOr expression; returns its error from the enclosing
// function, or yields its value.
#define TRY(expression)                  \
    ({                                   \
        auto _try_result = (expression); \
        if (_try_result.is_error()) {    \
            return _try_result.error();  \
        }                                \
        _try_result.release_value();     \
    })
