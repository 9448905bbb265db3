// Evaluation of the compiled tree.
#include "userspace/libsinsp/filter/evaluator.h"

namespace sinsp::filter {

bool AndNode::eval(EvalContext& ctx) const {
    for (const auto& child : children_) {
        if (!child->eval(ctx)) {
            return false;
        }
    }
    return true;
}

bool OrNode::eval(EvalContext& ctx) const {
    for (const auto& child : children_) {
        if (child->eval(ctx)) {
            return true;
        }
    }
    return false;
}

CheckNode::CheckNode(BoundField field, Operator op, std::unique_ptr<Matcher> matcher)
    : field_(std::move(field)), matcher_(std::move(matcher)),
      every_value_(field_.multiplicity == Multiplicity::kList && op == Operator::kIn) {}

bool CheckNode::eval(EvalContext& ctx) const {
    ctx.values.clear();
    if (!ctx.extractor.extract(field_, ctx.values)) {
        return false;
    }
    if (!matcher_) {
        return true; // exists
    }
    if (ctx.values.empty()) {
        return false;
    }
    if (every_value_) {
        for (const Value& v : ctx.values) {
            if (!matcher_->match(v)) {
                return false;
            }
        }
        return true;
    }
    for (const Value& v : ctx.values) {
        if (matcher_->match(v)) {
            return true;
        }
    }
    return false;
}

} // namespace sinsp::filter
