// The type checker: resolves fields and their arguments, checks operators against field types,
// and reads literals as numbers, booleans, addresses, networks or hex bytes.
#include "userspace/libsinsp/filter/checker.h"

#include <algorithm>
#include <charconv>

namespace sinsp::filter {

namespace {

// How the spec names a type family in "'X' not supported for ... filters".
std::string_view family_name(FieldType type) {
    switch (type) {
    case FieldType::kString:
        return "string";
    case FieldType::kBool:
        return "boolean";
    case FieldType::kIpAddr:
        return "IP address";
    case FieldType::kIpNet:
        return "IP network";
    case FieldType::kBytes:
        return "buffer";
    case FieldType::kDynamic:
        return "dynamic";
    default:
        return "numeric";
    }
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<uint64_t> index_of(std::string_view s) {
    uint64_t v = 0;
    if (!all_digits(s)) {
        return std::nullopt;
    }
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return v;
}

std::string quoted(std::string_view s) {
    constexpr size_t kMax = 64;
    if (s.size() > kMax) {
        return "'" + std::string(s.substr(0, kMax)) + "...'";
    }
    return "'" + std::string(s) + "'";
}

class Checker {
public:
    explicit Checker(const FieldResolver& fields) : fields_(fields) {}

    CheckOutput run(const ast::Expr& expr) {
        walk(expr);
        std::stable_sort(out_.errors.begin(), out_.errors.end(),
                         [](const Diagnostic& a, const Diagnostic& b) {
                             return a.position.offset < b.position.offset;
                         });
        return std::move(out_);
    }

private:
    void walk(const ast::Expr& e) {
        switch (e.kind) {
        case ast::ExprKind::kAnd:
        case ast::ExprKind::kOr:
            for (const auto& child : ast::as_logical(e).children) {
                walk(*child);
            }
            return;
        case ast::ExprKind::kNot:
            walk(*ast::as_not(e).child);
            return;
        case ast::ExprKind::kIdentifier:
            error(e.position,
                  "filter error: unexpected identifier " + quoted(ast::as_identifier(e).name));
            return;
        case ast::ExprKind::kCheck:
            check(ast::as_check(e));
            return;
        }
    }

    void check(const ast::Check& c) {
        if (out_.checks.size() <= c.index) {
            out_.checks.resize(c.index + 1);
        }
        std::optional<BoundField> field = bind(c.field);
        if (!field) {
            return;
        }
        if (!check_operator(*field, c)) {
            return;
        }
        if (c.list_name) {
            error(c.list_name->position,
                  "filter error: unexpected identifier " + quoted(c.list_name->text));
            return;
        }
        TypedCheck typed;
        typed.field = *field;
        typed.op = c.op;
        bool ok = true;
        for (const ast::Literal& literal : c.values) {
            std::optional<Constant> constant = read(*field, c.op, literal);
            if (!constant) {
                ok = false;
                continue;
            }
            if (std::optional<std::string> problem =
                    fields_.check_literal(*field, c.op, literal.text)) {
                error(literal.position, *problem);
                ok = false;
                continue;
            }
            typed.constants.push_back(std::move(*constant));
        }
        if (ok) {
            typed.source = &c;
            out_.checks[c.index] = std::move(typed);
        }
    }

    std::optional<BoundField> bind(const ast::FieldRef& ref) {
        std::optional<FieldMatch> match = fields_.find(ref.name);
        if (!match || match->info == nullptr) {
            std::string message = "unknown field " + quoted(ref.name);
            if (std::optional<std::string> near = nearest_name(ref.name, fields_.field_names())) {
                message += "; did you mean '" + *near + "'?";
            }
            error(ref.position, message);
            return std::nullopt;
        }
        const FieldInfo& info = *match->info;
        std::optional<std::string> argument = match->dotted_argument;
        Position argument_position = ref.position;
        if (ref.argument) {
            if (argument) {
                error(ref.argument->position, "field " + quoted(info.name) +
                                                  " takes one argument, found both ." + *argument +
                                                  " and [" + ref.argument->text + "]");
                return std::nullopt;
            }
            argument = ref.argument->text;
            argument_position = ref.argument->position;
        }
        if (argument && info.argument == ArgumentPolicy::kNone) {
            error(argument_position, "field " + quoted(info.name) + " does not take an argument");
            return std::nullopt;
        }
        if (!argument && info.argument == ArgumentPolicy::kRequired) {
            error(ref.position, "field " + quoted(info.name) + " requires an argument");
            return std::nullopt;
        }
        BoundField bound;
        bound.id = info.id;
        bound.name = info.name;
        bound.type = info.type;
        bound.event_type = info.event_type;
        bound.multiplicity = argument ? info.multiplicity_with_argument : info.multiplicity;
        if (argument) {
            bound.index = index_of(*argument);
            if (info.argument_kind == ArgumentKind::kIndex && !bound.index) {
                error(argument_position, "field " + quoted(info.name) +
                                             " takes a numeric index argument, found " +
                                             quoted(*argument));
                return std::nullopt;
            }
            bound.argument = std::move(argument);
        }
        return bound;
    }

    bool check_operator(const BoundField& field, const ast::Check& c) {
        const std::string op(operator_name(c.op));
        if (!default_operators(field.type).contains(c.op)) {
            error(c.op_position, "'" + op + "' not supported for " +
                                     std::string(family_name(field.type)) + " filters");
            return false;
        }
        std::optional<FieldMatch> match = fields_.find(c.field.name);
        if (match && match->info && !match->info->operators.contains(c.op)) {
            error(c.op_position, "'" + op + "' not supported by field " + quoted(field.name));
            return false;
        }
        return true;
    }

    std::optional<Constant> read(const BoundField& field, Operator op, const ast::Literal& lit) {
        Constant k;
        const std::string& text = lit.text;
        auto fail = [&](const std::string& what) -> std::optional<Constant> {
            error(lit.position, "expected " + what + " for " + quoted(field.to_string()) +
                                    ", found " + quoted(text));
            return std::nullopt;
        };
        switch (field.type) {
        case FieldType::kString:
            k.text = text;
            return k;
        case FieldType::kDynamic:
            k.text = text;
            k.number = parse_number(text);
            return k;
        case FieldType::kBool: {
            std::optional<bool> b = parse_bool(text);
            if (!b) {
                return fail("true or false");
            }
            k.boolean = *b;
            return k;
        }
        case FieldType::kIpAddr: {
            std::optional<IpAddress> ip = IpAddress::parse(text);
            if (!ip) {
                return fail("an IP address");
            }
            k.ip = *ip;
            return k;
        }
        case FieldType::kIpNet: {
            std::optional<IpNetwork> net = IpNetwork::parse(text);
            if (!net) {
                return fail("an IP network (10.0.0.0/8) or address");
            }
            k.network = *net;
            return k;
        }
        case FieldType::kBytes:
            if (op == Operator::kBContains || op == Operator::kBStartsWith) {
                std::optional<std::string> bytes = parse_hex(text);
                if (!bytes) {
                    error(lit.position, "filter error: bcontains and bstartswith operator support "
                                        "hex strings only");
                    return std::nullopt;
                }
                k.text = std::move(*bytes);
                return k;
            }
            k.text = text;
            return k;
        default:
            break;
        }
        // Numbers.
        std::optional<Number> n = parse_number(text);
        if (!n) {
            return fail("a number value");
        }
        if (field.type != FieldType::kDouble && !n->is_integer()) {
            return fail("an integer value");
        }
        bool is_signed = field.type == FieldType::kInt64 || field.type == FieldType::kDouble;
        if (!is_signed && n->kind == Number::Kind::kInt) {
            return fail("a non-negative integer");
        }
        if (field.type == FieldType::kInt64 && n->kind == Number::Kind::kUint &&
            n->u > static_cast<uint64_t>(INT64_MAX)) {
            return fail("a number in the int64 range");
        }
        if (field.type == FieldType::kPort && n->u > 65535) {
            return fail("a port number (0-65535)");
        }
        k.number = n;
        return k;
    }

    void error(Position at, std::string message) {
        out_.errors.push_back(Diagnostic{at, std::move(message)});
    }

    const FieldResolver& fields_;
    CheckOutput out_;
};

} // namespace

CheckOutput check_types(const ast::Expr& expr, const FieldResolver& fields) {
    return Checker(fields).run(expr);
}

} // namespace sinsp::filter
