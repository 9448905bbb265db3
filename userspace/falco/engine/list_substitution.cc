#include "engine/list_substitution.h"

#include "engine/exceptions_text.h"

namespace falco {
namespace {

bool is_delimiter(char c) {
    switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case '\b':
    case '(':
    case ')':
    case ',':
    case '=':
        return true;
    default:
        return false;
    }
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\b';
}

// True when `out` ends with a list operator written as a word (`in`, `pmatch`, `intersects`)
// that a blank precedes: the list name after it stands for the whole list.
bool ends_with_list_operator(const std::string& out) {
    for (std::string_view op : {"in", "pmatch", "intersects"}) {
        if (out.size() > op.size() && out.compare(out.size() - op.size(), op.size(), op) == 0 &&
            is_blank(out[out.size() - op.size() - 1])) {
            return true;
        }
    }
    return false;
}

std::string join_items(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        out += items[i];
    }
    return out;
}

} // namespace

ListTable::ListTable(const std::vector<ListDef>& lists) {
    std::map<std::string_view, const ListDef*> by_name;
    for (const ListDef& list : lists) {
        by_name.emplace(list.name, &list);
        used_[list.name] = false;
    }
    for (const ListDef& list : lists) {
        std::vector<std::string> expanded;
        for (const std::string& item : list.items) {
            auto inner = by_name.find(item);
            if (inner != by_name.end() && inner->second->seq.first < list.seq.latest) {
                used_[item] = true;
                for (const std::string& sub : inner->second->items) {
                    expanded.push_back(quote_value(sub));
                }
            } else {
                expanded.push_back(quote_value(item));
            }
        }
        items_.emplace(list.name, std::move(expanded));
    }
}

std::string ListTable::substitute(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        if (is_delimiter(text[i])) {
            out += text[i++];
            continue;
        }
        size_t end = i;
        while (end < text.size() && !is_delimiter(text[end])) {
            ++end;
        }
        std::string_view word = text.substr(i, end - i);
        auto found = items_.find(word);
        if (found == items_.end()) {
            out += word;
            i = end;
            continue;
        }
        used_[found->first] = true;
        while (!out.empty() && is_blank(out.back())) {
            out.pop_back();
        }
        while (end < text.size() && is_blank(text[end])) {
            ++end;
        }
        // `proc.name in shell_binaries` (the identifier form): the items become the operator's
        // parenthesised list, as if the condition said `in (shell_binaries)`. Without the
        // parentheses a list of several items would not parse.
        if (ends_with_list_operator(out)) {
            out += " (" + join_items(found->second) + ") ";
            i = end;
            continue;
        }
        if (found->second.empty()) {
            if (end < text.size() && text[end] == ',') {
                ++end;
            } else if (!out.empty() && out.back() == ',') {
                out.pop_back();
            }
        }
        out += ' ';
        out += join_items(found->second);
        out += ' ';
        i = end;
    }
    return out;
}

bool ListTable::used(const std::string& name) const {
    auto found = used_.find(name);
    return found != used_.end() && found->second;
}

} // namespace falco
