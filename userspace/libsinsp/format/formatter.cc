#include "sinsp/formatter.h"

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <utility>

#include "format/json_writer.h"
#include "sinsp/error.h"

namespace sinsp {

const char* const kDefaultFormat =
    "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

namespace {

// The fields that print the event time as text.
bool is_time_text(std::string_view name) {
    return name == "evt.time" || name == "evt.time.s" || name == "evt.time.iso8601" ||
           name == "evt.datetime" || name == "evt.datetime.s";
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

} // namespace

Formatter::Formatter(std::string_view format, const FieldCatalogue& catalogue)
    : rawtime_(*catalogue.bind("evt.rawtime", std::nullopt, nullptr)) {
    if (!format.empty() && format.front() == '*') {
        print_all_ = true;
        format.remove_prefix(1);
    }
    std::string text;
    size_t i = 0;
    while (i < format.size()) {
        char c = format[i];
        if (c != '%') {
            text += c;
            i++;
            continue;
        }
        size_t token = i;
        i++;
        if (i >= format.size()) {
            throw Error("invalid formatting syntax: formatting cannot end with a %");
        }
        unsigned pad = 0;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
            pad = pad * 10 + static_cast<unsigned>(format[i] - '0');
            i++;
        }
        size_t end = i;
        while (end < format.size() && is_name_char(format[end])) {
            end++;
        }
        // The longest prefix of the run that names a field ("%fd.name." is fd.name then ".").
        std::optional<filter::BoundField> bound;
        size_t name_end = end;
        while (name_end > i) {
            std::string_view name = format.substr(i, name_end - i);
            std::optional<std::string> argument;
            size_t after = name_end;
            if (after < format.size() && format[after] == '[') {
                size_t close = format.find(']', after);
                if (close != std::string_view::npos) {
                    argument = std::string(format.substr(after + 1, close - after - 1));
                    after = close + 1;
                }
            }
            bound = catalogue.bind(name, argument, nullptr);
            if (!bound && argument) {
                bound = catalogue.bind(name, std::nullopt, nullptr);
                after = name_end;
            }
            if (bound) {
                name_end = after;
                break;
            }
            name_end--;
        }
        if (!bound) {
            throw Error("invalid formatting token " + std::string(format.substr(token + 1)));
        }
        Segment seg;
        seg.text = std::move(text);
        text.clear();
        seg.has_field = true;
        seg.field = std::move(*bound);
        seg.key = std::string(format.substr(i, name_end - i));
        seg.pad = pad;
        seg.time_text = is_time_text(seg.field.name);
        segments_.push_back(std::move(seg));
        i = name_end;
    }
    if (!text.empty()) {
        Segment seg;
        seg.text = std::move(text);
        segments_.push_back(std::move(seg));
    }
}

bool Formatter::format(FieldExtractor& extractor, std::string& out) const {
    size_t start = out.size();
    std::string value;
    for (const Segment& seg : segments_) {
        out += seg.text;
        if (!seg.has_field) {
            continue;
        }
        value.clear();
        if (!extractor.render(seg.field, value)) {
            if (!print_all_) {
                out.resize(start);
                return false;
            }
            value = "<NA>";
        }
        out += value;
        if (value.size() < seg.pad) {
            out.append(seg.pad - value.size(), ' ');
        }
    }
    return true;
}

bool Formatter::format_json(FieldExtractor& extractor, std::string& out, bool raw_times) const {
    std::vector<std::pair<std::string, std::string>> members; // key -> JSON value
    filter::ValueList values;
    std::string text;
    for (const Segment& seg : segments_) {
        if (!seg.has_field) {
            continue;
        }
        values.clear();
        text.clear();
        std::string json;
        bool numeric =
            filter::is_numeric(seg.field.type) || seg.field.type == filter::FieldType::kBool;
        if (raw_times && seg.time_text && extractor.extract(rawtime_, values) &&
            values.size() == 1) {
            json = json::value(values[0]);
        } else if (numeric && extractor.extract(seg.field, values) && values.size() == 1 &&
                   values[0].kind() != filter::Value::Kind::kString) {
            json = json::value(values[0]);
        } else if (extractor.render(seg.field, text)) {
            json = json::quoted(text);
        } else if (!print_all_) {
            return false;
        } else {
            json = "null";
        }
        members.emplace_back(seg.key, std::move(json));
    }
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    out += '{';
    bool first = true;
    for (size_t k = 0; k < members.size(); k++) {
        if (k > 0 && members[k].first == members[k - 1].first) {
            continue;
        }
        if (!first) {
            out += ',';
        }
        first = false;
        out += json::quoted(members[k].first);
        out += ':';
        out += members[k].second;
    }
    out += '}';
    return true;
}

std::vector<filter::BoundField> Formatter::fields() const {
    std::vector<filter::BoundField> out;
    for (const Segment& seg : segments_) {
        if (seg.has_field) {
            out.push_back(seg.field);
        }
    }
    return out;
}

} // namespace sinsp
