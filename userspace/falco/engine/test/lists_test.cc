// Lists (spec §1.3) and their textual substitution into conditions (§3.2).
#include <gtest/gtest.h>

#include "engine/list_substitution.h"
#include "engine/test/loader_helpers.h"
#include "sinsp/filter/filter.h"

namespace falco::testing {
namespace {

ListDef list(const std::string& name, std::vector<std::string> items, uint64_t first,
             uint64_t latest = 0) {
    return ListDef{name, std::move(items), {}, {first, latest == 0 ? first : latest}};
}

// The condition parsed, as an S-expression: compares substituted texts by meaning.
std::string tree(const std::string& text) {
    sinsp::filter::ParseResult parsed = sinsp::filter::parse(text);
    if (!parsed.ok()) {
        return "parse error: " + parsed.error->message;
    }
    return sinsp::filter::ast::to_sexpr(*parsed.expr);
}

// ---- ListTable::substitute -------------------------------------------------------------------

TEST(ListSubstitution, ListFirstInParentheses) {
    ListTable table({list("shell_binaries", {"bash", "sh"}, 1)});
    EXPECT_EQ(table.substitute("proc.name in (shell_binaries, ps)"),
              "proc.name in ( bash, sh , ps)");
    EXPECT_EQ(tree(table.substitute("proc.name in (shell_binaries, ps)")),
              tree("proc.name in (bash, sh, ps)"));
}

TEST(ListSubstitution, ListLastInParentheses) {
    ListTable table({list("shell_binaries", {"bash", "sh"}, 1)});
    EXPECT_EQ(table.substitute("proc.name in (ps, shell_binaries)"),
              "proc.name in (ps, bash, sh )");
}

TEST(ListSubstitution, AfterEqualsWithAndWithoutBlank) {
    ListTable table({list("cat_binaries", {"cat"}, 1)});
    EXPECT_EQ(table.substitute("proc.name=cat_binaries"), "proc.name= cat ");
    EXPECT_EQ(table.substitute("proc.name= cat_binaries"), "proc.name= cat ");
    EXPECT_EQ(tree(table.substitute("proc.name=cat_binaries")), tree("proc.name=cat"));
}

TEST(ListSubstitution, BlanksAroundTheNameAreSwallowed) {
    ListTable table({list("l", {"a", "b"}, 1)});
    EXPECT_EQ(table.substitute("x in (  l  )"), "x in ( a, b )");
    EXPECT_EQ(table.substitute("x in (\tl\n)"), "x in ( a, b )");
    EXPECT_EQ(table.substitute("l"), " a, b ");
}

TEST(ListSubstitution, OnlyWholeNamesBetweenDelimiters) {
    ListTable table({list("my_list", {"a"}, 1)});
    EXPECT_EQ(table.substitute("fd.name in (file_my_list, my_list_2, my_list.x)"),
              "fd.name in (file_my_list, my_list_2, my_list.x)");
    EXPECT_FALSE(table.used("my_list"));
    EXPECT_EQ(table.substitute("fd.name in (my_list,my_list)"), "fd.name in ( a , a )");
    EXPECT_TRUE(table.used("my_list"));
}

TEST(ListSubstitution, QuotesAreNotSpecial) {
    // Substitution is textual: a list name inside a quoted value is replaced too when blanks
    // delimit it, and not when a quote touches it.
    ListTable table({list("l", {"a"}, 1)});
    EXPECT_EQ(table.substitute("proc.cmdline = \"x l y\""), "proc.cmdline = \"x a y\"");
    EXPECT_EQ(table.substitute("proc.cmdline = \"l\""), "proc.cmdline = \"l\"");
}

TEST(ListSubstitution, EmptyListEatsOneComma) {
    ListTable table({list("empty", {}, 1)});
    EXPECT_EQ(tree(table.substitute("proc.name in (empty, ps)")), tree("proc.name in (ps)"));
    EXPECT_EQ(tree(table.substitute("proc.name in (ps, empty)")), tree("proc.name in (ps)"));
    EXPECT_EQ(tree(table.substitute("proc.name in (ps, empty, sh)")),
              tree("proc.name in (ps, sh)"));
    EXPECT_EQ(tree(table.substitute("proc.name in (empty)")), tree("proc.name in ()"));
}

TEST(ListSubstitution, ItemsWithSpacesAreQuoted) {
    ListTable table({list("apps", {"my app", "\"already quoted\"", "'single one'", "plain"}, 1)});
    EXPECT_EQ(table.substitute("proc.cmdline in (apps)"),
              "proc.cmdline in ( \"my app\", \"already quoted\", 'single one', plain )");
}

TEST(ListSubstitution, NestedListDefinedBeforeIsExpandedOneLevel) {
    // inner (first defined at 1) is expanded in outer (defined at 2); deepest (defined at 0.5
    // ... i.e. before inner) stays a name inside inner's items: one level only.
    ListTable table({list("deepest", {"z"}, 1), list("inner", {"deepest", "b"}, 2),
                     list("outer", {"inner", "c"}, 3)});
    EXPECT_EQ(table.substitute("(inner)"), "( z, b )");
    EXPECT_EQ(table.substitute("(outer)"), "( deepest, b, c )");
    EXPECT_TRUE(table.used("inner"));
    EXPECT_TRUE(table.used("deepest"));
}

TEST(ListSubstitution, NestedListDefinedAfterStaysAString) {
    ListTable table({list("outer", {"inner", "c"}, 1), list("inner", {"a"}, 2)});
    EXPECT_EQ(table.substitute("(outer)"), "( inner, c )");
    EXPECT_FALSE(table.used("inner"));
}

TEST(ListSubstitution, NestedListSeenAfterOuterRedefinition) {
    // outer was first defined at 1, inner at 2, outer redefined (latest) at 3: inner now counts.
    ListTable table({list("outer", {"inner", "c"}, 1, 3), list("inner", {"a"}, 2)});
    EXPECT_EQ(table.substitute("(outer)"), "( a, c )");
}

TEST(ListSubstitution, IdentifierAfterListOperator) {
    // `proc.name in shell_binaries`: the name after in/pmatch/intersects stands for the list.
    ListTable table({list("shell_binaries", {"bash", "sh"}, 1), list("one", {"cat"}, 2)});
    EXPECT_EQ(tree(table.substitute("proc.name in shell_binaries")),
              tree("proc.name in (bash, sh)"));
    EXPECT_EQ(tree(table.substitute("proc.name in one and proc.name pmatch shell_binaries")),
              tree("proc.name in (cat) and proc.name pmatch (bash, sh)"));
    EXPECT_EQ(tree(table.substitute("proc.name intersects shell_binaries or evt.num=1")),
              tree("proc.name intersects (bash, sh) or evt.num=1"));
}

// ---- lists in rules files --------------------------------------------------------------------

TEST(Lists, ItemsAreRequired) {
    Loaded l = load("- list: l\n");
    EXPECT_TRUE(fails_with(l, LoadCode::kErrYamlValidate, "Item has no mapping for key 'items'",
                           "list", "l"));
}

TEST(Lists, ItemsMustBeASequenceOfScalars) {
    EXPECT_TRUE(fails_with(load("- list: l\n  items: a\n"), LoadCode::kErrYamlValidate,
                           "Value is not a sequence", "list", "l"));
    EXPECT_TRUE(fails_with(load("- list: l\n  items: [a, [b]]\n"), LoadCode::kErrYamlValidate,
                           "sequence value is not scalar", "list", "l"));
    EXPECT_TRUE(fails_with(load("- list: l\n  items: [a, {b: c}]\n"), LoadCode::kErrYamlValidate,
                           "sequence value is not scalar", "list", "l"));
}

TEST(Lists, EmptyItemsAreFine) {
    Loaded l = load("- list: l\n  items: []\n" +
                    rule_yaml("r", "evt.type=open and proc.name in (l, cat)"));
    ASSERT_TRUE(l.outcome.ok);
    ASSERT_EQ(l.engine.content().lists.size(), 1u);
    EXPECT_TRUE(l.engine.content().lists[0].items.empty());
}

// Rules whose condition is `evt.type in (LIST)` show what the list became through their event
// types, which the compiler computes from the substituted condition.
std::vector<std::string> types_of(const Loaded& l, const std::string& rule) {
    const CompiledRule* r = l.rule(rule);
    if (r == nullptr) {
        return {"<no rule>"};
    }
    return r->event_types.names();
}

TEST(Lists, RedefinitionReplacesAndKeepsPosition) {
    Loaded l = load("- list: a\n  items: [open]\n"
                    "- list: b\n  items: [close]\n"
                    "- list: a\n  items: [read, write]\n" +
                    rule_yaml("r", "evt.type in (a, b)"));
    ASSERT_TRUE(l.outcome.ok);
    const auto& lists = l.engine.content().lists;
    ASSERT_EQ(lists.size(), 2u);
    EXPECT_EQ(lists[0].name, "a");
    EXPECT_EQ(lists[0].items, (std::vector<std::string>{"read", "write"}));
    EXPECT_EQ(lists[1].name, "b");
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"close", "read", "write"}));
}

