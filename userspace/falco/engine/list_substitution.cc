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
