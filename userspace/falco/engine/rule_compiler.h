// From read rules files to runnable rules: exceptions appended, lists substituted, conditions
// parsed, macros expanded, fields checked, filters and output formats compiled. Problems go to
// the LoadResult of the file the item came from.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/load_result.h"
#include "engine/priority.h"
#include "engine/rules_model.h"
#include "sinsp/filter/event_types.h"
#include "sinsp/filter/filter.h"
#include "sinsp/formatter.h"

namespace falco {

// How alert text is built around a rule's output.
struct OutputOptions {
    bool time_iso8601 = false; // %evt.time.iso8601 instead of %evt.time
    // -p: text appended to every output after a blank; %container.info in outputs becomes
    // "%container.name (id=%container.id)".
    std::string extra;
    // -pc/-pk: `extra` replaces %container.info where the output has it (and is appended only
    // where it has not).
    bool extra_replaces_container_info = false;
};

struct CompileOptions {
    Priority min_priority = Priority::kDebug; // less severe rules are dropped silently
    OutputOptions output;
};

// A rule ready to run.
struct CompiledRule {
    std::string name;
    std::string desc;
    std::string condition; // as written (with appends and exceptions), for -l
    std::string output;    // as written
    Priority priority = Priority::kDebug;
    std::vector<std::string> tags;
    std::string source;
    bool enabled = true;
    std::unique_ptr<sinsp::filter::CompiledFilter> filter;
    std::unique_ptr<sinsp::Formatter> formatter; // the full alert line: time, priority, output
    sinsp::filter::EventTypeSet event_types = sinsp::filter::EventTypeSet::all();
};

// Every event type name the drivers know, once each, for LOAD_NO_EVTTYPE and the rule index.
const std::vector<std::string>& event_type_universe();

// Compiles every rule; results[i] receives the problems of content.files[i]. Returns false
// (and stops at the first error) when some item does not compile.
bool compile_rules(const RulesContent& content, const CompileOptions& options,
                   std::vector<LoadResult>& results, std::vector<CompiledRule>& rules);

} // namespace falco
