// The building blocks: the lexer's tokens and positions, number literals, IP addresses and
// networks, glob patterns, operator names.
#include <gtest/gtest.h>

#include "userspace/libsinsp/filter/glob.h"
#include "userspace/libsinsp/filter/lexer.h"
#include "userspace/libsinsp/filter/literal.h"

namespace sinsp::filter {
namespace {

using Mode = Lexer::Mode;

TEST(Lexer, TokensWithPositions) {
    Lexer lex("not (proc.name=cat\n and\tfd.name contains 'a b')");
    struct Expect {
        Mode mode;
        TokenKind kind;
        const char* text;
        uint32_t offset, line, column;
    };
    const Expect expected[] = {
        {Mode::kExpression, TokenKind::kNot, "not", 0, 1, 1},
        {Mode::kExpression, TokenKind::kLParen, "(", 4, 1, 5},
        {Mode::kExpression, TokenKind::kName, "proc.name", 5, 1, 6},
        {Mode::kExpression, TokenKind::kOperator, "=", 14, 1, 15},
        {Mode::kValue, TokenKind::kBare, "cat", 15, 1, 16},
        {Mode::kExpression, TokenKind::kAnd, "and", 20, 2, 2},
        {Mode::kExpression, TokenKind::kName, "fd.name", 24, 2, 6},
        {Mode::kExpression, TokenKind::kOperator, "contains", 32, 2, 14},
        {Mode::kValue, TokenKind::kString, "'a b'", 41, 2, 23},
        {Mode::kExpression, TokenKind::kRParen, ")", 46, 2, 28},
        {Mode::kExpression, TokenKind::kEnd, "", 47, 2, 29},
    };
    for (const Expect& e : expected) {
        Token t = lex.next(e.mode);
        EXPECT_EQ(t.kind, e.kind) << e.text;
        EXPECT_EQ(t.raw, e.text);
        EXPECT_EQ(t.position.offset, e.offset) << e.text;
        EXPECT_EQ(t.position.line, e.line) << e.text;
        EXPECT_EQ(t.position.column, e.column) << e.text;
    }
}

TEST(Lexer, OperatorsAndWords) {
    const std::pair<const char*, Operator> ops[] = {
        {"=", Operator::kEq},
        {"==", Operator::kEq},
        {"!=", Operator::kNe},
        {"<", Operator::kLt},
        {"<=", Operator::kLe},
        {">", Operator::kGt},
        {">=", Operator::kGe},
        {"contains ", Operator::kContains},
        {"icontains ", Operator::kIContains},
        {"bcontains ", Operator::kBContains},
        {"startswith ", Operator::kStartsWith},
        {"bstartswith ", Operator::kBStartsWith},
        {"endswith ", Operator::kEndsWith},
        {"glob ", Operator::kGlob},
        {"iglob ", Operator::kIGlob},
        {"pmatch(", Operator::kPMatch},
        {"in(", Operator::kIn},
        {"intersects(", Operator::kIntersects},
        {"exists", Operator::kExists},
        {"exists)", Operator::kExists},
    };
    for (const auto& [text, op] : ops) {
        Lexer lex(text);
        Token t = lex.next(Mode::kExpression);
        ASSERT_EQ(t.kind, TokenKind::kOperator) << text;
        EXPECT_EQ(t.op, op) << text;
    }
    EXPECT_EQ(Lexer("inx").next(Mode::kExpression).kind, TokenKind::kIdentifier);
    EXPECT_EQ(Lexer("in.x").next(Mode::kExpression).kind, TokenKind::kName);
    EXPECT_EQ(Lexer("And").next(Mode::kExpression).kind, TokenKind::kIdentifier);
    EXPECT_EQ(Lexer("and").next(Mode::kExpression).kind, TokenKind::kAnd);
    EXPECT_EQ(Lexer("or(").next(Mode::kExpression).kind, TokenKind::kOr);
    EXPECT_EQ(Lexer("!x").next(Mode::kExpression).kind, TokenKind::kOther);
}

TEST(Lexer, Values) {
    Lexer lex(" /a/b[0]*,'x\\ty'\"q\"<=)");
    EXPECT_EQ(lex.next(Mode::kValue).text, "/a/b[0]*");
    EXPECT_EQ(lex.next(Mode::kValue).kind, TokenKind::kComma);
    Token single = lex.next(Mode::kValue);
    EXPECT_EQ(single.kind, TokenKind::kString);
    EXPECT_EQ(single.text, "x\ty");
    EXPECT_EQ(lex.next(Mode::kValue).text, "q");
    EXPECT_EQ(lex.next(Mode::kValue).text, "<");
    EXPECT_EQ(lex.next(Mode::kValue).kind, TokenKind::kOther); // '='
    EXPECT_EQ(lex.next(Mode::kValue).kind, TokenKind::kRParen);
    EXPECT_EQ(lex.next(Mode::kValue).kind, TokenKind::kEnd);
}

TEST(Lexer, PeekDoesNotConsume) {
    Lexer lex("a.b = c");
    EXPECT_EQ(lex.peek(Mode::kExpression).raw, "a.b");
    EXPECT_EQ(lex.peek(Mode::kExpression).raw, "a.b");
    EXPECT_EQ(lex.next(Mode::kExpression).raw, "a.b");
    EXPECT_EQ(lex.next(Mode::kExpression).raw, "=");
}

TEST(Numbers, Shapes) {
    for (const char* good :
         {"0", "42", "-1", "+7", "1.5", "-1.5e3", "2E-2", "1e+9", "0x1f", "0XFF", "-0x10"}) {
        EXPECT_TRUE(looks_like_number(good)) << good;
    }
    for (const char* bad : {"", "-", "+", "1.", ".5", "1e", "1e+", "0x", "0xg", "12a", "1,0", " 1",
                            "1 ", "--1", "inf", "nan"}) {
        EXPECT_FALSE(looks_like_number(bad)) << bad;
    }
}

TEST(Numbers, Values) {
    auto n = parse_number("18446744073709551615");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind, Number::Kind::kUint);
    EXPECT_EQ(n->u, UINT64_MAX);
    EXPECT_FALSE(parse_number("18446744073709551616"));
    n = parse_number("-9223372036854775808");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind, Number::Kind::kInt);
    EXPECT_EQ(n->i, INT64_MIN);
    EXPECT_FALSE(parse_number("-9223372036854775809"));
    n = parse_number("-0");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind, Number::Kind::kUint);
    n = parse_number("-0x10");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->i, -16);
    n = parse_number("+2.5e1");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->kind, Number::Kind::kDouble);
    EXPECT_EQ(n->d, 25.0);
    EXPECT_FALSE(parse_number("1e999")); // not finite
}

