// The compiler: checked AST to evaluator nodes.
#include "userspace/libsinsp/filter/compiler.h"

#include "userspace/libsinsp/filter/checker.h"
#include "userspace/libsinsp/filter/evaluator.h"
#include "userspace/libsinsp/filter/event_type_analysis.h"
#include "userspace/libsinsp/filter/matchers.h"

namespace sinsp::filter {

namespace {

class Builder {
public:
    explicit Builder(std::vector<TypedCheck>& checks) : checks_(checks) {}

    // Null on an internal inconsistency (a check the checker did not type).
    std::unique_ptr<Node> build(const ast::Expr& e) {
        switch (e.kind) {
        case ast::ExprKind::kAnd:
        case ast::ExprKind::kOr: {
            std::vector<std::unique_ptr<Node>> children;
            for (const auto& child : ast::as_logical(e).children) {
                std::unique_ptr<Node> node = build(*child);
                if (!node) {
                    return nullptr;
                }
                children.push_back(std::move(node));
            }
            if (e.kind == ast::ExprKind::kAnd) {
                return std::make_unique<AndNode>(std::move(children));
            }
            return std::make_unique<OrNode>(std::move(children));
        }
        case ast::ExprKind::kNot: {
            std::unique_ptr<Node> child = build(*ast::as_not(e).child);
            return child ? std::make_unique<NotNode>(std::move(child)) : nullptr;
        }
        case ast::ExprKind::kCheck: {
            const ast::Check& c = ast::as_check(e);
            if (c.index >= checks_.size() || !checks_[c.index].source) {
                return nullptr;
            }
            TypedCheck& typed = checks_[c.index];
            std::unique_ptr<Matcher> matcher = make_matcher(typed);
            if (!matcher && typed.op != Operator::kExists) {
                return nullptr;
            }
            fields_.push_back(typed.field);
            return std::make_unique<CheckNode>(typed.field, typed.op, std::move(matcher));
        }
        case ast::ExprKind::kIdentifier:
            return nullptr;
        }
        return nullptr;
    }

    std::vector<BoundField> take_fields() { return std::move(fields_); }

private:
    std::vector<TypedCheck>& checks_;
    std::vector<BoundField> fields_;
};

} // namespace

CompileResult Compiler::compile(const ast::Expr& expr, const FieldResolver& fields) {
    CompileResult result;
    CheckOutput checked = check_types(expr, fields);
    if (!checked.errors.empty()) {
        result.errors = std::move(checked.errors);
        return result;
    }
    Builder builder(checked.checks);
    std::unique_ptr<Node> root = builder.build(expr);
    if (!root) {
        result.errors.push_back(
            Diagnostic{expr.position, "internal error: the checked filter did not compile"});
        return result;
    }
    EventTypeSet types = event_types_of(expr, checked.checks);
    result.filter.reset(new CompiledFilter(std::make_unique<Evaluator>(std::move(root)),
                                           std::move(types), builder.take_fields()));
    return result;
}

} // namespace sinsp::filter
