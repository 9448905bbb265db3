#include "engine/rule_compiler.h"

#include <optional>
#include <set>

#include "driver_api/event_table.h"
#include "engine/exceptions_text.h"
#include "engine/list_substitution.h"
#include "engine/macro_expansion.h"
#include "engine/yaml_decode.h"
#include "sinsp/error.h"
#include "sinsp/fields.h"

namespace falco {
namespace {

namespace ast = sinsp::filter::ast;

// Rules whose event types resolve to more names than this run on (nearly) every event.
constexpr size_t kMaxEventTypes = 100;

// A compile problem: where (the item and, inside its condition, the position) and what.
struct CompileProblem {
    LoadCode code;
    std::string message;
    std::optional<sinsp::filter::Position> in_condition;
};

class Compiler {
public:
    Compiler(const RulesContent& content, const CompileOptions& options,
             std::vector<LoadResult>& results)
        : content_(content), options_(options), results_(results), lists_(content.lists),
          fields_(sinsp::FieldCatalogue::instance()) {}

    bool run(std::vector<CompiledRule>& rules);

private:
    bool parse_macros(std::vector<std::unique_ptr<ast::Expr>>& parsed);
    bool expand_macros(MacroTable& macros);
    // Compiles one rule; false on an error. `out` is unset when the rule is skipped.
    bool compile_rule(const RuleDef& rule, MacroTable& macros, std::optional<CompiledRule>& out);
    std::unique_ptr<sinsp::Formatter> compile_output(const RuleDef& rule, bool& ok);
    std::optional<std::string> unknown_field(const ast::Expr& expr) const;
    void no_evttype_warning(const RuleDef& rule, const sinsp::filter::EventTypeSet& types);
    void unused_warnings(const MacroTable& macros);

    void report_exception(const RuleDef& rule, const ExceptionDef& ex, const ItemError& e);
    void report(const std::string& item_type, const std::string& name, const ItemOrigin& origin,
                const std::string& condition, const CompileProblem& p);

