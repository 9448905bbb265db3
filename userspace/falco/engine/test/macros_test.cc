// Macros (spec §1.4): definition, redefinition, append, visibility, loops, undefined and unused
// macros.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Types = std::vector<std::string>;

const MacroDef* macro(const Loaded& l, const std::string& name) {
    for (const MacroDef& m : l.engine.content().macros) {
        if (m.name == name) {
            return &m;
        }
    }
    return nullptr;
}

TEST(Macros, ConditionIsRequired) {
    EXPECT_TRUE(fails_with(load("- macro: m\n"), LoadCode::kErrYamlValidate,
                           "Item has no mapping for key 'condition'", "macro", "m"));
    EXPECT_TRUE(fails_with(load("- macro: m\n  condition:\n"), LoadCode::kErrYamlValidate,
                           "Mapping for key 'condition' is empty", "macro", "m"));
}

TEST(Macros, ReferenceIsAParenthesisedUnit) {
    // `not m` negates the whole macro: all types but open and close. Without the parentheses it
    // would read `not evt.type=open or evt.type=close`.
    Loaded l = load("- macro: m\n  condition: evt.type=open or evt.type=close\n" +
                    rule_yaml("r", "not m", "  warn_evttypes: false\n"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    const CompiledRule* r = l.rule("r");
    ASSERT_NE(r, nullptr);
    EXPECT_TRUE(r->event_types.is_complement());
    EXPECT_EQ(r->event_types.names(), (Types{"close", "open"}));
    // The rule's condition is kept as written.
    EXPECT_EQ(r->condition, "not m");
}

TEST(Macros, IdentifierAsValueIsNoMacro) {
    Loaded l = load("- macro: m\n  condition: evt.type=open\n" +
                    rule_yaml("r", "evt.type=open and proc.name=m and proc.pname in (m, x)"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(warns_with(l, LoadCode::kUnusedMacro,
                           "Macro not referred to by any other rule/macro", "macro", "m"));
}

TEST(Macros, NestedMacrosExpand) {
    Loaded l = load("- macro: a\n  condition: evt.type=open\n"
                    "- macro: b\n  condition: a and proc.name=cat\n" +
                    rule_yaml("r", "b or (evt.type=close)"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"close", "open"}));
    EXPECT_TRUE(l.warnings(LoadCode::kUnusedMacro).empty());
}

TEST(Macros, RedefinitionReplaces) {
    Loaded l = load("- macro: m\n  condition: evt.type=open\n"
                    "- macro: other\n  condition: evt.type=read\n"
                    "- macro: m\n  condition: evt.type=close\n" +
                    rule_yaml("r", "m or other"));
    ASSERT_TRUE(l.outcome.ok);
    const auto& macros = l.engine.content().macros;
    ASSERT_EQ(macros.size(), 2u);
    EXPECT_EQ(macros[0].name, "m"); // keeps its place
    EXPECT_EQ(macros[0].condition, "evt.type=close");
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"close", "read"}));
}

TEST(Macros, AppendConcatenatesWithOneSpace) {
    Loaded l = load("- macro: m\n  condition: evt.type=open\n"
                    "- macro: m\n  condition: or evt.type=close\n  append: true\n" +
                    rule_yaml("r", "m"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(macro(l, "m")->condition, "evt.type=open or evt.type=close");
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"close", "open"}));
}

TEST(Macros, AppendWithoutMacro) {
    EXPECT_TRUE(fails_with(
        load("- macro: m\n  condition: evt.type=open\n  append: true\n"), LoadCode::kErrValidate,
        "Macro has 'append' key but no macro by that name already exists", "macro", "m"));
}

TEST(Macros, AppendedTextThatDoesNotParse) {
    // The spec's example: `foo` appended with `execve`.
    Loaded l = load("- macro: foo\n  condition: evt.type=open\n"
                    "- macro: foo\n  condition: execve\n  append: true\n" +
                    rule_yaml("r", "foo"));
    ASSERT_TRUE(fails_with(l, LoadCode::kErrCompileCondition,
                           "unexpected token after 'execve', expecting 'or', 'and'",
                           "condition expression", ""));
    Problem p = l.errors()[0];
    ASSERT_GE(p.context.size(), 2u);
    const Location& item = p.context[p.context.size() - 2];
    EXPECT_EQ(item.item_type, "macro");
    EXPECT_EQ(item.item_name, "foo");
    EXPECT_EQ(item.position.name, "rules.yaml");
    EXPECT_EQ(innermost(p).position.name, "\"evt.type=open execve\"");
    EXPECT_EQ(innermost(p).position.column, 15u);
}

TEST(Macros, OnlyEarlierMacrosAreVisibleToAMacro) {
    Loaded l = load("- macro: a\n  condition: b\n"
                    "- macro: b\n  condition: evt.type=open\n" +
                    rule_yaml("r", "a"));
    EXPECT_TRUE(
        fails_with(l, LoadCode::kErrValidate, "Undefined macro 'b' used in filter.", "macro", "a"));
}

