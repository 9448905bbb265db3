// The public entry points: check, compile, and the compiled filter.
#include "sinsp/filter/filter.h"

#include "userspace/libsinsp/filter/checker.h"
#include "userspace/libsinsp/filter/compiler.h"
#include "userspace/libsinsp/filter/evaluator.h"

namespace sinsp::filter {

std::vector<Diagnostic> check(const ast::Expr& expr, const FieldResolver& fields) {
    return check_types(expr, fields).errors;
}

CompileResult compile(const ast::Expr& expr, const FieldResolver& fields) {
    return Compiler::compile(expr, fields);
}

CompileResult compile(std::string_view text, const FieldResolver& fields,
                      const ParseOptions& options) {
    ParseResult parsed = parse(text, options);
    if (!parsed.ok()) {
        CompileResult result;
        result.errors.push_back(std::move(*parsed.error));
        return result;
    }
    return Compiler::compile(*parsed.expr, fields);
}

CompiledFilter::CompiledFilter(std::unique_ptr<Evaluator> evaluator, EventTypeSet event_types,
                               std::vector<BoundField> fields)
    : evaluator_(std::move(evaluator)), event_types_(std::move(event_types)),
      fields_(std::move(fields)) {}

CompiledFilter::~CompiledFilter() = default;

bool CompiledFilter::evaluate(Extractor& extractor) {
    return evaluator_->evaluate(extractor);
}

} // namespace sinsp::filter
