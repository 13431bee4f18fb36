#include "services/name_server/registry.h"

namespace cairn::name_server {

namespace {

bool is_lower_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Byte order of two names, shorter first on a common prefix.
int compare(const char* a, size_t a_length, const char* b, size_t b_length) {
    size_t common = a_length < b_length ? a_length : b_length;
    for (size_t i = 0; i < common; ++i) {
        if (a[i] != b[i])
            return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[i]) ? -1 : 1;
    }
    if (a_length == b_length) return 0;
    return a_length < b_length ? -1 : 1;
}

}  // namespace

bool Registry::valid_name(const char* name, size_t length) {
    if (name == nullptr || length == 0 || length > kMaxNameLength) return false;
    if (name[0] < 'a' || name[0] > 'z') return false;
    for (size_t i = 0; i < length; ++i) {
        char c = name[i];
        if (!is_lower_or_digit(c) && c != '.' && c != '-' && c != '_') return false;
    }
    char last = name[length - 1];
    return last != '.' && last != '-';
}

size_t Registry::position(const char* name, size_t length, bool* found) const {
    size_t low = 0, high = count_;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const Entry& entry = entries_[middle];
        int order = compare(entry.name, entry.name_length, name, length);
        if (order == 0) {
            *found = true;
            return middle;
        }
        if (order < 0) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    *found = false;
    return low;
}

Status Registry::register_name(const char* name, size_t length, Slot endpoint, Badge owner,
                               Slot* replaced) {
    *replaced = 0;
    if (!valid_name(name, length) || endpoint == 0) return Status::kInvalidArgument;
    if (owner == 0) return Status::kPermissionDenied;
    bool found;
    size_t index = position(name, length, &found);
    if (found) {
        Entry& entry = entries_[index];
        if (entry.owner != owner && !entry.orphaned) return Status::kAlreadyExists;
        *replaced = entry.endpoint;
        entry.endpoint = endpoint;
        entry.owner = owner;
        entry.orphaned = false;
        ++entry.registrations;
        return Status::kOk;
    }
    if (count_ == kCapacity) return Status::kNoSpace;
    for (size_t i = count_; i > index; --i)
        entries_[i] = entries_[i - 1];
    Entry& entry = entries_[index];
    entry = Entry{};
    for (size_t i = 0; i < length; ++i)
        entry.name[i] = name[i];
    entry.name[length] = '\0';
    entry.name_length = static_cast<uint8_t>(length);
    entry.endpoint = endpoint;
    entry.owner = owner;
    entry.registrations = 1;
    ++count_;
    return Status::kOk;
}

Status Registry::lookup(const char* name, size_t length, Slot* endpoint) const {
    *endpoint = 0;
    if (!valid_name(name, length)) return Status::kInvalidArgument;
    bool found;
    size_t index = position(name, length, &found);
    if (!found) return Status::kNotFound;
    if (entries_[index].orphaned) return Status::kPeerGone;
    *endpoint = entries_[index].endpoint;
    return Status::kOk;
}

Status Registry::unregister(const char* name, size_t length, Badge owner, Slot* released) {
    *released = 0;
    if (!valid_name(name, length)) return Status::kInvalidArgument;
    bool found;
    size_t index = position(name, length, &found);
    if (!found) return Status::kNotFound;
    if (owner == 0 || entries_[index].owner != owner) return Status::kPermissionDenied;
    *released = entries_[index].endpoint;
    for (size_t i = index; i + 1 < count_; ++i)
        entries_[i] = entries_[i + 1];
    --count_;
    entries_[count_] = Entry{};
    return Status::kOk;
}

size_t Registry::owner_died(Badge owner) {
    size_t marked = 0;
    for (size_t i = 0; i < count_; ++i) {
        if (entries_[i].owner == owner && !entries_[i].orphaned) {
            entries_[i].orphaned = true;
            ++marked;
        }
    }
    return marked;
}

size_t Registry::list(const char* after, size_t after_length, Entry* entries,
                      size_t capacity) const {
    size_t start = 0;
    if (after_length != 0) {
        bool found;
        start = position(after, after_length, &found);
        if (found) ++start;
    }
    size_t copied = 0;
    for (size_t i = start; i < count_ && copied < capacity; ++i)
        entries[copied++] = entries_[i];
    return copied;
}

}  // namespace cairn::name_server
