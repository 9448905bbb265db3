// Shared helpers of the loader tests: load YAML text through the engine and look at what came
// back (the problems of each file, the compiled rules).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/load_result.h"
#include "engine/rules_engine.h"

namespace falco::testing {

// A loaded engine and what loading said.
struct Loaded {
    RulesEngine engine;
    LoadOutcome outcome;

    // The result of file `i` (0: the first one).
    const LoadResult& result(size_t i = 0) const { return outcome.results.at(i); }
    // Every error and every warning of every file.
    std::vector<Problem> errors() const;
    std::vector<Problem> warnings() const;
    // Warnings of one code.
    std::vector<Problem> warnings(LoadCode code) const;
    // The compiled rule called `name`; nullptr when there is none.
    const CompiledRule* rule(const std::string& name) const;
    // The names of the compiled rules, in rule order.
    std::vector<std::string> rule_names() const;
};

// Loads one file called "rules.yaml".
Loaded load(const std::string& yaml, const CompileOptions& options = {});
// Loads several files in order into one engine.
Loaded load_files(const std::vector<RulesFile>& files, const CompileOptions& options = {});

// The innermost (last) location of a problem.
const Location& innermost(const Problem& p);

// gtest checks: loading failed with exactly one error of `code` and `message` whose innermost
// location has `item_type` and `item_name`.
::testing::AssertionResult fails_with(const Loaded& l, LoadCode code, const std::string& message,
                                      const std::string& item_type, const std::string& item_name);
// The same for a warning, among the warnings (loading may succeed).
::testing::AssertionResult warns_with(const Loaded& l, LoadCode code, const std::string& message,
                                      const std::string& item_type, const std::string& item_name);

// A minimal valid rule body (desc, output, priority) under `- rule: NAME` and a condition.
std::string rule_yaml(const std::string& name, const std::string& condition,
                      const std::string& extra = "");

// gtest checks on texts.
::testing::AssertionResult starts_with(const std::string& text, const std::string& prefix);
::testing::AssertionResult contains(const std::string& text, const std::string& part);

// "CODE: message [item_type 'item_name']" for failure messages.
std::string problem_summary(const Problem& p);

} // namespace falco::testing
