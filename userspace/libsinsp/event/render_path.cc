#include "event/render_path.h"

namespace sinsp::render {

namespace {

// Drops the last component of `path` ("/a/b" and "/a/b/" become "/a/"), as sysdig does: the
// search for the separator starts one character before the end, so a one-character path stays
// as it is and a first component without a leading '/' goes entirely.
void drop_last_component(std::string& path) {
    if (path.size() < 2) {
        return;
    }
    size_t p = path.size() - 2;
    while (p > 0 && path[p] != '/') {
        p--;
    }
    path.resize(path[p] == '/' ? p + 1 : 0);
}

} // namespace

std::string join_relative(std::string_view base, std::string_view rel) {
    std::string out(base);
    if (!out.empty() && out.back() != '/') {
        out += '/';
    }
    size_t i = 0;
    while (i < rel.size()) {
        char c = rel[i];
        char next = i + 1 < rel.size() ? rel[i + 1] : '\0';
        if (c == '.' && next == '.') {
            char after = i + 2 < rel.size() ? rel[i + 2] : '\0';
            if (after == '/' || after == '\0') {
                drop_last_component(out);
                i += after == '/' ? 3 : 2;
            } else {
                out += "..";
                i += 2;
            }
            continue;
        }
        if (c == '.' && (next == '/' || next == '\0')) {
            i += next == '/' ? 2 : 1;
            continue;
        }
        if (c == '/' && !out.empty() && out.back() == '/') {
            i++;
            continue;
        }
        out += c;
        i++;
    }
    if (out.size() > 1 && out.back() == '/') {
        out.pop_back();
    }
    return out;
}

void append_printable(std::string_view s, std::string& out) {
    for (char c : s) {
        if (is_printable(c)) {
            out += c;
        }
    }
}

void append_dotted(std::string_view s, std::string& out) {
    for (char c : s) {
        out += is_printable(c) ? c : '.';
    }
}

} // namespace sinsp::render
