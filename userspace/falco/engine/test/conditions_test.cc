// Conditions that do not compile (spec §3, §5 LOAD_ERR_COMPILE_CONDITION): syntax errors with
// their position inside the condition, unknown fields and event types, type errors.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

// The single error of loading one rule with `condition`.
Problem compile_error(const std::string& condition) {
    Loaded l = load(rule_yaml("r", condition));
    std::vector<Problem> errors = l.errors();
    if (errors.size() != 1) {
        ADD_FAILURE() << condition << ": " << errors.size() << " errors";
        return Problem{LoadCode::kErrFileRead, "", {}, ""};
    }
    return errors[0];
}

TEST(Conditions, SyntaxErrorLocations) {
    Problem p = compile_error("evt.type=open and (proc.name=cat");
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_TRUE(starts_with(p.message, "expected a ')' token"));
    ASSERT_EQ(p.context.size(), 3u);
    EXPECT_EQ(p.context[0].item_type, "rules content");
    EXPECT_EQ(p.context[0].position.name, "rules.yaml");
    EXPECT_EQ(p.context[1].item_type, "rule");
    EXPECT_EQ(p.context[1].item_name, "r");
    EXPECT_EQ(p.context[1].position.name, "rules.yaml");
    EXPECT_EQ(p.context[1].position.line, 1u);
    // Inside the condition: named by its first 20 characters, in quotes.
    EXPECT_EQ(p.context[2].item_type, "condition expression");
    EXPECT_EQ(p.context[2].item_name, "");
    EXPECT_EQ(p.context[2].position.name, "\"evt.type=open and (p\"");
    EXPECT_EQ(p.context[2].position.line, 1u);
    EXPECT_EQ(p.context[2].position.column, 33u);
    EXPECT_EQ(p.context[2].position.offset, 32u);
    EXPECT_EQ(p.snippet, "evt.type=open and (proc.name=cat\n" + std::string(32, ' ') + "^\n");
}

TEST(Conditions, UnexpectedTokenMessage) {
    EXPECT_EQ(compile_error("evt.type=open execve").message,
              "unexpected token after 'execve', expecting 'or', 'and'");
}

TEST(Conditions, ParserMessages) {
    // libsinsp's parser words the spec's messages and may add what it found instead.
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"evt.type=open and proc.name", "expected a valid check operator: one of"},
        {"evt.type=open and )", "expected a '(' token, a field check, or an identifier"},
        {"evt.type=open and (proc.name=cat", "expected a ')' token"},
        {"evt.type=open and proc.aname[2=cat", "expected a ']' token"},
        {"evt.type=open and evt.num > abc", "expected a number value"},
        {"evt.type=open and proc.name in =", "expected a list or an identifier"},
        {"evt.type=open and proc.name=\"a\\qb\"", "unsupported string escape sequence: \\q"},
    };
    for (const auto& [condition, message] : cases) {
        Problem p = compile_error(condition);
        EXPECT_EQ(p.code, LoadCode::kErrCompileCondition) << condition;
        EXPECT_TRUE(starts_with(p.message, message)) << condition;
        EXPECT_EQ(innermost(p).item_type, "condition expression") << condition;
    }
}

TEST(Conditions, EmptyCondition) {
    Loaded l = load("- rule: r\n  desc: d\n  condition: \" \"\n  output: o\n  priority: INFO\n");
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileCondition, "filter input string is empty",
                           "condition expression", ""));
}

TEST(Conditions, MaxDepth) {
    std::string deep = std::string(1100, '(') + "evt.type=open" + std::string(1100, ')');
    Problem p = compile_error(deep);
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_TRUE(starts_with(p.message, "exceeded max depth limit of "));
}

TEST(Conditions, UnknownField) {
    Problem p = compile_error("evt.type=open and proc.nmae=cat");
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_EQ(p.message, "filter_check called with nonexistent field proc.nmae");
    EXPECT_EQ(innermost(p).item_type, "rule");
    EXPECT_EQ(innermost(p).item_name, "r");
}

TEST(Conditions, UnknownFieldInAMacroIsReportedOnTheRule) {
    Loaded l = load("- macro: m\n  condition: fd.nmae=x\n" + rule_yaml("r", "evt.type=open and m"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileCondition,
                           "filter_check called with nonexistent field fd.nmae", "rule", "r"));
}

TEST(Conditions, UnknownEventType) {
    Problem p = compile_error("evt.type=opne");
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_EQ(p.message, "unknown event type opne");
    Problem q = compile_error("evt.type in (open, nonsense)");
    EXPECT_EQ(q.message, "unknown event type nonsense");
}

TEST(Conditions, TypeErrors) {
    Problem p = compile_error("evt.type=open and evt.num contains 3");
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_TRUE(contains(p.message, "'contains' not supported for numeric filters"));
    Problem q = compile_error("evt.type=read and evt.buffer bcontains xyz");
    EXPECT_EQ(q.code, LoadCode::kErrCompileCondition);
    EXPECT_TRUE(contains(q.message, "bcontains and bstartswith operator support hex strings only"));
}

TEST(Conditions, ValidForms) {
    // Forms rules rely on (§3.1) compile.
    for (const char* condition :
         {"evt.type in (open, execve) and evt.dir=<", "fd.name in(/a,/b) and evt.type=open",
          "evt.type=open and proc.aname[2]=bash and evt.arg[0] exists",
          "evt.type=open and container.mount.dest[/var/run/docker.sock] exists",
          "evt.type=open and evt.arg.name startswith /etc and evt.rawarg.flags > 0",
          "evt.type=open and fd.name=/dev/null and not(proc.name=cat)",
          "evt.type=open and proc.cmdline = 'a \\'b\\'' and proc.name=\"x\\\"y\"",
          "evt.type=connect and fd.net = 10.0.0.0/8 and fd.sport in (80, 443)",
          "evt.type=read and evt.buffer bcontains 7f454c46",
          "evt.type=open and proc.name glob 'c*t' and fd.name pmatch (/etc)"}) {
        Loaded l = load(rule_yaml("r", condition));
        EXPECT_TRUE(l.outcome.ok) << condition << ": " << problem_summary(l.errors().at(0));
    }
}

} // namespace
} // namespace falco::testing
