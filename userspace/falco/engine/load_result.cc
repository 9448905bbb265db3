#include "engine/load_result.h"

#include <array>

#include "engine/json_text.h"

namespace falco {
namespace {

struct CodeText {
    std::string_view name;
    std::string_view description;
};

constexpr std::array<CodeText, 13> kCodes = {{
    {"LOAD_ERR_FILE_READ", "File read error"},
    {"LOAD_ERR_YAML_PARSE", "YAML parse error"},
    {"LOAD_ERR_YAML_VALIDATE", "Error validating internal structure of YAML file"},
    {"LOAD_ERR_COMPILE_CONDITION", "Error compiling condition"},
    {"LOAD_ERR_COMPILE_OUTPUT", "Error compiling output"},
    {"LOAD_ERR_VALIDATE", "Error validating rule/macro/list/exception objects"},
    {"LOAD_UNKNOWN_SOURCE", "Unknown event source"},
    {"LOAD_UNSAFE_NA_CHECK", "Unsafe <NA> comparison in condition"},
    {"LOAD_NO_EVTTYPE", "Condition has no event-type restriction"},
    {"LOAD_UNKNOWN_FIELD", "Unknown field or event-type in condition or output"},
    {"LOAD_UNUSED_MACRO", "Unused macro"},
    {"LOAD_UNUSED_LIST", "Unused list"},
    {"LOAD_UNKNOWN_ITEM", "Unknown rules file item"},
}};

// "In rule 'x': (file:3:2)" for the outermost location, indented below for inner ones.
void append_locations(const Problem& p, std::string& out) {
    std::string indent;
    for (const Location& loc : p.context) {
        out += indent.empty() ? "In " : indent;
        out += loc.item_type;
        if (!loc.item_name.empty()) {
            out += " '" + loc.item_name + "'";
        }
        out += ": (" + loc.position.name + ":" + std::to_string(loc.position.line) + ":" +
               std::to_string(loc.position.column) + ")\n";
        indent += "    ";
    }
}

void append_problem_text(const Problem& p, std::string& out) {
    append_locations(p, out);
    if (!p.snippet.empty()) {
        out += "------\n" + p.snippet + "------\n";
    }
    out += std::string(code_name(p.code)) + " (" + std::string(code_description(p.code)) +
           "): " + p.message + "\n";
}

void append_problem_json(const Problem& p, std::string& out) {
    out += "{\"code\":";
    json::append_string(out, code_name(p.code));
    out += ",\"codedesc\":";
    json::append_string(out, code_description(p.code));
    out += ",\"message\":";
    json::append_string(out, p.message);
    out += ",\"context\":{\"locations\":[";
    for (size_t i = 0; i < p.context.size(); ++i) {
        const Location& loc = p.context[i];
        out += i == 0 ? "{\"item_type\":" : ",{\"item_type\":";
        json::append_string(out, loc.item_type);
        out += ",\"item_name\":";
        json::append_string(out, loc.item_name);
        out += ",\"position\":{\"name\":";
        json::append_string(out, loc.position.name);
        out += ",\"line\":" + std::to_string(loc.position.line) +
               ",\"column\":" + std::to_string(loc.position.column) +
               ",\"offset\":" + std::to_string(loc.position.offset) + "}}";
    }
    out += "],\"snippet\":";
    json::append_string(out, p.snippet);
    out += "}}";
}

void append_problems_json(const std::vector<Problem>& problems, std::string& out) {
    out += '[';
    for (size_t i = 0; i < problems.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        append_problem_json(problems[i], out);
    }
    out += ']';
}

} // namespace

bool is_error(LoadCode code) {
    return code <= LoadCode::kErrValidate;
}

std::string_view code_name(LoadCode code) {
    return kCodes[static_cast<size_t>(code)].name;
}

std::string_view code_description(LoadCode code) {
    return kCodes[static_cast<size_t>(code)].description;
}

void LoadResult::add(Problem problem) {
    (is_error(problem.code) ? errors_ : warnings_).push_back(std::move(problem));
}

std::string LoadResult::as_text(bool verbose, bool with_warnings) const {
    std::string out = name_ + ": ";
    if (!successful()) {
        out += "Invalid\n";
    } else {
        out += has_warnings() ? "Ok, with warnings\n" : "Ok\n";
    }
    if (!verbose) {
        return out;
    }
    if (!errors_.empty()) {
        out += std::to_string(errors_.size()) + " Errors:\n";
        for (const Problem& p : errors_) {
            append_problem_text(p, out);
        }
    }
    if (with_warnings && !warnings_.empty()) {
        out += std::to_string(warnings_.size()) + " Warnings:\n";
        for (const Problem& p : warnings_) {
            append_problem_text(p, out);
        }
    }
    return out;
}

std::string LoadResult::as_json() const {
    std::string out = "{\"name\":";
    json::append_string(out, name_);
    out += successful() ? ",\"successful\":true,\"errors\":" : ",\"successful\":false,\"errors\":";
    append_problems_json(errors_, out);
    out += ",\"warnings\":";
    append_problems_json(warnings_, out);
    out += '}';
    return out;
}

std::string snippet_at(std::string_view content, uint32_t line, uint32_t column) {
    if (line == 0) {
        return {};
    }
    size_t start = 0;
    for (uint32_t l = 1; l < line; ++l) {
        size_t nl = content.find('\n', start);
        if (nl == std::string_view::npos) {
            return {};
        }
        start = nl + 1;
    }
    size_t end = content.find('\n', start);
    std::string text(content.substr(start, end == std::string_view::npos ? end : end - start));
    text += '\n';
    text += std::string(column > 0 ? column - 1 : 0, ' ');
    text += "^\n";
    return text;
}

} // namespace falco
