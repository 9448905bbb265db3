// The rules engine: loads rules files into compiled rules, chooses which run, and finds the rule
// an event triggers (the first enabled rule, in rule order, whose event types include the
// event's type and whose condition matches).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/load_result.h"
#include "engine/rule_compiler.h"
#include "engine/rules_model.h"
#include "engine/rules_reader.h"

namespace sinsp {
class Event;
class FieldExtractor;
} // namespace sinsp

namespace falco {

struct LoadOutcome {
    std::vector<LoadResult> results; // one per file, in load order
    bool ok = false;                 // no file had an error
};

class RulesEngine {
public:
    // Loads rules files and directories (a directory stands for the regular files directly in
    // it, sorted by name) in order into one namespace, then compiles. Replaces earlier rules.
    LoadOutcome load_paths(const std::vector<std::string>& paths, const CompileOptions& options);
    // The same from contents (name, text), for tests and fuzzing.
    LoadOutcome load_contents(std::vector<RulesFile> files, const CompileOptions& options);

    // Rule selection, as -D, -T and -t do it; then the index is rebuilt.
    void disable_matching(const std::string& substring); // every rule whose name contains it
    void disable_tagged(const std::string& tag);
    void enable_only_tagged(const std::vector<std::string>& tags);
    void set_enabled(const std::string& name, bool enabled);

    const std::vector<CompiledRule>& rules() const { return rules_; }
    const RulesContent& content() const { return content_; }
    const std::vector<PluginRequirement>& plugin_requirements() const { return plugins_; }

    // The index of the rule the event triggers, or -1. `extractor` must be bound to `event`.
    int match(const sinsp::Event& event, sinsp::FieldExtractor& extractor);

    // Rules evaluated so far (for the benchmark: how much the event-type index saves).
    uint64_t evaluations() const { return evaluations_; }

private:
    void build_index();

    RulesContent content_;
    std::vector<PluginRequirement> plugins_;
    std::vector<CompiledRule> rules_;
    // By event code: the enabled rules that may match it, in rule order.
    std::vector<std::vector<uint32_t>> by_code_;
    uint64_t evaluations_ = 0;
};

} // namespace falco