TEST(Numbers, Comparison) {
    auto cmp = [](const char* a, const char* b) {
        return compare_numbers(*parse_number(a), *parse_number(b));
    };
    EXPECT_EQ(cmp("-1", "18446744073709551615"), -1);
    EXPECT_EQ(cmp("18446744073709551615", "-1"), 1);
    EXPECT_EQ(cmp("-5", "-3"), -1);
    EXPECT_EQ(cmp("3", "3.0"), 0);
    EXPECT_EQ(cmp("2.5", "3"), -1);
    EXPECT_EQ(cmp("0x10", "16"), 0);
    Number nan;
    nan.kind = Number::Kind::kDouble;
    nan.d = std::numeric_limits<double>::quiet_NaN();
    EXPECT_FALSE(compare_numbers(nan, *parse_number("1")));
}

TEST(Literals, BoolAndHex) {
    EXPECT_EQ(parse_bool("true"), true);
    EXPECT_EQ(parse_bool("false"), false);
    EXPECT_FALSE(parse_bool("True"));
    EXPECT_FALSE(parse_bool("1"));
    EXPECT_EQ(parse_hex("7f454C46"), std::string("\x7f"
                                                 "ELF"));
    EXPECT_FALSE(parse_hex(""));
    EXPECT_FALSE(parse_hex("abc"));
    EXPECT_FALSE(parse_hex("zz"));
}

