// The filter lexer: tokens with their positions, quoted strings and their escapes.
#include "userspace/libsinsp/filter/lexer.h"

#include <algorithm>

namespace sinsp::filter {

namespace {

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_word_char(char c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

bool is_quote(char c) {
    return c == '"' || c == '\'';
}

// Ends a bare value: blanks, ( ) , = and quotes.
bool ends_bare_value(char c) {
    return Lexer::is_blank(c) || c == '(' || c == ')' || c == ',' || c == '=' || is_quote(c);
}

// Ends a bare argument: blanks, [ ] and quotes.
bool ends_bare_argument(char c) {
    return Lexer::is_blank(c) || c == '[' || c == ']' || is_quote(c);
}

// Word operators that need a blank after them (in, intersects and pmatch do not).
bool needs_blank_after(Operator op) {
    return !takes_list(op) && op != Operator::kExists;
}

} // namespace

std::string describe(const Token& token) {
    if (token.kind == TokenKind::kEnd) {
        return "end of input";
    }
    constexpr size_t kMax = 32;
    std::string_view raw = token.raw;
    if (raw.size() > kMax) {
        return "'" + std::string(raw.substr(0, kMax)) + "...'";
    }
    return "'" + std::string(raw) + "'";
}

Lexer::Lexer(std::string_view input) : input_(input) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < input_.size(); ++i) {
        if (input_[i] == '\n') {
            line_starts_.push_back(i + 1);
        }
    }
}

