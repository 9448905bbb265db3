#include "engine/rules_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/exceptions_reader.h"
#include "engine/yaml_decode.h"

namespace falco {
namespace {

// Reading one file: the content it goes into and where its items come from.
class FileReader {
public:
    FileReader(RulesContent& content, std::vector<PluginRequirement>& plugins, size_t file_index,
               LoadResult& result)
        : content_(content), plugins_(plugins), file_index_(file_index),
          file_name_(content.files[file_index].name), result_(result) {}

    void read_document(const YAML::Node& doc);

private:
    void read_item(const YAML::Node& item);
    void read_engine_version(const YAML::Node& item);
    void read_plugin_versions(const YAML::Node& item);
    void read_list(const YAML::Node& item, const std::string& name);
    void read_macro(const YAML::Node& item, const std::string& name);
    void read_rule(const YAML::Node& item, const std::string& name);
    void define_rule(const YAML::Node& item, const std::string& name);
    void append_rule(const YAML::Node& item, RuleDef& rule);
    void override_rule(const YAML::Node& item, const YAML::Node& override, RuleDef& rule);

    ItemOrigin origin(const YAML::Node& item) const {
        return ItemOrigin{file_index_, node_position(item, file_name_)};
    }
    uint64_t next_sequence() { return content_.next_sequence++; }

