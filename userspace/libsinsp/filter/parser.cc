// The filter parser: text to ast::Expr, stopping at the first syntax error.
//
//   expr  := or
//   or    := and ('or' and)*
//   and   := not ('and' not)*
//   not   := 'not' not | check
//   check := '(' expr ')' | field 'exists' | field binary_op value | field list_op list | IDENT
#include <string>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/lexer.h"
#include "userspace/libsinsp/filter/literal.h"

namespace sinsp::filter {

namespace {

using Mode = Lexer::Mode;

constexpr std::string_view kOperatorList =
    "=, ==, !=, <, <=, >, >=, contains, icontains, bcontains, startswith, bstartswith, "
    "endswith, glob, iglob, pmatch, in, intersects, exists";

bool is_identifier(std::string_view text) {
    if (text.empty() ||
        !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z'))) {
        return false;
    }
    for (char c : text) {
        bool word =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!word) {
            return false;
        }
    }
    return true;
}

bool is_value(const Token& t) {
    return t.kind == TokenKind::kString || t.kind == TokenKind::kBare;
}

ast::Literal literal_of(const Token& t) {
    return ast::Literal{t.text, t.kind == TokenKind::kString, t.position};
}

class Parser {
public:
    Parser(std::string_view text, const ParseOptions& options) : lexer_(text), options_(options) {}

    ParseResult run() {
        ParseResult result;
        if (lexer_.blank()) {
            fail(lexer_.position_at(0), "filter input string is empty");
        } else if (std::unique_ptr<ast::Expr> e = parse_or()) {
            Token t = lexer_.peek(Mode::kExpression);
            if (t.kind == TokenKind::kError) {
                fail(t);
            } else if (t.kind != TokenKind::kEnd) {
                fail(t.position,
                     "unexpected token after '" + std::string(t.raw) + "', expecting 'or', 'and'");
            } else {
                result.expr = std::move(e);
            }
        }
        result.error = std::move(error_);
        return result;
    }

private:
    std::unique_ptr<ast::Expr> parse_or() { return parse_chain(TokenKind::kOr); }

    // `operand (kw operand)*` as one node, or the operand alone; kw is `or` or `and`.
    std::unique_ptr<ast::Expr> parse_chain(TokenKind keyword) {
        auto operand = [&]() {
            return keyword == TokenKind::kOr ? parse_chain(TokenKind::kAnd) : parse_not();
        };
        std::unique_ptr<ast::Expr> first = operand();
        if (!first || lexer_.peek(Mode::kExpression).kind != keyword) {
            return first;
        }
        auto chain = std::make_unique<ast::Logical>(
            keyword == TokenKind::kOr ? ast::ExprKind::kOr : ast::ExprKind::kAnd, first->position);
        chain->children.push_back(std::move(first));
        while (lexer_.peek(Mode::kExpression).kind == keyword) {
            lexer_.next(Mode::kExpression);
            std::unique_ptr<ast::Expr> next = operand();
            if (!next) {
                return nullptr;
            }
            chain->children.push_back(std::move(next));
        }
        return chain;
    }

    std::unique_ptr<ast::Expr> parse_not() {
        Token t = lexer_.peek(Mode::kExpression);
        if (t.kind != TokenKind::kNot) {
            return parse_check();
        }
        lexer_.next(Mode::kExpression);
        if (!enter(t.position)) {
            return nullptr;
        }
        std::unique_ptr<ast::Expr> child = parse_not();
        --depth_;
        if (!child) {
            return nullptr;
        }
        return std::make_unique<ast::Not>(t.position, std::move(child));
    }

    std::unique_ptr<ast::Expr> parse_check() {
        Token t = lexer_.next(Mode::kExpression);
        switch (t.kind) {
        case TokenKind::kError:
            return fail(t);
        case TokenKind::kLParen: {
            if (!enter(t.position)) {
                return nullptr;
            }
            std::unique_ptr<ast::Expr> inner = parse_or();
            --depth_;
            if (!inner) {
                return nullptr;
            }
            Token close = lexer_.next(Mode::kExpression);
            if (close.kind == TokenKind::kError) {
                return fail(close);
            }
            if (close.kind != TokenKind::kRParen) {
                return fail(close.position, "expected a ')' token, found " + describe(close));
            }
            return inner;
        }
        case TokenKind::kName:
            return parse_field_check(t);
        case TokenKind::kIdentifier:
            return std::make_unique<ast::Identifier>(t.position, t.text);
        default:
            return fail(t.position,
                        "expected a '(' token, a field check, or an identifier, found " +
                            describe(t));
        }
    }