Position Lexer::position_at(size_t offset) const {
    offset = std::min(offset, input_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(it - line_starts_.begin());
    Position p;
    p.offset = static_cast<uint32_t>(offset);
    p.line = static_cast<uint32_t>(line);
    p.column = static_cast<uint32_t>(offset - line_starts_[line - 1] + 1);
    return p;
}

bool Lexer::blank() const {
    return std::all_of(input_.begin(), input_.end(), is_blank);
}

Token Lexer::peek(Mode mode) const {
    size_t end = offset_;
    return lex(mode, &end);
}

Token Lexer::next(Mode mode) {
    size_t end = offset_;
    Token t = lex(mode, &end);
    offset_ = end;
    return t;
}

Token Lexer::lex(Mode mode, size_t* end) const {
    size_t at = offset_;
    if (mode != Mode::kArgument) {
        while (at < input_.size() && is_blank(input_[at])) {
            ++at;
        }
    }
    switch (mode) {
    case Mode::kExpression:
        return lex_expression(at, end);
    case Mode::kValue:
        return lex_value(at, end);
    case Mode::kArgument:
        return lex_argument(at, end);
    }
    return error(at, "internal lexer error");
}

Token Lexer::make(TokenKind kind, size_t begin, size_t end) const {
    Token t;
    t.kind = kind;
    t.raw = input_.substr(begin, end - begin);
    t.position = position_at(begin);
    return t;
}

Token Lexer::error(size_t at, std::string message) const {
    Token t = make(TokenKind::kError, at, at);
    t.text = std::move(message);
    return t;
}

Token Lexer::lex_expression(size_t at, size_t* end) const {
    if (at >= input_.size()) {
        *end = at;
        return make(TokenKind::kEnd, at, at);
    }
    char c = input_[at];
    auto single = [&](TokenKind kind) {
        *end = at + 1;
        return make(kind, at, at + 1);
    };
    auto symbol = [&](size_t length, Operator op) {
        *end = at + length;
        Token t = make(TokenKind::kOperator, at, at + length);
        t.op = op;
        return t;
    };
    bool equals_next = at + 1 < input_.size() && input_[at + 1] == '=';
    switch (c) {
    case '(':
        return single(TokenKind::kLParen);
    case ')':
        return single(TokenKind::kRParen);
    case ',':
        return single(TokenKind::kComma);
    case '=':
        return symbol(equals_next ? 2 : 1, Operator::kEq);
    case '<':
        return equals_next ? symbol(2, Operator::kLe) : symbol(1, Operator::kLt);
    case '>':
        return equals_next ? symbol(2, Operator::kGe) : symbol(1, Operator::kGt);
    case '!':
        if (equals_next) {
            return symbol(2, Operator::kNe);
        }
        break;
    default:
        break;
    }
    if (is_letter(c)) {
        return lex_word(at, end);
    }
    // Something that starts no token here; keep a readable run of it for the message.
    size_t stop = at + 1;
    if (is_quote(c)) {
        while (stop < input_.size() && input_[stop] != c) {
            stop += input_[stop] == '\\' ? 2 : 1;
        }
        stop = std::min(stop + 1, input_.size());
    } else {
        while (stop < input_.size() && !ends_bare_value(input_[stop])) {
            ++stop;
        }
    }
    *end = stop;
    return make(TokenKind::kOther, at, stop);
}

Token Lexer::lex_word(size_t at, size_t* end) const {
    size_t i = at;
    bool dotted = false;
    for (;;) {
        while (i < input_.size() && is_word_char(input_[i])) {
            ++i;
        }
        if (i < input_.size() && input_[i] == '.') {
            if (i + 1 < input_.size() && is_letter(input_[i + 1])) {
                dotted = true;
                i += 1;
                continue;
            }
            std::string name(input_.substr(at, i + 1 - at));
            return error(i + 1, "expected a letter after '.' in field name '" + name + "'");
        }
        break;
    }
    *end = i;
    Token t = make(TokenKind::kName, at, i);
    t.text = std::string(t.raw);
    if (dotted) {
        return t;
    }
    char after = i < input_.size() ? input_[i] : ' ';
    bool blank_after = is_blank(after);
    if (t.raw == "and" || t.raw == "or" || t.raw == "not") {
        if (!blank_after && after != '(') {
            return error(i, "expected a blank or '(' after '" + t.text + "'");
        }
        t.kind = t.raw == "and"  ? TokenKind::kAnd
                 : t.raw == "or" ? TokenKind::kOr
                                 : TokenKind::kNot;
        return t;
    }
    if (std::optional<Operator> op = operator_from_name(t.raw)) {
        if (needs_blank_after(*op) && !blank_after) {
            return error(i, "expected a blank after '" + t.text + "'");
        }
        if (*op == Operator::kExists && !blank_after && after != ')') {
            return error(i, "expected a blank or ')' after 'exists'");
        }
        t.kind = TokenKind::kOperator;
        t.op = *op;
        return t;
    }
    t.kind = TokenKind::kIdentifier;
    return t;
}

Token Lexer::lex_value(size_t at, size_t* end) const {
    if (at >= input_.size()) {
        *end = at;
        return make(TokenKind::kEnd, at, at);
    }
    char c = input_[at];
    switch (c) {
    case '(':
        *end = at + 1;
        return make(TokenKind::kLParen, at, at + 1);
    case ')':
        *end = at + 1;
        return make(TokenKind::kRParen, at, at + 1);
    case ',':
        *end = at + 1;
        return make(TokenKind::kComma, at, at + 1);
    case '=':
        *end = at + 1;
        return make(TokenKind::kOther, at, at + 1);
    default:
        break;
    }
    if (is_quote(c)) {
        return lex_quoted(at, end);
    }
    size_t i = at;
    while (i < input_.size() && !ends_bare_value(input_[i])) {
        ++i;
    }
    *end = i;
    Token t = make(TokenKind::kBare, at, i);
    t.text = std::string(t.raw);
    return t;
}

Token Lexer::lex_argument(size_t at, size_t* end) const {
    if (at < input_.size() && is_quote(input_[at])) {
        return lex_quoted(at, end);
    }
    size_t i = at;
    while (i < input_.size() && !ends_bare_argument(input_[i])) {
        ++i;
    }
    if (i == at) {
        return error(at, "expected a valid field argument: a quoted string or a bare string");
    }
    *end = i;
    Token t = make(TokenKind::kBare, at, i);
    t.text = std::string(t.raw);
    return t;
}

Token Lexer::lex_quoted(size_t at, size_t* end) const {
    const char quote = input_[at];
    std::string text;
    size_t i = at + 1;
    while (i < input_.size()) {
        char c = input_[i];
        if (c == quote) {
            *end = i + 1;
            Token t = make(TokenKind::kString, at, i + 1);
            t.text = std::move(text);
            return t;
        }
        if (c != '\\') {
            text += c;
            ++i;
            continue;
        }
        if (i + 1 >= input_.size()) {
            break;
        }
        char e = input_[i + 1];
        switch (e) {
        case '\\':
            text += '\\';
            break;
        case 'n':
            text += '\n';
            break;
        case 'r':
            text += '\r';
            break;
        case 't':
            text += '\t';
            break;
        case 'b':
            text += '\b';
            break;
        case 'f':
            text += '\f';
            break;
        case '/':
            text += '/';
            break;
        case ' ':
            // Legacy: backslash-space is tolerated and stands for one backslash.
            text += '\\';
            break;
        default:
            if (e == quote) {
                text += e;
                break;
            }
            return error(i, std::string("unsupported string escape sequence: \\") + e);
        }
        i += 2;
    }
    return error(at, std::string("unterminated string: expected a closing ") + quote);
}

} // namespace sinsp::filter
