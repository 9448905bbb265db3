// The parser, table-driven: filter text in, the tree out as an S-expression (in the manner of
// re2's parse tests), or the first error with its position.
#include <gtest/gtest.h>

#include "sinsp/filter/filter.h"

namespace sinsp::filter {
namespace {

struct ParseCase {
    const char* input;
    const char* tree;
};

std::string tree_of(std::string_view input) {
    ParseResult r = parse(input);
    if (!r.ok()) {
        return "error: " + r.error->to_string();
    }
    return ast::to_sexpr(*r.expr);
}

const ParseCase kTrees[] = {
    // Every operator.
    {"proc.name=cat", R"((= proc.name "cat"))"},
    {"proc.name==cat", R"((= proc.name "cat"))"},
    {"proc.name != cat", R"((!= proc.name "cat"))"},
    {"proc.pid<1", R"((< proc.pid "1"))"},
    {"proc.pid<=1", R"((<= proc.pid "1"))"},
    {"proc.pid>1", R"((> proc.pid "1"))"},
    {"proc.pid>=-1.5e3", R"((>= proc.pid "-1.5e3"))"},
    {"proc.pid > 0x1F", R"((> proc.pid "0x1F"))"},
    {"fd.name contains /etc", R"((contains fd.name "/etc"))"},
    {"fd.name icontains ETC", R"((icontains fd.name "ETC"))"},
    {"evt.buffer bcontains 7f454c46", R"((bcontains evt.buffer "7f454c46"))"},
    {"fd.name startswith /etc/", R"((startswith fd.name "/etc/"))"},
    {"evt.buffer bstartswith 7f45", R"((bstartswith evt.buffer "7f45"))"},
    {"fd.name endswith .conf", R"((endswith fd.name ".conf"))"},
    {"fd.name glob '/etc/*.d/[a-c]?'", R"((glob fd.name "/etc/*.d/[a-c]?"))"},
    {"fd.name iglob /ETC/*", R"((iglob fd.name "/ETC/*"))"},
    {"fd.name pmatch (/etc, /usr/lib)", R"((pmatch fd.name ("/etc" "/usr/lib")))"},
    {"proc.name in (cat, 'vi', \"c d\")", R"((in proc.name ("cat" "vi" "c d")))"},
    {"fake.list intersects (a, b)", R"((intersects fake.list ("a" "b")))"},
    {"fd.name exists", "(exists fd.name)"},
    // Lists: no blank needed after in/intersects/pmatch, empty lists, list names.
    {"fd.name in(a,b)", R"((in fd.name ("a" "b")))"},
    {"fd.name in ()", "(in fd.name ())"},
    {"fd.name in ( a , b )", R"((in fd.name ("a" "b")))"},
    {"proc.name in shell_binaries", "(in proc.name shell_binaries)"},
    {"fd.sport in (80, 443)", R"((in fd.sport ("80" "443")))"},
    // Bare values: anything but blanks ( ) , = and quotes.
    {"evt.dir=<", R"((= evt.dir "<"))"},
    {"evt.dir = >", R"((= evt.dir ">"))"},
    {"fd.name=/dev/null", R"((= fd.name "/dev/null"))"},
    {"proc.name = and", R"((= proc.name "and"))"},
    {"fd.name glob /tmp/[!a]*", R"((glob fd.name "/tmp/[!a]*"))"},
    // Quoted values and escapes.
    {R"(proc.cmdline = "cat /dev/null")", R"((= proc.cmdline "cat /dev/null"))"},
    {R"(proc.name = 'it''s')", "error: filter:1:17: unexpected token after ''s'', expecting "
                               "'or', 'and'"},
    {R"(proc.name = "a\"b")", R"((= proc.name "a\"b"))"},
    {R"(proc.name = 'a\'b')", R"((= proc.name "a'b"))"},
    {R"(proc.name = "a'b")", R"((= proc.name "a'b"))"},
    {R"(proc.name = "\\ \n \r \t \b \f \/")", R"((= proc.name "\\ \n \r \t \b \f /"))"},
    {R"(proc.name = "a\ b")", R"((= proc.name "a\\b"))"},
    {R"(proc.name = "")", R"((= proc.name ""))"},
    // Field arguments.
    {"proc.aname[2]=bash", R"((= proc.aname["2"] "bash"))"},
    {"evt.arg[0] = 3", R"((= evt.arg["0"] "3"))"},
    {"evt.arg.fd = 3", R"((= evt.arg.fd "3"))"},
    {"container.mount.dest[/var/run/docker.sock] exists",
     R"((exists container.mount.dest["/var/run/docker.sock"]))"},
    {R"(proc.env["HOME X"] = /root)", R"((= proc.env["HOME X"] "/root"))"},
    {"proc.env['A'] exists", R"((exists proc.env["A"]))"},
    // Precedence: not > and > or; chains are flat; parentheses nest.
    {"a.b=1 and c.d=2 or e.f=3", R"((or (and (= a.b "1") (= c.d "2")) (= e.f "3")))"},
    {"a.b=1 or c.d=2 and e.f=3", R"((or (= a.b "1") (and (= c.d "2") (= e.f "3"))))"},
    {"a.b=1 and c.d=2 and e.f=3", R"((and (= a.b "1") (= c.d "2") (= e.f "3")))"},
    {"a.b=1 or c.d=2 or e.f=3", R"((or (= a.b "1") (= c.d "2") (= e.f "3")))"},
    {"a.b=1 and (c.d=2 and e.f=3)", R"((and (= a.b "1") (and (= c.d "2") (= e.f "3"))))"},
    {"(a.b=1 or c.d=2) and e.f=3", R"((and (or (= a.b "1") (= c.d "2")) (= e.f "3")))"},
    {"not a.b=1 and c.d=2", R"((and (not (= a.b "1")) (= c.d "2")))"},
    {"not (a.b=1 and c.d=2)", R"((not (and (= a.b "1") (= c.d "2"))))"},
    {"not not a.b exists", "(not (not (exists a.b)))"},
    {"not(a.b exists)", "(not (exists a.b))"},
    {"a.b=1 and(c.d=2)", R"((and (= a.b "1") (= c.d "2")))"},
    {"a.b=1 or not c.d=2 and e.f=3", R"((or (= a.b "1") (and (not (= c.d "2")) (= e.f "3"))))"},
    {"((((a.b exists))))", "(exists a.b)"},
    // Identifiers: macros the rules loader did not expand.
    {"spawned_process and proc.name=cat", R"((and (ident spawned_process) (= proc.name "cat")))"},
    {"not never_true", "(not (ident never_true))"},
    // Blanks: space, tab, CR, LF, backspace.
    {"\tproc.name\n=\r\ncat\b", R"((= proc.name "cat"))"},
    // Words that only look like keywords.
    {"andx.y=1 or notx exists", "error: filter:1:18: unexpected token after 'exists', expecting "
                                "'or', 'and'"},
    {"or_macro or not_macro", "(or (ident or_macro) (ident not_macro))"},
    {"notproc.name exists", "(exists notproc.name)"},
};

TEST(Parser, Trees) {
    for (const ParseCase& c : kTrees) {
        EXPECT_EQ(tree_of(c.input), c.tree) << "input: " << c.input;
    }
}

struct ErrorCase {
    const char* input;
    const char* error;
};

const ErrorCase kErrors[] = {
    {"", "filter:1:1: filter input string is empty"},
    {"  \n\t", "filter:1:1: filter input string is empty"},
    {"evt.type=open and proc.name=", "filter:1:29: expected a value after '=', found end of input"},
    {"evt.type=open and proc.name==", "filter:1:30: expected a value after '==', found end of "
                                      "input"},
    {"proc.name = (a)", "filter:1:13: expected a value after '=', found '('"},
    {"proc.name = ,", "filter:1:13: expected a value after '=', found ','"},
    {"proc.name contains", "filter:1:19: expected a value after 'contains', found end of input"},
    {"proc.pid < abc", "filter:1:12: expected a number value after '<', found 'abc'"},
    {"proc.pid >= '5'", "filter:1:13: expected a number value after '>=', found ''5''"},
    {"proc.pid > 1.", "filter:1:12: expected a number value after '>', found '1.'"},
    {"proc.name", "filter:1:10: expected a valid check operator: one of =, ==, !=, <, <=, >, >=, "
                  "contains, icontains, bcontains, startswith, bstartswith, endswith, glob, "
                  "iglob, pmatch, in, intersects, exists; found end of input"},
    {"proc.name foo bar", "filter:1:11: expected a valid check operator: one of =, ==, !=, <, <=, "
                          ">, >=, contains, icontains, bcontains, startswith, bstartswith, "
                          "endswith, glob, iglob, pmatch, in, intersects, exists; found 'foo'"},
    {"proc.name ! cat", "filter:1:11: expected a valid check operator: one of =, ==, !=, <, <=, "
                        ">, >=, contains, icontains, bcontains, startswith, bstartswith, "
                        "endswith, glob, iglob, pmatch, in, intersects, exists; found '!'"},
    {"proc.name=cat execve", "filter:1:15: unexpected token after 'execve', expecting 'or', "
                             "'and'"},
    {"proc.name=cat)", "filter:1:14: unexpected token after ')', expecting 'or', 'and'"},
    {"(proc.name=cat", "filter:1:15: expected a ')' token, found end of input"},
    {"(proc.name=cat foo", "filter:1:16: expected a ')' token, found 'foo'"},
    {"and proc.name=cat",
     "filter:1:1: expected a '(' token, a field check, or an identifier, found 'and'"},
    {"proc.name=cat and", "filter:1:18: expected a '(' token, a field check, or an identifier, "
                          "found end of input"},
    {"proc.name=cat or or", "filter:1:18: expected a '(' token, a field check, or an identifier, "
                            "found 'or'"},
    {"not", "filter:1:4: expected a '(' token, a field check, or an identifier, found end of "
            "input"},
    {"()", "filter:1:2: expected a '(' token, a field check, or an identifier, found ')'"},
    {"\"x\" = 1", "filter:1:1: expected a '(' token, a field check, or an identifier, found "
                  "'\"x\"'"},
    {"= 1", "filter:1:1: expected a '(' token, a field check, or an identifier, found '='"},
    {"proc.name=cat and\"x\"", "filter:1:18: expected a blank or '(' after 'and'"},
    {"fd.name contains\"x\"", "filter:1:17: expected a blank after 'contains'"},
    {"fd.name exists,", "filter:1:15: expected a blank or ')' after 'exists'"},
    {"proc.", "filter:1:6: expected a letter after '.' in field name 'proc.'"},
    {"proc.name.=x", "filter:1:11: expected a letter after '.' in field name 'proc.name.'"},
    {"proc.aname[]=x",
     "filter:1:12: expected a valid field argument: a quoted string or a bare string"},
    {"proc.aname[ 1]=x",
     "filter:1:12: expected a valid field argument: a quoted string or a bare string"},
    {"proc.aname[1=x", "filter:1:15: expected a ']' token, found end of input"},
    {"proc.aname[1[", "filter:1:13: expected a ']' token, found '['"},
    {"proc.aname[1", "filter:1:13: expected a ']' token, found end of input"},
    {"proc.aname[1 ]", "filter:1:13: expected a ']' token, found ' '"},
    {"fd.name in", "filter:1:11: expected a list or an identifier after 'in', found end of input"},
    {"fd.name in /etc", "filter:1:12: expected a list or an identifier after 'in', found '/etc'"},
    {"fd.name in (a b)", "filter:1:15: expected a ',' or a ')' token, found 'b'"},
    {"fd.name in (a,)", "filter:1:15: expected a value in the list, found ')'"},
    {"fd.name in (,a)", "filter:1:13: expected a value in the list, found ','"},
    {"fd.name in (a", "filter:1:14: expected a ',' or a ')' token, found end of input"},
    {"fd.name pmatch ((a))", "filter:1:17: expected a value in the list, found '('"},
    {"proc.name = \"cat", "filter:1:13: unterminated string: expected a closing \""},
    {"proc.name = 'cat", "filter:1:13: unterminated string: expected a closing '"},
    {"proc.name = \"ab\\", "filter:1:13: unterminated string: expected a closing \""},
    {R"(proc.name = "a\x")", "filter:1:15: unsupported string escape sequence: \\x"},
    {R"(proc.name = "a\'")", "filter:1:15: unsupported string escape sequence: \\'"},
    {R"(proc.name = 'a\"')", "filter:1:15: unsupported string escape sequence: \\\""},
    {"proc.name=cat and\n  fd.name=", "filter:2:11: expected a value after '=', found end of "
                                      "input"},
    {"proc.name=cat and\n\n  (fd.name=x or\n   proc.pid < x)",
     "filter:4:15: expected a number value after '<', found 'x'"},
};

TEST(Parser, Errors) {
    for (const ErrorCase& c : kErrors) {
        EXPECT_EQ(tree_of(c.input), std::string("error: ") + c.error) << "input: " << c.input;
    }
}

TEST(Parser, ErrorPositionHasOffsetLineAndColumn) {
    ParseResult r = parse("a.b=1 and\n  c.d = ");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->position.offset, 18u);
    EXPECT_EQ(r.error->position.line, 2u);
    EXPECT_EQ(r.error->position.column, 9u);
    EXPECT_EQ(r.error->to_string("rule 'x'"),
              "rule 'x':2:9: expected a value after '=', found end of input");
}

TEST(Parser, MaxDepth) {
    std::string deep(20, '(');
    deep += "a.b exists";
    deep += std::string(20, ')');
    EXPECT_TRUE(parse(deep, ParseOptions{20}).ok());
    ParseResult r = parse(deep, ParseOptions{19});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->to_string(), "filter:1:20: exceeded max depth limit of 19");

    std::string nots;
    for (int i = 0; i < 5000; ++i) {
        nots += "not ";
    }
    r = parse(nots + "a.b exists");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->to_string(), "filter:1:4001: exceeded max depth limit of 1000");
}

TEST(Parser, LongChainsDoNotRecurse) {
    std::string chain = "a.b exists";
    for (int i = 0; i < 100000; ++i) {
        chain += " and a.b exists";
    }
    ParseResult r = parse(chain);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(ast::as_logical(*r.expr).children.size(), 100001u);
}

TEST(Parser, PositionsOfNodes) {
    ParseResult r = parse("proc.name = cat or\n  not proc.aname[2] in (a, 'b')");
    ASSERT_TRUE(r.ok());
    const auto& children = ast::as_logical(*r.expr).children;
    const ast::Check& first = ast::as_check(*children[0]);
    EXPECT_EQ(first.field.position.column, 1u);
    EXPECT_EQ(first.op_position.column, 11u);
    EXPECT_EQ(first.values[0].position.column, 13u);
    EXPECT_FALSE(first.values[0].quoted);
    const ast::Not& negation = ast::as_not(*children[1]);
    EXPECT_EQ(negation.position.line, 2u);
    EXPECT_EQ(negation.position.column, 3u);
    const ast::Check& second = ast::as_check(*negation.child);
    EXPECT_EQ(second.field.position.column, 7u);
    EXPECT_EQ(second.field.argument->position.column, 18u);
    EXPECT_EQ(second.op_position.column, 21u);
    EXPECT_EQ(second.values[0].position.column, 25u);
    EXPECT_EQ(second.values[1].position.column, 28u);
    EXPECT_TRUE(second.values[1].quoted);
    EXPECT_EQ(first.index, 0u);
    EXPECT_EQ(second.index, 1u);
}

// to_filter() prints text that parses back to the same tree.
TEST(Parser, FilterTextRoundTrips) {
    for (const ParseCase& c : kTrees) {
        ParseResult first = parse(c.input);
        if (!first.ok()) {
            continue;
        }
        std::string text = ast::to_filter(*first.expr);
        ParseResult second = parse(text);
        ASSERT_TRUE(second.ok()) << c.input << " printed as " << text << ": "
                                 << second.error->to_string();
        EXPECT_EQ(ast::to_sexpr(*second.expr), ast::to_sexpr(*first.expr)) << text;
    }
}

TEST(Parser, FilterText) {
    ParseResult r = parse("not (a.b = 'x y' or c.d in (1,\"2\")) and (e.f exists and g.h[a b] "
                          "pmatch (/x))");
    ASSERT_FALSE(r.ok()); // blanks end a bare argument
    r = parse("not (a.b = 'x y' or c.d in (1,\"2\")) and (e.f exists and g.h['a b'] pmatch (/x))");
    ASSERT_TRUE(r.ok()) << r.error->to_string();
    EXPECT_EQ(ast::to_filter(*r.expr), "not (a.b = \"x y\" or c.d in (1, 2)) and (e.f exists and "
                                       "g.h[\"a b\"] pmatch (/x))");
}

} // namespace
} // namespace sinsp::filter
