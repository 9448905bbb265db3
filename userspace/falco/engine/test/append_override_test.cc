// Appends, the enabled-only form (spec §1.5) and overrides (§1.7).
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

// ---- append: true ----------------------------------------------------------------------------

TEST(Append, RuleConditionIsConcatenatedWithOneSpace) {
    Loaded l = load(rule_yaml("r", "evt.type=open") +
                    "- rule: r\n  condition: and proc.name=cat\n  append: true\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->condition, "evt.type=open and proc.name=cat");
}

TEST(Append, KeepsTheRestOfTheRule) {
    Loaded l = load(rule_yaml("r", "evt.type=open", "  tags: [a]\n  enabled: false\n") +
                    "- rule: r\n  condition: or evt.type=close\n  append: true\n");
    ASSERT_TRUE(l.outcome.ok);
    const CompiledRule* r = l.rule("r");
    EXPECT_EQ(r->tags, (Names{"a"}));
    EXPECT_FALSE(r->enabled);
    EXPECT_EQ(r->output, "seen %proc.name");
    EXPECT_EQ(r->event_types.names(), (Names{"close", "open"}));
}

TEST(Append, AcrossFiles) {
    Loaded l =
        load_files({{"a.yaml", rule_yaml("r", "evt.type=open")},
                    {"b.yaml", "- rule: r\n  condition: and proc.name=cat\n  append: true\n"},
                    {"c.yaml", "- rule: r\n  condition: and fd.num=3\n  append: yes\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->condition, "evt.type=open and proc.name=cat and fd.num=3");
}

TEST(Append, RuleWithoutTarget) {
    EXPECT_TRUE(fails_with(
        load("- rule: r\n  condition: and proc.name=cat\n  append: true\n"), LoadCode::kErrValidate,
        "Rule has 'append' key but no rule by that name already exists", "rule", "r"));
}

TEST(Append, RuleAppendedBeforeItIsDefined) {
    Loaded l =
        load_files({{"a.yaml", "- rule: r\n  condition: and proc.name=cat\n  append: true\n"},
                    {"b.yaml", rule_yaml("r", "evt.type=open")}});
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "Rule has 'append' key but no rule by that name already exists", "rule",
                           "r"));
    EXPECT_EQ(l.errors().at(0).context.back().position.name, "a.yaml");
    EXPECT_EQ(l.outcome.results.size(), 1u); // b.yaml is not read
}

TEST(Append, NeedsConditionOrExceptions) {
    EXPECT_TRUE(fails_with(
        load(rule_yaml("r", "evt.type=open") + "- rule: r\n  append: true\n  output: other\n"),
        LoadCode::kErrValidate, "Appended rule must have exceptions or condition property", "rule",
        "r"));
}

TEST(Append, ConditionAndExceptionsTogether) {
    Loaded l = load(rule_yaml("r", "evt.type=open") +
                    "- rule: r\n  append: true\n  condition: and fd.num=3\n  exceptions:\n"
                    "    - name: e\n      fields: proc.name\n      values: [cat]\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule("r")->condition, "evt.type=open and fd.num=3 and not (proc.name in (cat))");
}

TEST(Append, AppendedTextCanBreakTheCondition) {
    Loaded l = load(rule_yaml("r", "evt.type=open") +
                    "- rule: r\n  condition: proc.name=cat\n  append: true\n");
    ASSERT_TRUE(fails_with(l, LoadCode::kErrCompileCondition,
                           "unexpected token after 'proc.name', expecting 'or', 'and'",
                           "condition expression", ""));
    Problem p = l.errors()[0];
    EXPECT_EQ(p.context[p.context.size() - 2].item_type, "rule");
    EXPECT_EQ(p.context[p.context.size() - 2].item_name, "r");
}

// ---- enabled ---------------------------------------------------------------------------------

TEST(Enabled, LaterFileTurnsRulesOffAndOn) {
    Loaded l =
        load_files({{"upstream.yaml", rule_yaml("a", "evt.type=open") +
                                          rule_yaml("b", "evt.type=open", "  enabled: false\n")},
                    {"local.yaml", "- rule: a\n  enabled: false\n"
                                   "- rule: b\n  enabled: true\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_FALSE(l.rule("a")->enabled);
    EXPECT_TRUE(l.rule("b")->enabled);
    EXPECT_EQ(l.rule_names(), (Names{"a", "b"}));
}

// ---- override (0.37+) ------------------------------------------------------------------------

TEST(Override, ConditionAppendAndReplace) {
    Loaded l =
        load(rule_yaml("a", "evt.type=open") + rule_yaml("b", "evt.type=open") +
             "- rule: a\n  condition: and proc.name=cat\n  override:\n    condition: append\n"
             "- rule: b\n  condition: evt.type=close\n  override:\n    condition: replace\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule("a")->condition, "evt.type=open and proc.name=cat");
    EXPECT_EQ(l.rule("b")->condition, "evt.type=close");
}

TEST(Override, ReplaceOutputPriorityEnabledAndAppendTags) {
    Loaded l = load(rule_yaml("a", "evt.type=open", "  tags: [x]\n") +
                    "- rule: a\n  output: new %fd.name\n  priority: CRITICAL\n  enabled: false\n"
                    "  tags: [y]\n  override:\n    output: replace\n    priority: replace\n"
                    "    enabled: replace\n    tags: append\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    const CompiledRule* r = l.rule("a");
    EXPECT_EQ(r->output, "new %fd.name");
    EXPECT_EQ(r->priority, Priority::kCritical);
    EXPECT_FALSE(r->enabled);
    EXPECT_EQ(r->tags, (Names{"x", "y"}));
}

TEST(Override, Exceptions) {
    const std::string base = rule_yaml("a", "evt.type=open",
                                       "  exceptions:\n    - name: e\n      fields: proc.name\n"
                                       "      values: [cat]\n");
    Loaded appended = load(base + "- rule: a\n  exceptions:\n    - name: e\n      values: [dog]\n"
                                  "  override:\n    exceptions: append\n");
    ASSERT_TRUE(appended.outcome.ok) << problem_summary(appended.errors().at(0));
    EXPECT_EQ(appended.rule("a")->condition, "evt.type=open and not (proc.name in (cat, dog))");
    Loaded replaced = load(base + "- rule: a\n  exceptions:\n    - name: f\n      fields: fd.name\n"
                                  "      values: [/x]\n  override:\n    exceptions: replace\n");
    ASSERT_TRUE(replaced.outcome.ok) << problem_summary(replaced.errors().at(0));
    EXPECT_EQ(replaced.rule("a")->condition, "evt.type=open and not (fd.name in (/x))");
}

TEST(Override, ListsAndMacros) {
    Loaded l =
        load("- list: l\n  items: [open]\n"
             "- list: l\n  items: [close]\n  override:\n    items: append\n"
             "- macro: m\n  condition: evt.type in (l)\n"
             "- macro: m\n  condition: or evt.type=read\n  override:\n    condition: append\n" +
             rule_yaml("r", "m"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule("r")->event_types.names(), (Names{"close", "open", "read"}));
}

TEST(Override, Errors) {
    const std::string base = rule_yaml("a", "evt.type=open");
    EXPECT_TRUE(fails_with(
        load(base +
             "- rule: a\n  condition: x\n  append: true\n  override:\n    condition: append\n"),
        LoadCode::kErrValidate,
        "Keys 'override' and 'append: true' cannot be used together. Add an 'append' entry (e.g. "
        "'condition: append') under 'override' instead.",
        "rule", "a"));
    EXPECT_TRUE(fails_with(load("- rule: z\n  condition: x\n  override:\n    condition: append\n"),
                           LoadCode::kErrValidate,
                           "Rule has 'override' key but no rule by that name already exists",
                           "rule", "z"));
    EXPECT_TRUE(fails_with(load(base + "- rule: a\n  priority: INFO\n  override:\n"
                                       "    priority: append\n"),
                           LoadCode::kErrValidate,
                           "Key 'priority' cannot be overridden with 'append'", "rule", "a"));
    EXPECT_TRUE(fails_with(
        load(base + "- rule: a\n  override:\n    condition: append\n"), LoadCode::kErrValidate,
        "An override is defined for 'condition' but the item has no such key", "rule", "a"));
    EXPECT_TRUE(fails_with(
        load("- list: l\n  items: [a]\n  override:\n    items: append\n"), LoadCode::kErrValidate,
        "List has 'override' key but no list by that name already exists", "list", "l"));
    EXPECT_TRUE(fails_with(
        load("- macro: m\n  condition: a\n  override:\n    condition: replace\n"),
        LoadCode::kErrValidate, "Macro has 'override' key but no macro by that name already exists",
        "macro", "m"));
}

} // namespace
} // namespace falco::testing