    std::unique_ptr<ast::Expr> parse_field_check(const Token& name) {
        auto check = std::make_unique<ast::Check>(name.position);
        check->field.name = name.text;
        check->field.position = name.position;
        if (lexer_.at('[')) {
            lexer_.skip();
            Token arg = lexer_.next(Mode::kArgument);
            if (arg.kind == TokenKind::kError) {
                return fail(arg);
            }
            check->field.argument = literal_of(arg);
            if (!lexer_.at(']')) {
                return fail(lexer_.position_at(lexer_.offset()),
                            "expected a ']' token, found " + describe_here());
            }
            lexer_.skip();
        }
        Token op = lexer_.next(Mode::kExpression);
        if (op.kind == TokenKind::kError) {
            return fail(op);
        }
        if (op.kind != TokenKind::kOperator) {
            return fail(op.position, "expected a valid check operator: one of " +
                                         std::string(kOperatorList) + "; found " + describe(op));
        }
        check->op = op.op;
        check->op_position = op.position;
        check->index = checks_++;
        if (op.op == Operator::kExists) {
            return check;
        }
        if (takes_list(op.op)) {
            if (!parse_list(*check, op)) {
                return nullptr;
            }
            return check;
        }
        Token value = lexer_.next(Mode::kValue);
        if (value.kind == TokenKind::kError) {
            return fail(value);
        }
        if (is_relational(op.op)) {
            if (value.kind != TokenKind::kBare || !looks_like_number(value.text)) {
                return fail(value.position, "expected a number value after '" +
                                                std::string(op.raw) + "', found " +
                                                describe(value));
            }
        } else if (!is_value(value)) {
            return fail(value.position, "expected a value after '" + std::string(op.raw) +
                                            "', found " + describe(value));
        }
        check->values.push_back(literal_of(value));
        return check;
    }

    // `(v1, v2, ...)` or a list name, after `in`, `intersects` or `pmatch`. False on error.
    bool parse_list(ast::Check& check, const Token& op) {
        Token t = lexer_.next(Mode::kValue);
        if (t.kind == TokenKind::kBare && is_identifier(t.text)) {
            check.list_name = literal_of(t);
            return true;
        }
        if (t.kind != TokenKind::kLParen) {
            return failed(t, "expected a list or an identifier after '" + std::string(op.raw) +
                                 "', found " + describe(t));
        }
        t = lexer_.next(Mode::kValue);
        if (t.kind == TokenKind::kRParen) {
            return true;
        }
        for (;;) {
            if (!is_value(t)) {
                return failed(t, "expected a value in the list, found " + describe(t));
            }
            check.values.push_back(literal_of(t));
            t = lexer_.next(Mode::kValue);
            if (t.kind == TokenKind::kRParen) {
                return true;
            }
            if (t.kind != TokenKind::kComma) {
                return failed(t, "expected a ',' or a ')' token, found " + describe(t));
            }
            t = lexer_.next(Mode::kValue);
        }
    }

    // Reports `message` at `t`, or the lexer's own message when `t` is a lexical error; false.
    bool failed(const Token& t, std::string message) {
        fail(t.position, t.kind == TokenKind::kError ? t.text : std::move(message));
        return false;
    }

    // What follows the current offset, for "found ..." when no token fits.
    std::string describe_here() const {
        Token t;
        std::string_view rest = lexer_.rest();
        t.kind = rest.empty() ? TokenKind::kEnd : TokenKind::kOther;
        t.raw = rest.substr(0, 1);
        return describe(t);
    }

    bool enter(Position at) {
        if (++depth_ > options_.max_depth) {
            fail(at, "exceeded max depth limit of " + std::to_string(options_.max_depth));
            return false;
        }
        return true;
    }

    std::nullptr_t fail(const Token& error_token) {
        return fail(error_token.position, error_token.text);
    }

    std::nullptr_t fail(Position at, std::string message) {
        if (!error_) {
            error_ = Diagnostic{at, std::move(message)};
        }
        return nullptr;
    }

    Lexer lexer_;
    ParseOptions options_;
    std::optional<Diagnostic> error_;
    uint32_t depth_ = 0;
    uint32_t checks_ = 0;
};

} // namespace

ParseResult parse(std::string_view text, const ParseOptions& options) {
    return Parser(text, options).run();
}

} // namespace sinsp::filter
