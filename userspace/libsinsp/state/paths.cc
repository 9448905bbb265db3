#include "state/paths.h"

#include <vector>

namespace sinsp::state {

std::string absolute_path(std::string_view dir, std::string_view name) {
    std::string joined;
    if (!name.empty() && name.front() == '/') {
        joined = name;
    } else {
        joined = dir;
        if (!joined.empty() && joined.back() != '/') {
            joined += '/';
        }
        joined += name;
    }
    if (joined.empty() || joined.front() != '/') {
        return joined; // nothing to anchor it on: keep it as given
    }
    std::vector<std::string_view> parts;
    std::string_view rest(joined);
    while (!rest.empty()) {
        size_t slash = rest.find('/');
        std::string_view part = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
        if (part.empty() || part == ".") {
            continue;
        }
        if (part == "..") {
            if (!parts.empty()) {
                parts.pop_back();
            }
            continue;
        }
        parts.push_back(part);
    }
    std::string out;
    for (std::string_view part : parts) {
        out += '/';
        out += part;
    }
    return out.empty() ? "/" : out;
}

std::string with_trailing_slash(std::string_view dir) {
    std::string out(dir);
    if (!out.empty() && out.back() != '/') {
        out += '/';
    }
    return out;
}

} // namespace sinsp::state