    RulesContent& content_;
    std::vector<PluginRequirement>& plugins_;
    size_t file_index_;
    std::string file_name_;
    LoadResult& result_;
};

// The kinds of item, in the order their keys decide.
const char* item_type_of(const YAML::Node& item) {
    for (const char* key :
         {"required_engine_version", "required_plugin_versions", "list", "macro", "rule"}) {
        if (item[key].IsDefined()) {
            return key;
        }
    }
    return nullptr;
}

std::string location_type(const std::string& key) {
    if (key == "required_plugin_versions") {
        return "required plugin versions";
    }
    return key;
}

// `append: true` and `override:` on one item.
void reject_append_with_override(const YAML::Node& item, bool append) {
    if (append && item["override"].IsDefined()) {
        fail_validate("Keys 'override' and 'append: true' cannot be used together. Add an "
                      "'append' entry (e.g. 'condition: append') under 'override' instead.");
    }
}

// The override mapping's entries: key -> "append" or "replace"; only `allowed` keys, and each
// must be present in the item.
std::vector<std::pair<std::string, std::string>>
override_entries(const YAML::Node& item, const YAML::Node& override,
                 const std::set<std::string>& can_append,
                 const std::set<std::string>& can_replace) {
    if (!override.IsMap()) {
        fail_yaml("Value is not a map");
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : override) {
        std::string key = entry.first.Scalar();
        std::string how = scalar_text(entry.second);
        bool ok = (how == "append" && can_append.count(key) > 0) ||
                  (how == "replace" && can_replace.count(key) > 0);
        if (!ok) {
            fail_validate("Key '" + key + "' cannot be overridden with '" + how + "'");
        }
        if (!item[key].IsDefined()) {
            fail_validate("An override is defined for '" + key + "' but the item has no such key");
        }
        out.emplace_back(key, how);
    }
    return out;
}

void append_condition(std::string& condition, const std::string& more) {
    condition += " ";
    condition += more;
}

std::vector<std::string> sorted_tags(std::vector<std::string> tags) {
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

// A required_engine_version: an unsigned integer N (meaning 0.N.0), or (0.38 on) a semver
// MAJOR.MINOR.PATCH.
struct EngineVersion {
    uint32_t major = 0, minor = 0, patch = 0;
    bool semver = false;
};

// Decimal digits only (no sign, no blanks), at most UINT32_MAX; advances `at`.
bool parse_u32(const std::string& text, size_t& at, uint32_t& out) {
    size_t start = at;
    uint64_t value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
        value = value * 10 + static_cast<uint64_t>(text[at] - '0');
        if (value > UINT32_MAX) {
            return false; // an integer yaml-cpp would not decode as unsigned either
        }
        ++at;
    }
    out = static_cast<uint32_t>(value);
    return at > start;
}

EngineVersion parse_engine_version(const std::string& text) {
    EngineVersion v;
    size_t at = 0;
    bool ok = parse_u32(text, at, v.minor);
    if (ok && at < text.size()) {
        // MAJOR.MINOR.PATCH
        v.semver = true;
        v.major = v.minor;
        ok = text[at++] == '.' && parse_u32(text, at, v.minor) && at < text.size() &&
             text[at++] == '.' && parse_u32(text, at, v.patch) && at == text.size();
    }
    if (!ok) {
        fail_yaml("Can't decode YAML scalar value");
    }
    return v;
}

void FileReader::read_document(const YAML::Node& doc) {
    if (!doc.IsDefined() || doc.IsNull()) {
        return;
    }
    if (doc.IsScalar()) {
        fail_yaml("Rules content is not yaml");
    }
    if (!doc.IsSequence()) {
        fail_yaml("Rules content is not yaml array of objects");
    }
    for (const YAML::Node& item : doc) {
        if (item.IsNull()) {
            continue;
        }
        if (item.IsMap() && item_type_of(item) == nullptr) {
            SourcePosition at = node_position(item, file_name_);
            result_.add(
                Problem{LoadCode::kUnknownItem,
                        "Unknown top level item",
                        {Location{"rules content", "", SourcePosition{file_name_, 0, 0, 0}},
                         Location{"rules content item", "", at}},
                        snippet_at(content_.files[file_index_].content, at.line, at.column)});
            continue;
        }
        if (!item.IsMap()) {
            throw ItemError{LoadCode::kErrYamlValidate,
                            "Unexpected element type. Each element should be a yaml associative "
                            "array.",
                            {Location{"rules content item", "", node_position(item, file_name_)}}};
        }
        read_item(item);
    }
}

void FileReader::read_item(const YAML::Node& item) {
    const char* key = item_type_of(item);
    std::string type = key, name;
    try {
        if (type == "required_engine_version") {
            read_engine_version(item);
        } else if (type == "required_plugin_versions") {
            read_plugin_versions(item);
        } else {
            name = *decode_scalar(item, key, true, true);
            if (type == "list") {
                read_list(item, name);
            } else if (type == "macro") {
                read_macro(item, name);
            } else {
                read_rule(item, name);
            }
        }
    } catch (ItemError& e) {
        e.context.insert(e.context.begin(),
                         Location{location_type(type), name, node_position(item, file_name_)});
        throw;
    }
}

void FileReader::read_engine_version(const YAML::Node& item) {
    std::string text = *decode_scalar(item, "required_engine_version", true, true);
    EngineVersion v = parse_engine_version(text);
    // The engine is 0.kEngineVersion.0; a semver requirement is compared as one.
    bool too_new =
        v.major > 0 || v.minor > kEngineVersion || (v.minor == kEngineVersion && v.patch > 0);
    if (too_new) {
        fail_validate("Rules require engine version " + text + ", but engine version is " +
                      (v.semver ? "0." + std::to_string(kEngineVersion) + ".0"
                                : std::to_string(kEngineVersion)));
    }
    content_.required_engine_version = std::max(content_.required_engine_version, v.minor);
}

// A plugin version requirement: MAJOR.MINOR.PATCH, decimal numbers.
bool is_plugin_version(const std::string& text) {
    size_t at = 0;
    uint32_t part = 0;
    return parse_u32(text, at, part) && at < text.size() && text[at++] == '.' &&
           parse_u32(text, at, part) && at < text.size() && text[at++] == '.' &&
           parse_u32(text, at, part) && at == text.size();
}

// Runs `read` and puts a location of `item_type` (the entry or alternative, with the plugin name
// when it is known) on its errors.
template <typename Read>
void in_location(const char* item_type, const YAML::Node& node, const std::string& file_name,
                 std::string& name, Read read) {
    try {
        read();
    } catch (ItemError& e) {
        e.context.insert(e.context.begin(),
                         Location{item_type, name, node_position(node, file_name)});
        throw;
    }
}

// name and version of an entry or alternative; the version must be a semver.
std::pair<std::string, std::string> plugin_name_version(const YAML::Node& node, std::string& name) {
    if (!node.IsMap()) {
        fail_yaml("Unexpected element type. Each element should be a yaml associative array.");
    }
    name = *decode_scalar(node, "name", true, true);
    std::string version = *decode_scalar(node, "version", true, true);
    if (!is_plugin_version(version)) {
        fail_validate("Invalid required version '" + version + "' for plugin '" + name + "'");
    }
    return {name, version};
}

void FileReader::read_plugin_versions(const YAML::Node& item) {
    YAML::Node entries = item["required_plugin_versions"];
    if (!entries.IsSequence()) {
        fail_yaml("Value is not a sequence");
    }
    for (const YAML::Node& entry : entries) {
        PluginRequirement req;
        std::string entry_name;
        // Spec §5: problems of one entry, or of one of its alternatives, are located there.
        in_location("required plugin versions entry", entry, file_name_, entry_name, [&] {
            std::tie(req.name, req.version) = plugin_name_version(entry, entry_name);
            std::set<std::string> seen{req.name};
            YAML::Node alternatives = entry["alternatives"];
            if (!alternatives.IsDefined() || alternatives.IsNull()) {
                return;
            }
            if (!alternatives.IsSequence()) {
                fail_yaml("Value is not a sequence");
            }
            for (const YAML::Node& alt : alternatives) {
                std::string alt_name;
                in_location("required plugin versions alternative", alt, file_name_, alt_name, [&] {
                    auto name_version = plugin_name_version(alt, alt_name);
                    if (!seen.insert(alt_name).second) {
                        fail_validate("Defined multiple alternative version "
                                      "requirements for plugin '" +
                                      alt_name + "'");
                    }
                    req.alternatives.push_back(std::move(name_version));
                });
            }
        });
        plugins_.push_back(std::move(req));
    }
}

void FileReader::read_list(const YAML::Node& item, const std::string& name) {
    bool append = decode_bool(item, "append").value_or(false);
    reject_append_with_override(item, append);
    std::optional<std::vector<std::string>> items = decode_string_sequence(item, "items");
    if (!items) {
        fail_yaml("Item has no mapping for key 'items'");
    }
    auto found = content_.list_index.find(name);
    YAML::Node override = item["override"];
    if (override.IsDefined()) {
        auto entries = override_entries(item, override, {"items"}, {"items"});
        if (found == content_.list_index.end()) {
            fail_validate("List has 'override' key but no list by that name already exists");
        }
        append = !entries.empty() && entries[0].second == "append";
    }
    if (append) {
        if (found == content_.list_index.end()) {
            fail_validate("List has 'append' key but no list by that name already exists");
        }
        ListDef& list = content_.lists[found->second];
        list.items.insert(list.items.end(), items->begin(), items->end());
        list.seq.latest = next_sequence();
        return;
    }
    uint64_t seq = next_sequence();
    if (found != content_.list_index.end()) {
        ListDef& list = content_.lists[found->second];
        list.items = std::move(*items);
        list.origin = origin(item);
        list.seq.latest = seq;
        return;
    }
    content_.list_index.emplace(name, content_.lists.size());
    content_.lists.push_back(ListDef{name, std::move(*items), origin(item), {seq, seq}});
}

void FileReader::read_macro(const YAML::Node& item, const std::string& name) {
    bool append = decode_bool(item, "append").value_or(false);
    reject_append_with_override(item, append);
    std::string condition = *decode_scalar(item, "condition", true, true);
    auto found = content_.macro_index.find(name);
    YAML::Node override = item["override"];
    if (override.IsDefined()) {
        auto entries = override_entries(item, override, {"condition"}, {"condition"});
        if (found == content_.macro_index.end()) {
            fail_validate("Macro has 'override' key but no macro by that name already exists");
        }
        append = !entries.empty() && entries[0].second == "append";
    }
    if (append) {
        if (found == content_.macro_index.end()) {
            fail_validate("Macro has 'append' key but no macro by that name already exists");
        }
        MacroDef& macro = content_.macros[found->second];
        append_condition(macro.condition, condition);
        macro.seq.latest = next_sequence();
        return;
    }
    uint64_t seq = next_sequence();
    if (found != content_.macro_index.end()) {
        MacroDef& macro = content_.macros[found->second];
        macro.condition = std::move(condition);
        macro.origin = origin(item);
        macro.seq.latest = seq;
        return;
    }
    content_.macro_index.emplace(name, content_.macros.size());
    content_.macros.push_back(MacroDef{name, std::move(condition), origin(item), {seq, seq}});
}

void FileReader::read_rule(const YAML::Node& item, const std::string& name) {
    bool append = decode_bool(item, "append").value_or(false);
    reject_append_with_override(item, append);
    auto found = content_.rule_index.find(name);
    RuleDef* existing =
        found == content_.rule_index.end() ? nullptr : &content_.rules[found->second];
    YAML::Node override = item["override"];
    if (override.IsDefined()) {
        if (existing == nullptr) {
            fail_validate("Rule has 'override' key but no rule by that name already exists");
        }
        override_rule(item, override, *existing);
        return;
    }
    if (append) {
        if (existing == nullptr) {
            fail_validate("Rule has 'append' key but no rule by that name already exists");
        }
        append_rule(item, *existing);
        return;
    }
    bool has_definition = false;
    for (const char* key : {"condition", "output", "desc", "priority"}) {
        has_definition = has_definition || item[key].IsDefined();
    }
    if (!has_definition && item["enabled"].IsDefined()) {
        if (existing == nullptr) {
            fail_validate("Rule has 'enabled' key but no rule by that name already exists");
        }
        existing->enabled = *decode_bool(item, "enabled");
        return;
    }
    define_rule(item, name);
}

void FileReader::define_rule(const YAML::Node& item, const std::string& name) {
    RuleDef rule;
    rule.name = name;
    rule.condition = *decode_scalar(item, "condition", true, true);
    rule.output = *decode_scalar(item, "output", true, true);
    rule.desc = *decode_scalar(item, "desc", true, true);
    std::string priority = *decode_scalar(item, "priority", true, true);
    std::optional<Priority> p = parse_priority(priority);
    if (!p) {
        fail_yaml("Invalid priority");
    }
    rule.priority = *p;
    // The output is trimmed of surrounding blanks (block scalars end with a newline).
    size_t first = rule.output.find_first_not_of(" \t\r\n");
    size_t last = rule.output.find_last_not_of(" \t\r\n");
    rule.output = first == std::string::npos ? "" : rule.output.substr(first, last - first + 1);
    rule.source = decode_scalar(item, "source", false, true).value_or("syscall");
    rule.tags =
        sorted_tags(decode_string_sequence(item, "tags").value_or(std::vector<std::string>{}));
    rule.enabled = decode_bool(item, "enabled").value_or(true);
    rule.warn_evttypes = decode_bool(item, "warn_evttypes").value_or(true);
    rule.skip_if_unknown_filter = decode_bool(item, "skip-if-unknown-filter").value_or(false);
    rule.origin = origin(item);
    rule.exceptions = read_exceptions(item["exceptions"], rule.origin, file_name_);
    uint64_t seq = next_sequence();
    auto found = content_.rule_index.find(name);
    if (found != content_.rule_index.end()) {
        RuleDef& old = content_.rules[found->second];
        if (old.source != rule.source) {
            fail_validate("Rule has been re-defined with a different source");
        }
        rule.seq = {old.seq.first, seq};
        old = std::move(rule);
        return;
    }
    rule.seq = {seq, seq};
    content_.rule_index.emplace(name, content_.rules.size());
    content_.rules.push_back(std::move(rule));
}

void FileReader::append_rule(const YAML::Node& item, RuleDef& rule) {
    bool has_condition = item["condition"].IsDefined();
    bool has_exceptions = item["exceptions"].IsDefined();
    if (!has_condition && !has_exceptions) {
        fail_validate("Appended rule must have exceptions or condition property");
    }
    if (has_exceptions) {
        append_exceptions(item["exceptions"], origin(item), file_name_, rule.exceptions);
    }
    if (has_condition) {
        append_condition(rule.condition, *decode_scalar(item, "condition", true, true));
    }
    rule.seq.latest = next_sequence();
}

void FileReader::override_rule(const YAML::Node& item, const YAML::Node& override, RuleDef& rule) {
    auto entries =
        override_entries(item, override, {"condition", "output", "desc", "tags", "exceptions"},
                         {"condition", "output", "desc", "priority", "tags", "exceptions",
                          "enabled", "warn_evttypes", "skip-if-unknown-filter"});
    for (const auto& [key, how] : entries) {
        bool append = how == "append";
        if (key == "condition" || key == "output" || key == "desc") {
            std::string text = *decode_scalar(item, key.c_str(), true, true);
            std::string& target = key == "condition" ? rule.condition
                                  : key == "output"  ? rule.output
                                                     : rule.desc;
            if (append) {
                append_condition(target, text);
            } else {
                target = text;
            }
        } else if (key == "priority") {
            std::optional<Priority> p =
                parse_priority(*decode_scalar(item, "priority", true, true));
            if (!p) {
                fail_yaml("Invalid priority");
            }
            rule.priority = *p;
        } else if (key == "tags") {
            std::vector<std::string> tags = *decode_string_sequence(item, "tags");
            if (append) {
                tags.insert(tags.end(), rule.tags.begin(), rule.tags.end());
            }
            rule.tags = sorted_tags(std::move(tags));
        } else if (key == "exceptions") {
            if (append) {
                append_exceptions(item["exceptions"], origin(item), file_name_, rule.exceptions);
            } else {
                rule.exceptions = read_exceptions(item["exceptions"], origin(item), file_name_);
            }
        } else if (key == "enabled") {
            rule.enabled = *decode_bool(item, "enabled");
        } else if (key == "warn_evttypes") {
            rule.warn_evttypes = *decode_bool(item, "warn_evttypes");
        } else {
            rule.skip_if_unknown_filter = *decode_bool(item, "skip-if-unknown-filter");
        }
    }
    rule.seq.latest = next_sequence();
}

// yaml-cpp 0.7's LoadAll() loops forever (and allocates without end) on streams such as ","
// or ",&": the parser keeps handing out empty documents without consuming the token in front of
// it (fixed upstream in yaml-cpp 0.8.1, jbeder/yaml-cpp#1319). The rules fuzzer found it. The
// stream is first walked with a parser that only watches where each document starts; a document
// that starts where the previous one did means the parser is stuck there. Returns that place.
class DocumentStarts : public YAML::EventHandler {
public:
    YAML::Mark start;

