// The event types of a filter, from its evt.type comparisons.
#include "userspace/libsinsp/filter/event_type_analysis.h"

namespace sinsp::filter {

namespace {

EventTypeSet of_check(const TypedCheck& check, bool negated) {
    if (!check.source || !check.field.event_type) {
        return EventTypeSet::all();
    }
    std::vector<std::string> names;
    for (const Constant& k : check.constants) {
        names.push_back(k.text);
    }
    switch (check.op) {
    case Operator::kEq:
    case Operator::kIn:
        return negated ? EventTypeSet::all_except(names) : EventTypeSet::only(names);
    case Operator::kNe:
        return negated ? EventTypeSet::only(names) : EventTypeSet::all_except(names);
    default:
        return EventTypeSet::all();
    }
}

EventTypeSet walk(const ast::Expr& e, const std::vector<TypedCheck>& checks, bool negated) {
    switch (e.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr: {
        // Under a negation, and becomes or and or becomes and.
        bool intersect = (e.kind == ast::ExprKind::kAnd) != negated;
        std::optional<EventTypeSet> out;
        for (const auto& child : ast::as_logical(e).children) {
            EventTypeSet s = walk(*child, checks, negated);
            out = !out ? s : (intersect ? out->intersect(s) : out->unite(s));
        }
        return out ? *out : EventTypeSet::all();
    }
    case ast::ExprKind::kNot:
        return walk(*ast::as_not(e).child, checks, !negated);
    case ast::ExprKind::kCheck: {
        const ast::Check& c = ast::as_check(e);
        return c.index < checks.size() ? of_check(checks[c.index], negated) : EventTypeSet::all();
    }
    case ast::ExprKind::kIdentifier:
        return EventTypeSet::all();
    }
    return EventTypeSet::all();
}

} // namespace

EventTypeSet event_types_of(const ast::Expr& expr, const std::vector<TypedCheck>& checks) {
    return walk(expr, checks, false);
}

} // namespace sinsp::filter