TEST(Macros, LatestDefinitionDecidesVisibility) {
    // a is redefined after b exists: its latest definition may use b.
    Loaded l = load("- macro: a\n  condition: evt.type=read\n"
                    "- macro: b\n  condition: evt.type=open\n"
                    "- macro: a\n  condition: b\n" +
                    rule_yaml("r", "a"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"open"}));
}

TEST(Macros, AppendMakesLaterMacrosVisible) {
    Loaded l = load("- macro: a\n  condition: evt.type=read\n"
                    "- macro: b\n  condition: evt.type=open\n"
                    "- macro: a\n  condition: or b\n  append: true\n" +
                    rule_yaml("r", "a"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"open", "read"}));
}

TEST(Macros, RulesSeeEveryMacro) {
    Loaded l = load_files({{"a.yaml", rule_yaml("r", "later")},
                           {"b.yaml", "- macro: later\n  condition: evt.type=open\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"open"}));
}

TEST(Macros, FinalDefinitionIsUsedEverywhere) {
    Loaded l =
        load_files({{"a.yaml", "- macro: m\n  condition: evt.type=open\n" + rule_yaml("r", "m")},
                    {"b.yaml", "- macro: m\n  condition: evt.type=close\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->event_types.names(), (Types{"close"}));
}

TEST(Macros, ReferenceLoop) {
    Loaded l = load("- macro: a\n  condition: evt.type=open\n"
                    "- macro: b\n  condition: a\n"
                    "- macro: a\n  condition: or b\n  append: true\n" +
                    rule_yaml("r", "a"));
    ASSERT_FALSE(l.outcome.ok);
    ASSERT_EQ(l.errors().size(), 1u);
    Problem p = l.errors()[0];
    EXPECT_EQ(p.code, LoadCode::kErrValidate);
    EXPECT_EQ(innermost(p).item_type, "macro");
    EXPECT_EQ(p.message, "reference loop in macro '" + innermost(p).item_name + "'");
}

TEST(Macros, SelfReference) {
    Loaded l = load("- macro: a\n  condition: evt.type=open\n"
                    "- macro: a\n  condition: or a\n  append: true\n" +
                    rule_yaml("r", "a"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate, "reference loop in macro 'a'", "macro", "a"));
}

TEST(Macros, UndefinedMacroInRule) {
    Loaded l = load(rule_yaml("r", "evt.type=open and not_a_macro"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "Undefined macro 'not_a_macro' used in filter.", "rule", "r"));
}

TEST(Macros, UndefinedMacroInUnusedMacro) {
    Loaded l = load("- macro: m\n  condition: nothing_here\n");
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "Undefined macro 'nothing_here' used in filter.", "macro", "m"));
}

TEST(Macros, UnusedMacroWarning) {
    Loaded l = load("- macro: used\n  condition: evt.type=open\n"
                    "- macro: used_by_unused\n  condition: evt.type=close\n"
                    "- macro: unused\n  condition: used_by_unused\n" +
                    rule_yaml("r", "used"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.result().as_text(false, false), "rules.yaml: Ok, with warnings\n");
    std::vector<Problem> w = l.warnings(LoadCode::kUnusedMacro);
    ASSERT_EQ(w.size(), 1u); // a macro used by another macro counts as used
    EXPECT_TRUE(warns_with(l, LoadCode::kUnusedMacro,
                           "Macro not referred to by any other rule/macro", "macro", "unused"));
    EXPECT_EQ(innermost(w[0]).position.name, "rules.yaml");
    EXPECT_EQ(innermost(w[0]).position.line, 5u);
}

TEST(Macros, ExponentialExpansionIsStopped) {
    // m_k uses m_(k-1) twice: m_k has 2^(k+1) - 1 nodes once expanded.
    std::string yaml = "- macro: m0\n  condition: evt.num=1\n";
    for (int k = 1; k <= 30; ++k) {
        std::string prev = "m" + std::to_string(k - 1);
        yaml += "- macro: m" + std::to_string(k) + "\n  condition: " + prev + " and " + prev + "\n";
    }
    Loaded l = load(yaml + rule_yaml("r", "evt.type=open and m30"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "Condition is too large after macro expansion (more than 100000 nodes)",
                           "macro", "m16"));
    // 2^16 checks are fine.
    std::string smaller = "- macro: m0\n  condition: evt.num=1\n";
    for (int k = 1; k <= 15; ++k) {
        std::string prev = "m" + std::to_string(k - 1);
        smaller +=
            "- macro: m" + std::to_string(k) + "\n  condition: " + prev + " and " + prev + "\n";
    }
    Loaded ok = load(smaller + rule_yaml("r", "evt.type=open and m15"));
    EXPECT_TRUE(ok.outcome.ok);
}

TEST(Macros, BlockScalarConditions) {
    Loaded l = load("- macro: m\n  condition: >\n    evt.type=open\n    and proc.name=cat\n" +
                    rule_yaml("r", "m"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(macro(l, "m")->condition, "evt.type=open and proc.name=cat\n");
}

} // namespace
} // namespace falco::testing
