// The type checker: every check against the field registry, literals read as the field's type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sinsp/filter/ast.h"
#include "sinsp/filter/diagnostic.h"
#include "sinsp/filter/field.h"
#include "sinsp/filter/value.h"
#include "userspace/libsinsp/filter/literal.h"

namespace sinsp::filter {

// A literal read as the type of the field it is compared with.
struct Constant {
    std::string text;             // strings; bytes (decoded for bcontains/bstartswith)
    std::optional<Number> number; // numeric fields; dynamic fields when it reads as one
    bool boolean = false;         // bool fields
    IpAddress ip;                 // IP address fields
    IpNetwork network;            // IP network fields
};

// One check, resolved and typed.
struct TypedCheck {
    const ast::Check* source = nullptr; // null when the check had errors
    BoundField field;
    Operator op = Operator::kEq;
    std::vector<Constant> constants; // the value, or the list items
};

struct CheckOutput {
    std::vector<Diagnostic> errors; // in text order
    std::vector<TypedCheck> checks; // by ast::Check::index
};

CheckOutput check_types(const ast::Expr& expr, const FieldResolver& fields);

} // namespace sinsp::filter
