// Tokens of the filter language.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sinsp/filter/diagnostic.h"
#include "sinsp/filter/operators.h"

namespace sinsp::filter {

enum class TokenKind : uint8_t {
    kEnd,        // end of input
    kLParen,     // (
    kRParen,     // )
    kComma,      // ,
    kAnd,        // and
    kOr,         // or
    kNot,        // not
    kOperator,   // =, ==, !=, <, ..., contains, in, exists, ...
    kName,       // a dotted field name: proc.name, evt.arg.fd
    kIdentifier, // a word without a dot: a macro or list name
    kString,     // a quoted string (text holds it unescaped)
    kBare,       // a bare value or argument: /etc, 42, <
    kOther,      // anything else, kept to say what was found
    kError,      // a lexical error (text holds the message)
};

struct Token {
    TokenKind kind = TokenKind::kEnd;
    std::string_view raw; // as written
    std::string text;     // the value (kString, kBare), the word, or the error message
    Operator op = Operator::kEq;
    Position position; // the first byte (for kError: where the problem is)
};

// "end of input", or the raw text quoted and cut to a readable length: "'proc.name'".
std::string describe(const Token& token);

} // namespace sinsp::filter
