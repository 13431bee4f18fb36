// idl_compat BASELINE CURRENT [UPDATE_COMMAND]: compares two interface
// summaries (<name>.ipc.api, written by the IDL plugin) and exits 1 listing
// every breaking change. The wire format is fixed-layout (ipc/README.md), so
// breaking means anything that changes how existing calls encode or decode:
//   - a service, method (ids come from names: a rename is a removal),
//     message, field or enum value removed
//   - a field renumbered, retyped, made (un)repeated, or added to an
//     existing message (fields follow each other with no tags)
//   - a method's request or reply type changed
//   - a bound lowered (raising max_length/max_count is compatible)
//   - a capability field demanding more rights, or switching move/copy
// Compatible: new services, methods, messages and enum values; raised bounds;
// renamed fields (names are not on the wire).
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Field {
    std::string name, cardinality, type;
    unsigned long max_length = 0, max_count = 0, rights = 0;
    bool move = false;
};

struct Api {
    std::set<std::string> services, messages, enums;
    std::map<std::string, std::string> methods;  // name -> "request reply"
    std::map<std::pair<std::string, long>, Field> fields;
    std::map<std::pair<std::string, long>, std::string> values;
};

unsigned long option(const std::string& word, const std::string& key) {
    return word.rfind(key + "=", 0) == 0 ? std::stoul(word.substr(key.size() + 1)) : 0;
}

bool load(const char* path, Api& api) {
    std::ifstream file(path);
    if (!file) return false;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream words(line);
        std::string kind, name;
        words >> kind >> name;
        if (kind == "service") api.services.insert(name);
        if (kind == "message") api.messages.insert(name);
        if (kind == "enum") api.enums.insert(name);
        if (kind == "method") {
            std::string id, request, reply;
            words >> id >> request >> reply;
            api.methods[name] = request + " " + reply;
        }
        if (kind == "value") {
            long number;
            std::string value;
            words >> number >> value;
            api.values[{name, number}] = value;
        }
        if (kind == "field") {
            long number;
            Field field;
            words >> number >> field.name >> field.cardinality >> field.type;
            std::string word;
            while (words >> word) {
                field.max_length += option(word, "max_length");
                field.max_count += option(word, "max_count");
                field.rights += option(word, "rights");
                field.move = field.move || word == "move";
            }
            api.fields[{name, number}] = field;
        }
    }
    return true;
}

std::vector<std::string> compare(const Api& old_api, const Api& new_api) {
    std::vector<std::string> breaks;
    for (const auto& service : old_api.services)
        if (!new_api.services.count(service)) breaks.push_back("removed service " + service);
    for (const auto& [method, types] : old_api.methods) {
        auto found = new_api.methods.find(method);
        if (found == new_api.methods.end())
            breaks.push_back("removed or renamed method " + method +
                             " (its id is its name's hash)");
        else if (found->second != types)
            breaks.push_back("changed types of method " + method + ": " + types + " -> " +
                             found->second);
    }
    for (const auto& message : old_api.messages)
        if (!new_api.messages.count(message)) breaks.push_back("removed message " + message);
    for (const auto& [key, field] : old_api.fields) {
        std::string where =
            key.first + " field " + std::to_string(key.second) + " (" + field.name + ")";
        auto found = new_api.fields.find(key);
        if (found == new_api.fields.end()) {
            if (new_api.messages.count(key.first))
                breaks.push_back("removed or renumbered " + where);
            continue;
        }
        const Field& now = found->second;
        if (now.type != field.type || now.cardinality != field.cardinality)
            breaks.push_back("changed type of " + where + ": " + field.cardinality + " " +
                             field.type + " -> " + now.cardinality + " " + now.type);
        if (now.max_length < field.max_length || now.max_count < field.max_count)
            breaks.push_back("lowered the bound of " + where);
        if ((now.rights & ~field.rights) != 0) breaks.push_back("demands more rights in " + where);
        if (now.move != field.move) breaks.push_back("switched move/copy of " + where);
    }
    for (const auto& [key, field] : new_api.fields)
        if (old_api.messages.count(key.first) && !old_api.fields.count(key))
            breaks.push_back("added field " + std::to_string(key.second) + " (" + field.name +
                             ") to existing message " + key.first +
                             ": the layout is fixed, add a new message and method instead");
    for (const auto& [key, value] : old_api.values) {
        auto found = new_api.values.find(key);
        if (found == new_api.values.end() || found->second != value)
            breaks.push_back("removed or renumbered enum value " + key.first + "." + value);
    }
    return breaks;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: idl_compat BASELINE CURRENT [UPDATE_COMMAND]\n");
        return 2;
    }
    Api baseline, current;
    if (!load(argv[1], baseline) || !load(argv[2], current)) {
        std::fprintf(stderr, "idl_compat: cannot read %s or %s\n", argv[1], argv[2]);
        return 2;
    }
    std::vector<std::string> breaks = compare(baseline, current);
    for (const auto& text : breaks)
        std::printf("BREAKING: %s\n", text.c_str());
    if (breaks.empty()) {
        std::printf("idl_compat: %s is compatible with its baseline\n", argv[2]);
        return 0;
    }
    std::printf("idl_compat: %zu breaking change(s) against %s.\n", breaks.size(), argv[1]);
    if (argc > 3)
        std::printf(
            "If the break is deliberate (every client and server updated together), "
            "accept it with:\n  %s\n",
            argv[3]);
    return 1;
}