    const RulesContent& content_;
    const CompileOptions& options_;
    std::vector<LoadResult>& results_;
    ListTable lists_;
    const sinsp::FieldCatalogue& fields_;
};

std::string condition_label(const std::string& condition) {
    return "\"" + condition.substr(0, 20) + "\"";
}

void Compiler::report(const std::string& item_type, const std::string& name,
                      const ItemOrigin& origin, const std::string& condition,
                      const CompileProblem& p) {
    const RulesFile& file = content_.files[origin.file_index];
    Problem problem;
    problem.code = p.code;
    problem.message = p.message;
    problem.context.push_back(Location{"rules content", "", SourcePosition{file.name, 0, 0, 0}});
    problem.context.push_back(Location{item_type, name, origin.position});
    if (p.in_condition) {
        SourcePosition at{condition_label(condition), p.in_condition->line, p.in_condition->column,
                          p.in_condition->offset};
        problem.context.push_back(Location{"condition expression", "", at});
        problem.snippet = snippet_at(condition, at.line, at.column);
    } else {
        problem.snippet = snippet_at(file.content, origin.position.line, origin.position.column);
    }
    results_[origin.file_index].add(std::move(problem));
}

// Spec §2: exception problems are located on the exception (item type "exception", item name
// the exception's name) inside its rule, in the file the exception was written in (an appended
// exception may come from a later file than the rule).
void Compiler::report_exception(const RuleDef& rule, const ExceptionDef& ex, const ItemError& e) {
    const RulesFile& file = content_.files[ex.origin.file_index];
    Problem problem;
    problem.code = e.code;
    problem.message = e.message;
    problem.context.push_back(Location{"rules content", "", SourcePosition{file.name, 0, 0, 0}});
    problem.context.push_back(Location{"rule", rule.name, rule.origin.position});
    problem.context.push_back(Location{"exception", ex.name, ex.origin.position});
    problem.snippet = snippet_at(file.content, ex.origin.position.line, ex.origin.position.column);
    results_[ex.origin.file_index].add(std::move(problem));
}

bool Compiler::parse_macros(std::vector<std::unique_ptr<ast::Expr>>& parsed) {
    for (const MacroDef& macro : content_.macros) {
        std::string text = lists_.substitute(macro.condition);
        sinsp::filter::ParseResult result = sinsp::filter::parse(text);
        if (!result.ok()) {
            report("macro", macro.name, macro.origin, text,
                   {LoadCode::kErrCompileCondition, result.error->message, result.error->position});
            return false;
        }
        parsed.push_back(std::move(result.expr));
    }
    return true;
}

bool Compiler::expand_macros(MacroTable& macros) {
    for (size_t i = 0; i < content_.macros.size(); ++i) {
        std::optional<ExpansionError> error;
        macros.expand_macro(i, error);
        if (error) {
            const MacroDef& culprit = content_.macros[error->macro.value_or(i)];
            report("macro", culprit.name, culprit.origin, culprit.condition,
                   {LoadCode::kErrValidate, error->message, std::nullopt});
            return false;
        }
    }
    return true;
}

// The first field of the tree the catalogue does not know.
std::optional<std::string> Compiler::unknown_field(const ast::Expr& expr) const {
    switch (expr.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr:
        for (const auto& child : ast::as_logical(expr).children) {
            if (auto name = unknown_field(*child)) {
                return name;
            }
        }
        return std::nullopt;
    case ast::ExprKind::kNot:
        return unknown_field(*ast::as_not(expr).child);
    case ast::ExprKind::kCheck: {
        const std::string& name = ast::as_check(expr).field.name;
        if (fields_.find(name)) {
            return std::nullopt;
        }
        return name;
    }
    case ast::ExprKind::kIdentifier:
        return std::nullopt;
    }
    return std::nullopt;
}

// Spec §5 LOAD_UNSAFE_NA_CHECK: the first ka.* or jevt.* field compared with =, !=, in,
// intersects or pmatch to the literal <NA> (these fields give the text <NA> for a missing value,
// so such a check says little). A syscall-only engine knows no such field: the rule then fails
// or, with skip-if-unknown-filter, is skipped, after this warning.
std::optional<std::string> unsafe_na_check(const ast::Expr& expr) {
    switch (expr.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr:
        for (const auto& child : ast::as_logical(expr).children) {
            if (auto name = unsafe_na_check(*child)) {
                return name;
            }
        }
        return std::nullopt;
    case ast::ExprKind::kNot:
        return unsafe_na_check(*ast::as_not(expr).child);
    case ast::ExprKind::kCheck: {
        using sinsp::filter::Operator;
        const ast::Check& check = ast::as_check(expr);
        const std::string& name = check.field.name;
        bool json_field = name.rfind("ka.", 0) == 0 || name.rfind("jevt.", 0) == 0;
        bool equality = check.op == Operator::kEq || check.op == Operator::kNe ||
                        check.op == Operator::kIn || check.op == Operator::kIntersects ||
                        check.op == Operator::kPMatch;
        if (!json_field || !equality) {
            return std::nullopt;
        }
        for (const ast::Literal& value : check.values) {
            if (value.text == "<NA>") {
                return name;
            }
        }
        return std::nullopt;
    }
    case ast::ExprKind::kIdentifier:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::unique_ptr<sinsp::Formatter> Compiler::compile_output(const RuleDef& rule, bool& ok) {
    const OutputOptions& opt = options_.output;
    const std::string kContainerInfo = "%container.info";
    std::string output = rule.output;
    bool has_info = output.find(kContainerInfo) != std::string::npos;
    if (opt.extra_replaces_container_info && has_info) {
        output = replace_all(output, kContainerInfo, opt.extra);
    } else {
        output = replace_all(output, kContainerInfo, "%container.name (id=%container.id)");
        if (!opt.extra.empty()) {
            output += " " + opt.extra;
        }
    }
    ok = true;
    try {
        // The output ends the line, so an error names the rest of the output from the bad token.
        std::string full = std::string("*") +
                           (opt.time_iso8601 ? "%evt.time.iso8601" : "%evt.time") + ": " +
                           std::string(priority_name(rule.priority)) + " " + output;
        return std::make_unique<sinsp::Formatter>(full, fields_);
    } catch (const sinsp::Error& e) {
        report("rule", rule.name, rule.origin, rule.output,
               {LoadCode::kErrCompileOutput, e.what(), std::nullopt});
        ok = false;
        return nullptr;
    }
}

void Compiler::no_evttype_warning(const RuleDef& rule, const sinsp::filter::EventTypeSet& types) {
    if (!rule.warn_evttypes) {
        return;
    }
    size_t count = types.resolve(event_type_universe()).size();
    if (count == 0 || count > kMaxEventTypes) {
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kNoEvttype,
                "Rule matches too many evt.type values. This has a significant performance "
                "penalty.",
                std::nullopt});
    }
}

bool Compiler::compile_rule(const RuleDef& rule, MacroTable& macros,
                            std::optional<CompiledRule>& out) {
    if (rule.source != "syscall") {
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kUnknownSource, "Unknown source " + rule.source + ", skipping",
                std::nullopt});
        return true;
    }
    // Exceptions are checked before the priority filter: an invalid exception is an error even
    // in a rule the minimum priority drops.
    std::string condition = rule.condition;
    for (const ExceptionDef& ex : rule.exceptions) {
        try {
            condition += exception_condition(ex, fields_);
        } catch (const ItemError& e) {
            report_exception(rule, ex, e);
            return false;
        }
    }
    if (!at_least(rule.priority, options_.min_priority)) {
        return true;
    }
    std::string text = lists_.substitute(condition);
    sinsp::filter::ParseResult parsed = sinsp::filter::parse(text);
    if (!parsed.ok()) {
        report("rule", rule.name, rule.origin, text,
               {LoadCode::kErrCompileCondition, parsed.error->message, parsed.error->position});
        return false;
    }
    std::optional<ExpansionError> error;
    std::unique_ptr<ast::Expr> expr = macros.expand(*parsed.expr, UINT64_MAX, error);
    if (error) {
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kErrValidate, error->message, std::nullopt});
        return false;
    }
    if (std::optional<std::string> field = unsafe_na_check(*expr)) {
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kUnsafeNaCheck,
                "Unsafe comparison of " + *field +
                    " with the literal <NA>; use 'exists' to test whether the field has a value",
                std::nullopt});
    }
    if (std::optional<std::string> field = unknown_field(*expr)) {
        std::string message = "filter_check called with nonexistent field " + *field;
        if (rule.skip_if_unknown_filter) {
            report("rule", rule.name, rule.origin, rule.condition,
                   {LoadCode::kUnknownField, message, std::nullopt});
            return true;
        }
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kErrCompileCondition, message, std::nullopt});
        return false;
    }
    sinsp::filter::CompileResult compiled = sinsp::filter::compile(*expr, fields_);
    if (!compiled.ok()) {
        report("rule", rule.name, rule.origin, rule.condition,
               {LoadCode::kErrCompileCondition, compiled.errors.front().message, std::nullopt});
        return false;
    }
    bool output_ok = false;
    std::unique_ptr<sinsp::Formatter> formatter = compile_output(rule, output_ok);
    if (!output_ok) {
        return false;
    }
    no_evttype_warning(rule, compiled.filter->event_types());
    CompiledRule r;
    r.name = rule.name;
    r.desc = rule.desc;
    r.condition = condition;
    r.output = rule.output;
    r.priority = rule.priority;
    r.tags = rule.tags;
    r.source = rule.source;
    r.enabled = rule.enabled;
    r.event_types = compiled.filter->event_types();
    r.filter = std::move(compiled.filter);
    r.formatter = std::move(formatter);
    out = std::move(r);
    return true;
}

