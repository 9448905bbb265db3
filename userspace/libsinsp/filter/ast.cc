// Printing syntax trees: S-expressions for tests, filter text that parses back to the same tree.
#include <cstdio>

#include "sinsp/filter/ast.h"

namespace sinsp::filter::ast {

namespace {

bool ends_bare_value(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\b' || c == '(' || c == ')' ||
           c == ',' || c == '=' || c == '"' || c == '\'';
}

bool ends_bare_argument(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\b' || c == '[' || c == ']' ||
           c == '"' || c == '\'';
}

// `"..."` with the escapes the lexer reads back; `printable` also escapes other control bytes
// (for S-expressions, which people read; the lexer takes them raw).
std::string quote(const std::string& s, bool printable) {
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (printable && (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)) {
                char hex[8];
                std::snprintf(hex, sizeof(hex), "\\x%02x", static_cast<unsigned char>(c));
                out += hex;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

template <typename Ends> std::string bare_or_quoted(const std::string& s, Ends ends) {
    bool bare = !s.empty();
    for (char c : s) {
        bare = bare && !ends(c);
    }
    return bare ? s : quote(s, false);
}

std::string field_text(const FieldRef& f, bool sexpr) {
    if (!f.argument) {
        return f.name;
    }
    const std::string& arg = f.argument->text;
    return f.name + "[" + (sexpr ? quote(arg, true) : bare_or_quoted(arg, ends_bare_argument)) +
           "]";
}

void sexpr(const Expr& e, std::string& out) {
    switch (e.kind) {
    case ExprKind::kAnd:
    case ExprKind::kOr:
        out += e.kind == ExprKind::kAnd ? "(and" : "(or";
        for (const auto& child : as_logical(e).children) {
            out += ' ';
            sexpr(*child, out);
        }
        out += ')';
        return;
    case ExprKind::kNot:
        out += "(not ";
        sexpr(*as_not(e).child, out);
        out += ')';
        return;
    case ExprKind::kIdentifier:
        out += "(ident " + as_identifier(e).name + ")";
        return;
    case ExprKind::kCheck: {
        const Check& c = as_check(e);
        out += "(";
        out += operator_name(c.op);
        out += " " + field_text(c.field, true);
        if (c.list_name) {
            out += " " + c.list_name->text;
        } else if (takes_list(c.op)) {
            out += " (";
            for (size_t i = 0; i < c.values.size(); ++i) {
                out += (i ? " " : "") + quote(c.values[i].text, true);
            }
            out += ")";
        } else if (!c.values.empty()) {
            out += " " + quote(c.values[0].text, true);
        }
        out += ')';
        return;
    }
    }
}

void filter_text(const Expr& e, std::string& out) {
    switch (e.kind) {
    case ExprKind::kAnd:
    case ExprKind::kOr: {
        const auto& children = as_logical(e).children;
        for (size_t i = 0; i < children.size(); ++i) {
            if (i) {
                out += e.kind == ExprKind::kAnd ? " and " : " or ";
            }
            bool nested = children[i]->kind == ExprKind::kAnd || children[i]->kind == ExprKind::kOr;
            out += nested ? "(" : "";
            filter_text(*children[i], out);
            out += nested ? ")" : "";
        }
        return;
    }
    case ExprKind::kNot: {
        const Expr& child = *as_not(e).child;
        bool nested = child.kind == ExprKind::kAnd || child.kind == ExprKind::kOr;
        out += nested ? "not (" : "not ";
        filter_text(child, out);
        out += nested ? ")" : "";
        return;
    }
    case ExprKind::kIdentifier:
        out += as_identifier(e).name;
        return;
    case ExprKind::kCheck: {
        const Check& c = as_check(e);
        out += field_text(c.field, false);
        out += ' ';
        out += operator_name(c.op);
        if (c.list_name) {
            out += " " + c.list_name->text;
        } else if (takes_list(c.op)) {
            out += " (";
            for (size_t i = 0; i < c.values.size(); ++i) {
                out += (i ? ", " : "") + bare_or_quoted(c.values[i].text, ends_bare_value);
            }
            out += ")";
        } else if (!c.values.empty()) {
            out += " " + bare_or_quoted(c.values[0].text, ends_bare_value);
        }
        return;
    }
    }
}

} // namespace

std::string to_sexpr(const Expr& e) {
    std::string out;
    sexpr(e, out);
    return out;
}

std::string to_filter(const Expr& e) {
    std::string out;
    filter_text(e, out);
    return out;
}

} // namespace sinsp::filter::ast