TEST(Lists, AppendAddsItems) {
    Loaded l = load("- list: a\n  items: [open]\n"
                    "- list: a\n  items: [close]\n  append: true\n" +
                    rule_yaml("r", "evt.type in (a)"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.engine.content().lists[0].items, (std::vector<std::string>{"open", "close"}));
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"close", "open"}));
}

TEST(Lists, AppendFalseIsADefinition) {
    Loaded l = load("- list: a\n  items: [open]\n"
                    "- list: a\n  items: [close]\n  append: false\n" +
                    rule_yaml("r", "evt.type in (a)"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"close"}));
}

TEST(Lists, AppendWithoutList) {
    Loaded l = load("- list: a\n  items: [open]\n  append: true\n");
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "List has 'append' key but no list by that name already exists", "list",
                           "a"));
}

TEST(Lists, InnerListRedefinedLaterChangesOuterList) {
    // Expansion happens after every file was read, with the final definitions.
    Loaded l = load_files(
        {{"base.yaml", "- list: cat_binaries\n  items: [open]\n"
                       "- list: cat_capable_binaries\n  items: [cat_binaries, execve]\n" +
                           rule_yaml("r", "evt.type in (cat_capable_binaries)")},
         {"local.yaml", "- list: cat_binaries\n  items: [close]\n"}});
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"close", "execve"}));
}

