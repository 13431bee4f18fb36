#include "services/service_manager/manifest.h"

namespace cairn::service_manager {

namespace {

// A piece of the manifest text (not NUL-terminated).
struct Text {
    const char* data;
    size_t length;

    bool equals(const char* word) const {
        size_t i = 0;
        for (; i < length; ++i) {
            if (word[i] != data[i]) return false;  // also stops at word's NUL
        }
        return word[i] == '\0';
    }
    // Splits at the first `separator` (a string): false if there is none.
    bool split(const char* separator, Text* before, Text* after) const {
        size_t separator_length = 0;
        while (separator[separator_length] != '\0')
            ++separator_length;
        for (size_t i = 0; i + separator_length <= length; ++i) {
            size_t j = 0;
            while (j < separator_length && data[i + j] == separator[j])
                ++j;
            if (j == separator_length) {
                *before = {data, i};
                *after = {data + i + separator_length, length - i - separator_length};
                return true;
            }
        }
        return false;
    }
};

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool is_lower_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool valid_service_name(Text name) {
    // The name server's rules (services/name_server/registry.h).
    if (name.length == 0 || name.length > ServiceSpec::kMaxName) return false;
    if (name.data[0] < 'a' || name.data[0] > 'z') return false;
    for (size_t i = 0; i < name.length; ++i) {
        char c = name.data[i];
        if (!is_lower_or_digit(c) && c != '.' && c != '-' && c != '_') return false;
    }
    char last = name.data[name.length - 1];
    return last != '.' && last != '-';
}

bool valid_program(Text program) {
    if (program.length == 0 || program.length > ServiceSpec::kMaxProgram) return false;
    if (program.data[0] == '.') return false;  // no ".", "..", hidden files
    for (size_t i = 0; i < program.length; ++i) {
        char c = program.data[i];
        bool ok =
            is_lower_or_digit(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

bool valid_device(Text device) {
    if (device.length == 0 || device.length > Need::kMaxDevice) return false;
    for (size_t i = 0; i < device.length; ++i) {
        char c = device.data[i];
        if (!is_lower_or_digit(c) && c != '-' && c != '_') return false;
    }
    return true;
}

void copy(Text text, char* out) {
    for (size_t i = 0; i < text.length; ++i)
        out[i] = text.data[i];
    out[text.length] = '\0';
}

bool same(const char* a, const char* b) {
    while (*a != '\0' && *a == *b)
        ++a, ++b;
    return *a == *b;
}

// A decimal number <= maximum.
bool parse_number(Text text, uint64_t maximum, uint64_t* value) {
    if (text.length == 0) return false;
    uint64_t result = 0;
    for (size_t i = 0; i < text.length; ++i) {
        char c = text.data[i];
        if (c < '0' || c > '9') return false;
        result = result * 10 + static_cast<uint64_t>(c - '0');
        if (result > maximum) return false;
    }
    *value = result;
    return true;
}

constexpr uint64_t kMaxDurationNs = 3600 * kSecond;

// "<number>ms" or "<number>s", 0 < duration <= an hour.
bool parse_duration(Text text, uint64_t* nanoseconds) {
    uint64_t unit;
    if (text.length > 2 && text.data[text.length - 2] == 'm' && text.data[text.length - 1] == 's') {
        unit = kMillisecond;
        text.length -= 2;
    } else if (text.length > 1 && text.data[text.length - 1] == 's') {
        unit = kSecond;
        text.length -= 1;
    } else {
        return false;
    }
    uint64_t count;
    if (!parse_number(text, kMaxDurationNs / unit, &count) || count == 0) return false;
    *nanoseconds = count * unit;
    return true;
}

const char* parse_need(Text text, ServiceSpec* spec) {
    Text kind = text, device = {text.data + text.length, 0};
    bool has_device = text.split(":", &kind, &device);
    Need need{};
    if (kind.equals("irq")) {
        need.kind = NeedKind::kIrq;
    } else if (kind.equals("ioports")) {
        need.kind = NeedKind::kIoPorts;
    } else if (kind.equals("device")) {
        need.kind = NeedKind::kDevice;
    } else if (kind.equals("nameserver")) {
        need.kind = NeedKind::kNameServer;
    } else if (kind.equals("register")) {
        need.kind = NeedKind::kRegister;
    } else if (kind.equals("platform")) {
        need.kind = NeedKind::kPlatform;
    } else {
        return "unknown need (irq:, ioports:, device:, nameserver, register, platform)";
    }
    bool wants_device = need.kind == NeedKind::kIrq || need.kind == NeedKind::kIoPorts ||
                        need.kind == NeedKind::kDevice;
    if (wants_device && !has_device) return "this need names a device (kind:device)";
    if (!wants_device && has_device) return "this need takes no device";
    if (has_device) {
        if (!valid_device(device)) return "invalid device name";
        copy(device, need.device);
    }
    if (spec->find_need(need.kind, need.device) != nullptr) return "need listed twice";
    if (spec->need_count == ServiceSpec::kMaxNeeds) return "too many needs";
    spec->needs[spec->need_count++] = need;
    return nullptr;
}

const char* parse_needs(Text value, ServiceSpec* spec) {
    if (value.length == 0) return "empty needs";
    Text rest = value, item;
    while (rest.split(",", &item, &rest)) {
        if (const char* error = parse_need(item, spec)) return error;
    }
    return parse_need(rest, spec);
}

const char* parse_option(Text key, Text value, ServiceSpec* spec) {
    if (key.equals("needs")) return parse_needs(value, spec);
    if (key.equals("restart")) {
        if (value.equals("always")) {
            spec->restart.mode = RestartMode::kAlways;
        } else if (value.equals("on-failure")) {
            spec->restart.mode = RestartMode::kOnFailure;
        } else if (value.equals("never")) {
            spec->restart.mode = RestartMode::kNever;
        } else {
            return "invalid restart (always, on-failure, never)";
        }
        return nullptr;
    }
    if (key.equals("limit")) {
        Text crashes, seconds;
        uint64_t count, window;
        if (!value.split("/", &crashes, &seconds) || seconds.length < 2 ||
            seconds.data[seconds.length - 1] != 's' ||
            !parse_number(crashes, RestartTracker::kMaxCrashHistory, &count) || count == 0 ||
            !parse_number({seconds.data, seconds.length - 1}, 86400, &window) || window == 0) {
            return "invalid limit (want <crashes>/<seconds>s, crashes 1..32)";
        }
        spec->restart.max_crashes = static_cast<uint32_t>(count);
        spec->restart.crash_window_ns = window * kSecond;
        return nullptr;
    }
    if (key.equals("backoff")) {
        Text initial, maximum;
        uint64_t initial_ns, maximum_ns;
        if (!value.split("..", &initial, &maximum) || !parse_duration(initial, &initial_ns) ||
            !parse_duration(maximum, &maximum_ns)) {
            return "invalid backoff (want <initial>..<maximum> in ms or s, at most 3600s)";
        }
        if (maximum_ns < initial_ns) return "backoff maximum below its initial wait";
        spec->restart.initial_backoff_ns = initial_ns;
        spec->restart.max_backoff_ns = maximum_ns;
        return nullptr;
    }
    if (key.equals("arg")) {
        if (value.length == 0 || value.length > ServiceSpec::kMaxArgument) {
            return "invalid arg (1..63 characters)";
        }
        copy(value, spec->argument);
        return nullptr;
    }
    if (key.equals("quota")) {
        uint64_t count, unit = 0;
        if (value.length >= 2 && value.data[value.length - 1] == 'K') unit = 1024;
        if (value.length >= 2 && value.data[value.length - 1] == 'M') unit = 1024 * 1024;
        if (unit == 0 ||
            !parse_number({value.data, value.length - 1}, ServiceSpec::kMaxQuota / unit, &count) ||
            count * unit < ServiceSpec::kMinQuota) {
            return "invalid quota (want <n>K or <n>M, 192K..64M)";
        }
        spec->quota_bytes = count * unit;
        return nullptr;
    }
    return "unknown option (needs, restart, limit, backoff, arg, quota)";
}

// One line without its comment; *error stays null for blank lines.
const char* parse_line(Text line, Manifest* manifest, bool* added) {
    *added = false;
    Text words[12];
    size_t count = 0;
    for (size_t i = 0; i < line.length;) {
        if (is_blank(line.data[i])) {
            ++i;
            continue;
        }
        size_t start = i;
        while (i < line.length && !is_blank(line.data[i]))
            ++i;
        if (count == sizeof(words) / sizeof(words[0])) return "too many fields";
        words[count++] = {line.data + start, i - start};
    }
    if (count == 0) return nullptr;
    if (!valid_service_name(words[0])) return "invalid service name";
    if (count < 2) return "missing program";
    if (!valid_program(words[1])) return "invalid program name";
    if (manifest->count == Manifest::kMaxServices) return "too many services";

    ServiceSpec& spec = manifest->services[manifest->count];
    spec = ServiceSpec{};
    copy(words[0], spec.name);
    copy(words[1], spec.program);
    if (manifest->find(spec.name) != nullptr) return "duplicate service name";
    constexpr size_t kKeys = 6;
    bool seen[kKeys] = {};
    const char* keys[kKeys] = {"needs", "restart", "limit", "backoff", "arg", "quota"};
    for (size_t w = 2; w < count; ++w) {
        Text key, value;
        if (!words[w].split("=", &key, &value)) return "option without '=' (key=value)";
        for (size_t k = 0; k < kKeys; ++k) {
            if (!key.equals(keys[k])) continue;
            if (seen[k]) return "option given twice";
            seen[k] = true;
        }
        if (const char* error = parse_option(key, value, &spec)) return error;
    }
    ++manifest->count;
    *added = true;
    return nullptr;
}

}  // namespace

const Need* ServiceSpec::find_need(NeedKind kind, const char* device) const {
    for (size_t i = 0; i < need_count; ++i) {
        if (needs[i].kind == kind && (device == nullptr || same(needs[i].device, device))) {
            return &needs[i];
        }
    }
    return nullptr;
}

const ServiceSpec* Manifest::find(const char* name) const {
    for (size_t i = 0; i < count; ++i) {
        if (same(services[i].name, name)) return &services[i];
    }
    return nullptr;
}

bool parse_manifest(const char* text, size_t length, Manifest* manifest, ManifestError* error) {
    manifest->count = 0;
    size_t line_number = 0;
    for (size_t start = 0; start < length;) {
        ++line_number;
        size_t end = start;
        while (end < length && text[end] != '\n')
            ++end;
        // The comment goes: '#' at the start or after a blank.
        size_t content = start;
        while (content < end &&
               !(text[content] == '#' && (content == start || is_blank(text[content - 1])))) {
            char c = text[content];
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r') || c == 0x7f) {
                *error = {line_number, "control character in the line"};
                return false;
            }
            ++content;
        }
        bool added;
        if (const char* message = parse_line({text + start, content - start}, manifest, &added)) {
            *error = {line_number, message};
            return false;
        }
        start = end + 1;
    }
    *error = {0, nullptr};
    return true;
}

}  // namespace cairn::service_manager
