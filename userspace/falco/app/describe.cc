#include "app/describe.h"

#include <set>

#include "app/event_loop.h"
#include "driver_api/event_table.h"
#include "engine/json_text.h"
#include "sinsp/fields.h"

namespace falco {
namespace {

constexpr size_t kNameWidth = 50;
constexpr size_t kDescWidth = 80;

// `text` cut into lines of at most `width` characters at blanks.
std::vector<std::string> wrap(const std::string& text, size_t width) {
    std::vector<std::string> lines;
    std::string line;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find_first_of(" \n", start);
        std::string word = text.substr(start, end == std::string::npos ? end : end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        if (word.empty()) {
            continue;
        }
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(line);
            line.clear();
        }
        line += line.empty() ? word : " " + word;
    }
    if (!line.empty()) {
        lines.push_back(line);
    }
    return lines;
}

void append_string_array(std::string& out, const std::vector<std::string>& items) {
    out += '[';
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        json::append_string(out, items[i]);
    }
    out += ']';
}

void append_rule_json(std::string& out, const CompiledRule& rule) {
    out += "{\"name\":";
    json::append_string(out, rule.name);
    out += ",\"desc\":";
    json::append_string(out, rule.desc);
    out += ",\"condition\":";
    json::append_string(out, rule.condition);
    out += ",\"output\":";
    json::append_string(out, rule.output);
    out += ",\"priority\":";
    json::append_string(out, priority_name(rule.priority));
    out += ",\"source\":";
    json::append_string(out, rule.source);
    out += ",\"tags\":";
    append_string_array(out, rule.tags);
    out += rule.enabled ? ",\"enabled\":true}" : ",\"enabled\":false}";
}

} // namespace

void describe_rules(const RulesEngine& engine, bool json, std::FILE* out) {
    if (json) {
        const RulesContent& content = engine.content();
        std::string text =
            "{\"required_engine_version\":" + std::to_string(content.required_engine_version) +
            ",\"rules\":[";
        for (size_t i = 0; i < engine.rules().size(); ++i) {
            text += i == 0 ? "" : ",";
            append_rule_json(text, engine.rules()[i]);
        }
        text += "],\"macros\":[";
        for (size_t i = 0; i < content.macros.size(); ++i) {
            text += i == 0 ? "{\"name\":" : ",{\"name\":";
            json::append_string(text, content.macros[i].name);
            text += ",\"condition\":";
            json::append_string(text, content.macros[i].condition);
            text += '}';
        }
        text += "],\"lists\":[";
        for (size_t i = 0; i < content.lists.size(); ++i) {
            text += i == 0 ? "{\"name\":" : ",{\"name\":";
            json::append_string(text, content.lists[i].name);
            text += ",\"items\":";
            append_string_array(text, content.lists[i].items);
            text += '}';
        }
        text += "]}\n";
        std::fputs(text.c_str(), out);
        return;
    }
    std::fprintf(out, "%-*s %s\n", static_cast<int>(kNameWidth), "Rule", "Description");
    std::fprintf(out, "%-*s %s\n", static_cast<int>(kNameWidth), "----", "-----------");
    for (const CompiledRule& rule : engine.rules()) {
        std::vector<std::string> lines = wrap(rule.desc, kDescWidth);
        if (lines.empty()) {
            lines.emplace_back();
        }
        std::fprintf(out, "%-*s %s\n", static_cast<int>(kNameWidth), rule.name.c_str(),
                     lines[0].c_str());
        for (size_t i = 1; i < lines.size(); ++i) {
            std::fprintf(out, "%-*s %s\n", static_cast<int>(kNameWidth), "", lines[i].c_str());
        }
        std::fputc('\n', out);
    }
}

bool describe_rule(const RulesEngine& engine, const std::string& name, bool json, std::FILE* out) {
    for (const CompiledRule& rule : engine.rules()) {
        if (rule.name != name) {
            continue;
        }
        if (json) {
            std::string text;
            append_rule_json(text, rule);
            std::fprintf(out, "%s\n", text.c_str());
            return true;
        }
        std::string tags;
        for (const std::string& tag : rule.tags) {
            tags += tags.empty() ? tag : ", " + tag;
        }
        std::fprintf(out,
                     "Rule: %s\nDescription: %s\nCondition: %s\nOutput: %s\nPriority: %s\n"
                     "Source: %s\nTags: [%s]\nEnabled: %s\n",
                     rule.name.c_str(), rule.desc.c_str(), rule.condition.c_str(),
                     rule.output.c_str(), std::string(priority_name(rule.priority)).c_str(),
                     rule.source.c_str(), tags.c_str(), rule.enabled ? "true" : "false");
        return true;
    }
    return false;
}

void list_field_names(std::FILE* out) {
    for (const sinsp::FieldClassInfo& cls : sinsp::FieldCatalogue::instance().classes()) {
        for (const sinsp::filter::FieldInfo* field : cls.fields) {
            std::fprintf(out, "%s\n", field->name.c_str());
        }
    }
}

void list_high_volume_events(std::FILE* out) {
    std::set<std::string> names;
    for (uint16_t code = 0; code < SCAP_EVENT_COUNT; ++code) {
        if (scap_event_table[code].name != nullptr && is_high_volume(code)) {
            names.insert(scap_event_table[code].name);
        }
    }
    std::fprintf(out, "Events evaluated only with -A (live capture):\n");
    for (const std::string& name : names) {
        std::fprintf(out, "%s\n", name.c_str());
    }
}

} // namespace falco
