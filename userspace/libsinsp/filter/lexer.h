// The filter lexer. What a token is depends on where the parser is (a value may be `<` or
// `/etc`, which are not tokens elsewhere), so the parser asks for tokens in a mode.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "userspace/libsinsp/filter/token.h"

namespace sinsp::filter {

class Lexer {
public:
    enum class Mode {
        kExpression, // keywords, names, identifiers, operators, ( ) ,
        kValue,      // a quoted or bare value, or ( ) ,
        kArgument,   // right after '[': a quoted or bare argument, no blanks skipped
    };

    explicit Lexer(std::string_view input);

    // The next token, without consuming it.
    Token peek(Mode mode) const;
    // The next token, consumed.
    Token next(Mode mode);

    // True when the very next byte (no blanks skipped) is `c`; consume it with skip().
    bool at(char c) const { return offset_ < input_.size() && input_[offset_] == c; }
    void skip() { ++offset_; }

    // True when the input holds nothing but blanks.
    bool blank() const;

    size_t offset() const { return offset_; }
    // The input from the current offset on.
    std::string_view rest() const { return input_.substr(offset_); }
    Position position_at(size_t offset) const;

    static bool is_blank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\b';
    }

private:
    Token lex(Mode mode, size_t* end) const;
    Token lex_expression(size_t at, size_t* end) const;
    Token lex_value(size_t at, size_t* end) const;
    Token lex_argument(size_t at, size_t* end) const;
    Token lex_word(size_t at, size_t* end) const;
    Token lex_quoted(size_t at, size_t* end) const;
    Token make(TokenKind kind, size_t begin, size_t end) const;
    Token error(size_t at, std::string message) const;

    std::string_view input_;
    size_t offset_ = 0;
    std::vector<size_t> line_starts_;
};

} // namespace sinsp::filter