TEST(IpAddresses, ParseAndPrint) {
    auto a = IpAddress::parse("10.0.0.1");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->family, IpAddress::Family::kV4);
    EXPECT_EQ(*a, IpAddress::v4(0x0a000001));
    EXPECT_EQ(a->to_string(), "10.0.0.1");
    auto b = IpAddress::parse("2001:DB8::1");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->family, IpAddress::Family::kV6);
    EXPECT_EQ(b->to_string(), "2001:db8::1");
    EXPECT_TRUE(IpAddress::parse("::ffff:1.2.3.4"));
    for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4 ", "::g",
                            "1:2:3:4:5:6:7:8:9", "localhost"}) {
        EXPECT_FALSE(IpAddress::parse(bad)) << bad;
    }
}

TEST(IpAddresses, Networks) {
    auto n = IpNetwork::parse("10.1.2.3/8");
    ASSERT_TRUE(n);
    EXPECT_EQ(n->to_string(), "10.0.0.0/8");
    EXPECT_TRUE(n->contains(*IpAddress::parse("10.255.0.1")));
    EXPECT_FALSE(n->contains(*IpAddress::parse("11.0.0.1")));
    EXPECT_FALSE(n->contains(*IpAddress::parse("::a01:203")));
    auto odd = IpNetwork::parse("192.168.1.128/25");
    ASSERT_TRUE(odd);
    EXPECT_TRUE(odd->contains(*IpAddress::parse("192.168.1.200")));
    EXPECT_FALSE(odd->contains(*IpAddress::parse("192.168.1.127")));
    auto v6 = IpNetwork::parse("fd00::/8");
    ASSERT_TRUE(v6);
    EXPECT_TRUE(v6->contains(*IpAddress::parse("fd12::1")));
    EXPECT_FALSE(v6->contains(*IpAddress::parse("fe80::1")));
    auto host = IpNetwork::parse("1.2.3.4");
    ASSERT_TRUE(host);
    EXPECT_EQ(host->prefix, 32);
    EXPECT_TRUE(IpNetwork::parse("::/0")->contains(*IpAddress::parse("::1")));
    for (const char* bad : {"10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8x", "::/129",
                            "x/8", "10.0.0.0/0008"}) {
        EXPECT_FALSE(IpNetwork::parse(bad)) << bad;
    }
}

TEST(Glob, Patterns) {
    struct Case {
        const char* pattern;
        const char* text;
        bool match;
    };
    const Case cases[] = {
        {"*", "", true},
        {"*", "/a/b", true},
        {"/etc/*", "/etc/x/y", true}, // '*' crosses '/'
        {"?", "", false},
        {"?", "a", true},
        {"a?c", "abc", true},
        {"a?c", "ac", false},
        {"*.conf", "/etc/a.conf", true},
        {"*.conf", "/etc/a.confx", false},
        {"a*b*c", "axxbyyc", true},
        {"a*b*c", "axxbyy", false},
        {"*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false},
        {"[abc]x", "bx", true},
        {"[abc]x", "dx", false},
        {"[a-c]", "b", true},
        {"[!a-c]", "b", false},
        {"[^a-c]", "d", true},
        {"[]]", "]", true},
        {"[!]]", "a", true},
        {"[a-]", "-", true},
        {"[[:digit:]]x", "7x", true},
        {"[[:digit:]]x", "ax", false},
        {"[[:alpha:][:digit:]]", "Q", true},
        {"\\*", "*", true},
        {"\\*", "a", false},
        {"[", "[", true}, // unclosed: literal
        {"[ab", "[ab", true},
        {"a\\", "a\\", true},
        {"", "", true},
        {"", "a", false},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(GlobPattern(c.pattern, false).match(c.text), c.match)
            << c.pattern << " on " << c.text;
    }
    EXPECT_TRUE(GlobPattern("/ETC/[A-C]*", true).match("/etc/bin"));
    EXPECT_FALSE(GlobPattern("/ETC/[A-C]*", false).match("/etc/bin"));
}

TEST(Operators, NamesRoundTrip) {
    for (int i = 0; i < kOperatorCount; ++i) {
        auto op = static_cast<Operator>(i);
        EXPECT_EQ(operator_from_name(operator_name(op)), op);
    }
    EXPECT_EQ(operator_from_name("=="), Operator::kEq);
    EXPECT_FALSE(operator_from_name("==="));
    EXPECT_TRUE(OperatorSet::all().contains(Operator::kExists));
    EXPECT_FALSE(OperatorSet({Operator::kEq}).contains(Operator::kNe));
}

} // namespace
} // namespace sinsp::filter
