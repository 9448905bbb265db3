#include "engine/macro_expansion.h"

namespace falco {

namespace ast = sinsp::filter::ast;

namespace {

// Numbers the checks 0, 1, 2... in text order, as the checker and compiler expect: a tree with
// macros copied in holds several checks with the same parser number.
void renumber(ast::Expr& expr, uint32_t& next) {
    switch (expr.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr:
        for (auto& child : static_cast<ast::Logical&>(expr).children) {
            renumber(*child, next);
        }
        break;
    case ast::ExprKind::kNot:
        renumber(*static_cast<ast::Not&>(expr).child, next);
        break;
    case ast::ExprKind::kCheck:
        static_cast<ast::Check&>(expr).index = next++;
        break;
    case ast::ExprKind::kIdentifier:
        break;
    }
}

} // namespace

MacroTable::MacroTable(const std::vector<MacroDef>& macros,
                       std::vector<std::unique_ptr<ast::Expr>> parsed)
    : macros_(macros), parsed_(std::move(parsed)), expanded_(macros.size()),
      in_progress_(macros.size(), false), used_(macros.size(), false) {
    for (size_t i = 0; i < macros.size(); ++i) {
        index_.emplace(macros[i].name, i);
    }
}

MacroTable::~MacroTable() = default;

std::unique_ptr<ast::Expr> MacroTable::expand(const ast::Expr& expr, uint64_t visible_before,
                                              std::optional<ExpansionError>& error) {
    error.reset();
    nodes_ = 0;
    std::unique_ptr<ast::Expr> out = copy(expr, visible_before, error);
    if (error) {
        return nullptr;
    }
    uint32_t next = 0;
    renumber(*out, next);
    return out;
}

const ast::Expr* MacroTable::expanded(size_t i, std::optional<ExpansionError>& error) {
    if (expanded_[i]) {
        return expanded_[i].get();
    }
    if (in_progress_[i]) {
        error = ExpansionError{"reference loop in macro '" + macros_[i].name + "'", i};
        return nullptr;
    }
    if (!parsed_[i]) {
        return nullptr; // its syntax error was reported already
    }
    in_progress_[i] = true;
    std::unique_ptr<ast::Expr> result = copy(*parsed_[i], macros_[i].seq.latest, error);
    in_progress_[i] = false;
    if (error) {
        if (!error->macro) {
            error->macro = i;
        }
        return nullptr;
    }
    expanded_[i] = std::move(result);
    return expanded_[i].get();
}

std::unique_ptr<ast::Expr> MacroTable::copy(const ast::Expr& expr, uint64_t visible_before,
                                            std::optional<ExpansionError>& error) {
    // Macros such as a: "x and x", b: "a and a", c: "b and b"... would otherwise grow the tree
    // exponentially, until memory runs out, with a few lines of rules.
    if (++nodes_ > kMaxNodes) {
        error = ExpansionError{"Condition is too large after macro expansion (more than " +
                                   std::to_string(kMaxNodes) + " nodes)",
                               std::nullopt};
        return nullptr;
    }
    switch (expr.kind) {
    case ast::ExprKind::kAnd:
    case ast::ExprKind::kOr: {
        auto out = std::make_unique<ast::Logical>(expr.kind, expr.position);
        for (const auto& child : ast::as_logical(expr).children) {
            out->children.push_back(copy(*child, visible_before, error));
            if (error) {
                return nullptr;
            }
        }
        return out;
    }
    case ast::ExprKind::kNot: {
        auto child = copy(*ast::as_not(expr).child, visible_before, error);
        if (error) {
            return nullptr;
        }
        return std::make_unique<ast::Not>(expr.position, std::move(child));
    }
    case ast::ExprKind::kCheck: {
        const ast::Check& c = ast::as_check(expr);
        auto out = std::make_unique<ast::Check>(c.position);
        out->field = c.field;
        out->op = c.op;
        out->op_position = c.op_position;
        out->values = c.values;
        out->list_name = c.list_name;
        out->index = c.index;
        return out;
    }
    case ast::ExprKind::kIdentifier:
        break;
    }
    const std::string& name = ast::as_identifier(expr).name;
    auto found = index_.find(name);
    if (found == index_.end() || macros_[found->second].seq.first >= visible_before) {
        error = ExpansionError{"Undefined macro '" + name + "' used in filter.", std::nullopt};
        return nullptr;
    }
    used_[found->second] = true;
    const ast::Expr* body = expanded(found->second, error);
    if (body == nullptr) {
        if (!error) {
            // The macro itself did not parse: report the use like an undefined one.
            error = ExpansionError{"Undefined macro '" + name + "' used in filter.", std::nullopt};
        }
        return nullptr;
    }
    return copy(*body, UINT64_MAX, error);
}

} // namespace falco