void Compiler::unused_warnings(const MacroTable& macros) {
    for (size_t i = 0; i < content_.macros.size(); ++i) {
        const MacroDef& m = content_.macros[i];
        if (!macros.used(i)) {
            report("macro", m.name, m.origin, m.condition,
                   {LoadCode::kUnusedMacro, "Macro not referred to by any other rule/macro",
                    std::nullopt});
        }
    }
    for (const ListDef& list : content_.lists) {
        if (!lists_.used(list.name)) {
            report("list", list.name, list.origin, "",
                   {LoadCode::kUnusedList, "List not referred to by any other rule/macro",
                    std::nullopt});
        }
    }
}

bool Compiler::run(std::vector<CompiledRule>& rules) {
    std::vector<std::unique_ptr<ast::Expr>> parsed;
    if (!parse_macros(parsed)) {
        return false;
    }
    MacroTable macros(content_.macros, std::move(parsed));
    if (!expand_macros(macros)) {
        return false;
    }
    for (const RuleDef& rule : content_.rules) {
        std::optional<CompiledRule> compiled;
        if (!compile_rule(rule, macros, compiled)) {
            return false;
        }
        if (compiled) {
            rules.push_back(std::move(*compiled));
        }
    }
    unused_warnings(macros);
    return true;
}

} // namespace

const std::vector<std::string>& event_type_universe() {
    static const std::vector<std::string> names = [] {
        std::set<std::string> seen;
        std::vector<std::string> out;
        for (uint32_t code = 0; code < SCAP_EVENT_COUNT; ++code) {
            const char* name = scap_event_table[code].name;
            if (name != nullptr && seen.insert(name).second) {
                out.emplace_back(name);
            }
        }
        return out;
    }();
    return names;
}

bool compile_rules(const RulesContent& content, const CompileOptions& options,
                   std::vector<LoadResult>& results, std::vector<CompiledRule>& rules) {
    return Compiler(content, options, results).run(rules);
}

} // namespace falco