    void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Throws the parser's YAML::Exception like LoadAll() would.
std::optional<YAML::Mark> stuck_parser_at(const std::string& content) {
    std::istringstream stream(content);
    YAML::Parser parser(stream);
    DocumentStarts starts;
    bool first = true;
    int previous = 0;
    while (parser.HandleNextDocument(starts)) {
        if (!first && starts.start.pos == previous) {
            return starts.start;
        }
        first = false;
        previous = starts.start.pos;
    }
    return std::nullopt;
}

} // namespace

bool read_rules_file(RulesFile file, RulesContent& content,
                     std::vector<PluginRequirement>& plugin_requirements, LoadResult& result) {
    size_t index = content.files.size();
    content.files.push_back(std::move(file));
    const RulesFile& f = content.files.back();
    Location whole{"rules content", "", SourcePosition{f.name, 0, 0, 0}};
    std::vector<YAML::Node> documents;
    try {
        if (std::optional<YAML::Mark> stuck = stuck_parser_at(f.content)) {
            throw YAML::ParserException(*stuck, "unexpected token, no document can start here");
        }
        documents = YAML::LoadAll(f.content);
    } catch (const YAML::Exception& e) {
        SourcePosition at{f.name, static_cast<uint32_t>(e.mark.line + 1),
                          static_cast<uint32_t>(e.mark.column + 1),
                          static_cast<uint32_t>(e.mark.pos)};
        result.add(Problem{LoadCode::kErrYamlParse,
                           e.what(),
                           {whole, Location{"rules content", "", at}},
                           snippet_at(f.content, at.line, at.column)});
        return false;
    }
    FileReader reader(content, plugin_requirements, index, result);
    for (const YAML::Node& doc : documents) {
        try {
            reader.read_document(doc);
        } catch (ItemError& e) {
            e.context.insert(e.context.begin(), whole);
            const SourcePosition& at = e.context.back().position;
            result.add(
                Problem{e.code, e.message, e.context, snippet_at(f.content, at.line, at.column)});
            return false;
        } catch (const YAML::Exception& e) {
            // A node used in a way its type does not allow (a subscript on a scalar...) that
            // the reader failed to check first: still a problem of the file's shape, not a crash.
            result.add(Problem{LoadCode::kErrYamlValidate, e.what(), {whole}, ""});
            return false;
        }
    }
    return true;
}

} // namespace falco