TEST(Lists, InnerListDefinedAfterIsAPlainString) {
    // `inner` is no event name: left unresolved in an evt.type comparison, it fails.
    Loaded l = load("- list: outer\n  items: [inner, open]\n"
                    "- list: inner\n  items: [close]\n" +
                    rule_yaml("r", "evt.type in (outer)"));
    EXPECT_TRUE(
        fails_with(l, LoadCode::kErrCompileCondition, "unknown event type inner", "rule", "r"));
}

TEST(Lists, ReferenceLoopLeavesANameUnresolved) {
    Loaded l = load("- list: a\n  items: [b]\n"
                    "- list: b\n  items: [a]\n" +
                    rule_yaml("r", "evt.type in (a)"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileCondition, "unknown event type b", "rule", "r"));
}

TEST(Lists, VisibleToConditionsBeforeAndInOtherFiles) {
    Loaded l = load_files({{"a.yaml", rule_yaml("r", "evt.type in (later)")},
                           {"b.yaml", "- list: later\n  items: [open]\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"open"}));
}

TEST(Lists, ItemsWithSpacesMatchQuotedValues) {
    // "my app" is quoted when substituted, so the comparison is with one string.
    Loaded l = load("- list: apps\n  items: [\"my app\", '\"quoted one\"']\n" +
                    rule_yaml("r", "evt.type=open and proc.cmdline in (apps)"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
}

TEST(Lists, IdentifierFormInRule) {
    Loaded l = load("- list: l\n  items: [open, close]\n" + rule_yaml("r", "evt.type in l"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"close", "open"}));
}

TEST(Lists, SingleItemListAsEqualityValue) {
    Loaded l = load("- list: l\n  items: [open]\n" + rule_yaml("r", "evt.type=l"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(types_of(l, "r"), (std::vector<std::string>{"open"}));
}

TEST(Lists, ListPositionIsItsFirstDefinitionAndOriginItsLatest) {
    Loaded l = load_files({{"a.yaml", "- list: l\n  items: [open]\n"},
                           {"b.yaml", "- list: m\n  items: [x]\n- list: l\n  items: [close]\n" +
                                          rule_yaml("r", "evt.type in (l, m)")}});
    ASSERT_FALSE(l.outcome.ok); // x is no event type
    const auto& lists = l.engine.content().lists;
    ASSERT_EQ(lists.size(), 2u);
    EXPECT_EQ(lists[0].name, "l");
    EXPECT_EQ(lists[0].origin.file_index, 1u);
    EXPECT_EQ(lists[0].origin.position.line, 3u);
}

} // namespace
} // namespace falco::testing
