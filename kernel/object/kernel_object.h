// Kernel objects: everything a capability can name (abi/cairn/capability.h
// lists the types). The object layer sits between the system calls
// (kernel/syscall, the dispatcher) and the subsystems that do the work
// (kernel/sched, kernel/mm, kernel/ipc): a system call looks a slot up in
// the caller's capability space (kernel/cap), gets a KernelObject of the
// right type with a reference held, and calls its methods.
//
// Two counts, two lifetimes:
//  - references: who may touch the object's memory (capabilities, blocked
//    threads, in-flight messages, lookups in progress). The last release()
//    calls destroy(), which frees it and refunds its quota.
//  - capabilities: how many capability slots name it. When the last one is
//    deleted or revoked, on_last_capability() runs once (an endpoint fails
//    its waiters with kPeerGone, an IRQ handler masks its line), although
//    references may keep the memory a little longer.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "cairn/capability.h"

namespace kernel::object {

using ObjectType = cairn::ObjectType;
using Rights = cairn::Rights;

class Quota;
class Allocator;

class KernelObject {
public:
    KernelObject(const KernelObject&) = delete;
    KernelObject& operator=(const KernelObject&) = delete;

    ObjectType type() const { return type_; }
    // Unique for the kernel's lifetime (cap_info's object_id).
    uint64_t id() const { return id_; }

    void retain() { __atomic_add_fetch(&references_, 1, __ATOMIC_RELAXED); }
    // The last reference calls destroy().
    void release() {
        if (__atomic_sub_fetch(&references_, 1, __ATOMIC_ACQ_REL) == 0) destroy();
    }
    uint32_t reference_count() const { return __atomic_load_n(&references_, __ATOMIC_RELAXED); }
    // retain() unless the last reference is gone already (destroy() is
    // running or about to): for a weak pointer that the object's destroy()
    // clears under the lock its holder reads it with.
    bool try_retain() {
        uint32_t count = __atomic_load_n(&references_, __ATOMIC_RELAXED);
        while (count != 0) {
            if (__atomic_compare_exchange_n(&references_, &count, count + 1, true, __ATOMIC_ACQUIRE,
                                            __ATOMIC_RELAXED)) {
                return true;
            }
        }
        return false;
    }

    // Kept by kernel/cap only: one call per slot that starts / stops naming
    // the object.
    void capability_added() { __atomic_add_fetch(&capabilities_, 1, __ATOMIC_RELAXED); }
    void capability_removed() {
        if (__atomic_sub_fetch(&capabilities_, 1, __ATOMIC_ACQ_REL) == 0) on_last_capability();
    }
    uint32_t capability_count() const { return __atomic_load_n(&capabilities_, __ATOMIC_RELAXED); }

    // cap_info's size: memory objects their bytes, quotas what is left.
    virtual uint64_t info_size() const { return 0; }

protected:
    explicit KernelObject(ObjectType type);
    ~KernelObject() = default;

    // The last capability is gone (called once, with no kernel/cap lock held).
    virtual void on_last_capability() {}
    // Frees the object: each concrete type runs its destructor and returns
    // its memory (and its quota charge, see quota.h).
    virtual void destroy() = 0;

private:
    friend class Allocator;

    const ObjectType type_;
    const uint64_t id_;
    uint32_t references_ = 1;  // the creator's
    uint32_t capabilities_ = 0;
    // What Allocator::create charged (allocator.h): refunded to quota_ (on
    // which the object holds a reference) when it is destroyed.
    Quota* quota_ = nullptr;
    uint64_t charge_ = 0;
};

// Holds one reference for the lifetime of a scope (or until release()).
template <typename T>
class ObjectRef {
public:
    ObjectRef() = default;
    // Adopts a reference the caller already holds.
    static ObjectRef adopt(T* object) { return ObjectRef(object); }
    ObjectRef(ObjectRef&& other) : object_(other.object_) { other.object_ = nullptr; }
    ObjectRef& operator=(ObjectRef&& other) {
        if (this != &other) {
            reset();
            object_ = other.object_;
            other.object_ = nullptr;
        }
        return *this;
    }
    ObjectRef(const ObjectRef&) = delete;
    ObjectRef& operator=(const ObjectRef&) = delete;
    ~ObjectRef() { reset(); }

    T* get() const { return object_; }
    T* operator->() const { return object_; }
    T& operator*() const { return *object_; }
    explicit operator bool() const { return object_ != nullptr; }
    // Gives the reference up to the caller.
    T* leak() {
        T* object = object_;
        object_ = nullptr;
        return object;
    }
    void reset() {
        if (object_ != nullptr) object_->release();
        object_ = nullptr;
    }

private:
    explicit ObjectRef(T* object) : object_(object) {}
    T* object_ = nullptr;
};

}  // namespace kernel::object
