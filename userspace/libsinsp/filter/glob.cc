// Shell wildcard matching without backtracking blow-up: one remembered star.
#include "userspace/libsinsp/filter/glob.h"

#include <ctype.h>

namespace sinsp::filter {

namespace {

unsigned char lower(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

// [:name:] classes, in the C locale.
struct CharClass {
    std::string_view name;
    int (*test)(int);
};

constexpr CharClass kClasses[] = {
    {"alpha", isalpha},   {"digit", isdigit}, {"alnum", isalnum}, {"upper", isupper},
    {"lower", islower},   {"space", isspace}, {"blank", isblank}, {"punct", ispunct},
    {"xdigit", isxdigit}, {"print", isprint}, {"graph", isgraph}, {"cntrl", iscntrl},
};

const CharClass* find_class(std::string_view name) {
    for (const CharClass& c : kClasses) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

} // namespace

GlobPattern::GlobPattern(std::string_view p, bool case_insensitive)
    : case_insensitive_(case_insensitive) {
    auto add_char = [&](std::bitset<256>& set, unsigned char c) {
        set.set(c);
        if (case_insensitive_) {
            set.set(lower(c));
            set.set(static_cast<unsigned char>(toupper(c)));
        }
    };
    size_t i = 0;
    while (i < p.size()) {
        auto c = static_cast<unsigned char>(p[i]);
        Element e{Element::Kind::kOne, {}};
        if (c == '*') {
            // Runs of stars are one star.
            if (elements_.empty() || elements_.back().kind != Element::Kind::kStar) {
                elements_.push_back(Element{Element::Kind::kStar, {}});
            }
            ++i;
            continue;
        }
        if (c == '?') {
            e.chars.set();
            elements_.push_back(e);
            ++i;
            continue;
        }
        if (c == '\\' && i + 1 < p.size()) {
            add_char(e.chars, static_cast<unsigned char>(p[i + 1]));
            elements_.push_back(e);
            i += 2;
            continue;
        }
        if (c == '[') {
            // Parse a bracket expression; if it does not close, '[' is literal.
            size_t j = i + 1;
            bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
            if (negate) {
                ++j;
            }
            std::bitset<256> set;
            bool first = true;
            bool closed = false;
            while (j < p.size()) {
                auto x = static_cast<unsigned char>(p[j]);
                if (x == ']' && !first) {
                    closed = true;
                    ++j;
                    break;
                }
                first = false;
                if (x == '[' && j + 1 < p.size() && p[j + 1] == ':') {
                    size_t close = p.find(":]", j + 2);
                    if (close != std::string_view::npos) {
                        if (const CharClass* cls = find_class(p.substr(j + 2, close - j - 2))) {
                            for (int b = 0; b < 256; ++b) {
                                if (cls->test(b)) {
                                    add_char(set, static_cast<unsigned char>(b));
                                }
                            }
                            j = close + 2;
                            continue;
                        }
                    }
                }
                if (x == '\\' && j + 1 < p.size()) {
                    x = static_cast<unsigned char>(p[++j]);
                }
                unsigned char hi = x;
                if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
                    size_t k = j + 2;
                    if (p[k] == '\\' && k + 1 < p.size()) {
                        ++k;
                    }
                    hi = static_cast<unsigned char>(p[k]);
                    j = k;
                }
                for (unsigned b = x; b <= hi; ++b) {
                    add_char(set, static_cast<unsigned char>(b));
                }
                ++j;
            }
            if (closed) {
                e.chars = negate ? ~set : set;
                elements_.push_back(e);
                i = j;
                continue;
            }
        }
        add_char(e.chars, c);
        elements_.push_back(e);
        ++i;
    }
}

bool GlobPattern::match(std::string_view text) const {
    const size_t n = text.size();
    const size_t m = elements_.size();
    size_t p = 0;
    size_t s = 0;
    size_t star = m; // none yet
    size_t resume = 0;
    while (s < n) {
        if (p < m && elements_[p].kind == Element::Kind::kStar) {
            star = p++;
            resume = s;
            continue;
        }
        if (p < m && elements_[p].chars.test(static_cast<unsigned char>(text[s]))) {
            ++p;
            ++s;
            continue;
        }
        if (star == m) {
            return false;
        }
        p = star + 1;
        s = ++resume;
    }
    while (p < m && elements_[p].kind == Element::Kind::kStar) {
        ++p;
    }
    return p == m;
}

} // namespace sinsp::filter
