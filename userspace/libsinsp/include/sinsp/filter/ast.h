// The syntax tree of a filter, as the parser builds it and the checker and compiler read it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sinsp/filter/api.h"
#include "sinsp/filter/diagnostic.h"
#include "sinsp/filter/operators.h"

namespace sinsp::filter::ast {

// A value as written: `cat`, `"cat /dev/null"`, `'x'` (text is unescaped, quotes removed).
struct Literal {
    std::string text;
    bool quoted = false;
    Position position;
};

// A field as written: `proc.name`, `proc.aname[2]`, `evt.arg.fd` (the dotted argument stays in
// the name; the registry splits it), `proc.env["HOME"]`.
struct FieldRef {
    std::string name;
    std::optional<Literal> argument; // the bracket argument
    Position position;
};

enum class ExprKind : uint8_t { kAnd, kOr, kNot, kCheck, kIdentifier };

struct SINSP_FILTER_API Expr {
    explicit Expr(ExprKind k, Position p) : kind(k), position(p) {}
    virtual ~Expr() = default;
    Expr(const Expr&) = delete;
    Expr& operator=(const Expr&) = delete;

    const ExprKind kind;
    Position position; // where the expression starts
};

// `a and b and c` (one node for the whole chain), `a or b`. Parentheses start a new node.
struct Logical final : Expr {
    Logical(ExprKind k, Position p) : Expr(k, p) {}
    std::vector<std::unique_ptr<Expr>> children;
};

// `not a`
struct Not final : Expr {
    Not(Position p, std::unique_ptr<Expr> c) : Expr(ExprKind::kNot, p), child(std::move(c)) {}
    std::unique_ptr<Expr> child;
};

// `field op value`, `field op (list)`, `field op list_name`, `field exists`.
struct Check final : Expr {
    explicit Check(Position p) : Expr(ExprKind::kCheck, p) {}
    FieldRef field;
    Operator op = Operator::kEq;
    Position op_position;
    // One value for a binary operator; the items for a list operator; none for `exists` or
    // when the list is a name.
    std::vector<Literal> values;
    // `fd.name in my_list`: a list name the rules loader did not expand.
    std::optional<Literal> list_name;
    // The parser numbers checks 0, 1, 2... in text order; the checker's results use it.
    uint32_t index = 0;
};

// A bare identifier: a macro name the rules loader did not expand.
struct Identifier final : Expr {
    Identifier(Position p, std::string n) : Expr(ExprKind::kIdentifier, p), name(std::move(n)) {}
    std::string name;
};

// Casts by kind, for readers that switch on `kind`.
inline const Logical& as_logical(const Expr& e) {
    return static_cast<const Logical&>(e);
}
inline const Not& as_not(const Expr& e) {
    return static_cast<const Not&>(e);
}
inline const Check& as_check(const Expr& e) {
    return static_cast<const Check&>(e);
}
inline const Identifier& as_identifier(const Expr& e) {
    return static_cast<const Identifier&>(e);
}

// The tree as an S-expression, for tests and debugging:
// (and (= proc.name "cat") (not (exists fd.name)) (in fd.sport (80 443)) (macro foo))
SINSP_FILTER_API std::string to_sexpr(const Expr& e);

// The tree as filter text that parses back to the same tree: `proc.name = cat and ...`.
SINSP_FILTER_API std::string to_filter(const Expr& e);

} // namespace sinsp::filter::ast
