// The filter language: parse, check and compile `evt.type=open and proc.name=cat`, then evaluate
// it against events through an Extractor. Nothing here throws (except std::bad_alloc); user
// mistakes come back as Diagnostics.
//
//     sinsp::filter::FieldTable fields({...});
//     auto result = sinsp::filter::compile("proc.name=cat", fields);
//     if (!result.ok()) { print(result.errors[0].to_string()); }
//     bool hit = result.filter->evaluate(extractor);    // per event
//     result.filter->event_types();                       // {open, ...} or all
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "sinsp/filter/api.h"
#include "sinsp/filter/ast.h"
#include "sinsp/filter/diagnostic.h"
#include "sinsp/filter/event_types.h"
#include "sinsp/filter/extractor.h"
#include "sinsp/filter/field.h"

namespace sinsp::filter {

struct ParseOptions {
    // Nesting of parentheses and `not` beyond this is an error ("exceeded max depth limit").
    uint32_t max_depth = 1000;
};

struct ParseResult {
    std::unique_ptr<ast::Expr> expr; // set when there is no error
    std::optional<Diagnostic> error; // the first syntax error

    bool ok() const { return expr != nullptr; }
};

// Parses filter text, after the rules loader expanded its macros and lists.
SINSP_FILTER_API ParseResult parse(std::string_view text, const ParseOptions& options = {});

// Type-checks a parsed filter against the registry: every error, in text order.
SINSP_FILTER_API std::vector<Diagnostic> check(const ast::Expr& expr, const FieldResolver& fields);

class Evaluator;

// A checked filter, ready to evaluate. Not for concurrent use: evaluate() reuses a value buffer.
class SINSP_FILTER_API CompiledFilter {
public:
    ~CompiledFilter();
    CompiledFilter(const CompiledFilter&) = delete;
    CompiledFilter& operator=(const CompiledFilter&) = delete;

    // True when the event the extractor stands for matches.
    bool evaluate(Extractor& extractor);

    // The event types the filter can match; an engine may skip it on any other event.
    const EventTypeSet& event_types() const { return event_types_; }

    // Every field the filter reads, in text order (one entry per check).
    const std::vector<BoundField>& fields() const { return fields_; }

private:
    friend class Compiler;
    CompiledFilter(std::unique_ptr<Evaluator> evaluator, EventTypeSet event_types,
                   std::vector<BoundField> fields);

    std::unique_ptr<Evaluator> evaluator_;
    EventTypeSet event_types_;
    std::vector<BoundField> fields_;
};

struct CompileResult {
    std::unique_ptr<CompiledFilter> filter; // set when there are no errors
    std::vector<Diagnostic> errors;         // the syntax error, or every type error

    bool ok() const { return filter != nullptr; }
};

// parse(), check() and compilation in one step.
SINSP_FILTER_API CompileResult compile(std::string_view text, const FieldResolver& fields,
                                       const ParseOptions& options = {});

// Checks and compiles a tree parsed before.
SINSP_FILTER_API CompileResult compile(const ast::Expr& expr, const FieldResolver& fields);

} // namespace sinsp::filter
