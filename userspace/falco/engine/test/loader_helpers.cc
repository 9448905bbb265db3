#include "engine/test/loader_helpers.h"

namespace falco::testing {

std::vector<Problem> Loaded::errors() const {
    std::vector<Problem> out;
    for (const LoadResult& r : outcome.results) {
        out.insert(out.end(), r.errors().begin(), r.errors().end());
    }
    return out;
}

std::vector<Problem> Loaded::warnings() const {
    std::vector<Problem> out;
    for (const LoadResult& r : outcome.results) {
        out.insert(out.end(), r.warnings().begin(), r.warnings().end());
    }
    return out;
}

std::vector<Problem> Loaded::warnings(LoadCode code) const {
    std::vector<Problem> out;
    for (const Problem& p : warnings()) {
        if (p.code == code) {
            out.push_back(p);
        }
    }
    return out;
}

const CompiledRule* Loaded::rule(const std::string& name) const {
    for (const CompiledRule& r : engine.rules()) {
        if (r.name == name) {
            return &r;
        }
    }
    return nullptr;
}

std::vector<std::string> Loaded::rule_names() const {
    std::vector<std::string> out;
    for (const CompiledRule& r : engine.rules()) {
        out.push_back(r.name);
    }
    return out;
}

Loaded load(const std::string& yaml, const CompileOptions& options) {
    return load_files({{"rules.yaml", yaml}}, options);
}

Loaded load_files(const std::vector<RulesFile>& files, const CompileOptions& options) {
    Loaded l;
    l.outcome = l.engine.load_contents(files, options);
    return l;
}

const Location& innermost(const Problem& p) {
    static const Location kNone{};
    return p.context.empty() ? kNone : p.context.back();
}

std::string problem_summary(const Problem& p) {
    const Location& at = innermost(p);
    return std::string(code_name(p.code)) + ": " + p.message + " [" + at.item_type + " '" +
           at.item_name + "' " + at.position.name + "]";
}

namespace {

::testing::AssertionResult matches(const std::vector<Problem>& problems, LoadCode code,
                                   const std::string& message, const std::string& item_type,
                                   const std::string& item_name, const char* what) {
    std::string seen;
    for (const Problem& p : problems) {
        const Location& at = innermost(p);
        if (p.code == code && p.message == message && at.item_type == item_type &&
            at.item_name == item_name) {
            return ::testing::AssertionSuccess();
        }
        seen += "\n  " + problem_summary(p);
    }
    return ::testing::AssertionFailure()
           << "no " << what << " " << code_name(code) << ": " << message << " [" << item_type
           << " '" << item_name << "'] among:" << (seen.empty() ? " none" : seen);
}

} // namespace

::testing::AssertionResult fails_with(const Loaded& l, LoadCode code, const std::string& message,
                                      const std::string& item_type, const std::string& item_name) {
    if (l.outcome.ok) {
        return ::testing::AssertionFailure() << "loading succeeded";
    }
    std::vector<Problem> errors = l.errors();
    if (errors.size() != 1) {
        return ::testing::AssertionFailure() << errors.size() << " errors, not 1";
    }
    if (!l.engine.rules().empty()) {
        return ::testing::AssertionFailure() << "a failed load left rules";
    }
    return matches(errors, code, message, item_type, item_name, "error");
}

::testing::AssertionResult warns_with(const Loaded& l, LoadCode code, const std::string& message,
                                      const std::string& item_type, const std::string& item_name) {
    return matches(l.warnings(), code, message, item_type, item_name, "warning");
}

::testing::AssertionResult starts_with(const std::string& text, const std::string& prefix) {
    if (text.compare(0, prefix.size(), prefix) == 0) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "\"" << text << "\" does not start with \"" << prefix << "\"";
}

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
    if (text.find(part) != std::string::npos) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "\"" << text << "\" does not contain \"" << part << "\"";
}

std::string rule_yaml(const std::string& name, const std::string& condition,
                      const std::string& extra) {
    return "- rule: " + name + "\n  desc: a test rule\n  condition: |-\n    " + condition +
           "\n  output: \"seen %proc.name\"\n  priority: WARNING\n" + extra;
}

} // namespace falco::testing
