// The compiler: a checked tree to evaluator nodes, plus the filter's event types and fields.
#pragma once

#include "sinsp/filter/filter.h"

namespace sinsp::filter {

class Compiler {
public:
    // Type-checks `expr`; on success builds the evaluator.
    static CompileResult compile(const ast::Expr& expr, const FieldResolver& fields);
};

} // namespace sinsp::filter
