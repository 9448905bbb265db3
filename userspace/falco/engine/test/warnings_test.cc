// Every warning code (spec §5) with its message; warnings never stop loading.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

TEST(Warnings, UnknownSource) {
    Loaded l = load(rule_yaml("audit", "ka.verb=create", "  source: k8s_audit\n"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(warns_with(l, LoadCode::kUnknownSource, "Unknown source k8s_audit, skipping",
                           "rule", "audit"));
    EXPECT_EQ(l.result().as_text(false, false), "rules.yaml: Ok, with warnings\n");
}

TEST(Warnings, UnsafeNaCheck) {
    // ka.* and jevt.* fields compared with the literal <NA>; the syscall source has no such
    // fields, so the rule needs skip-if-unknown-filter to load at all.
    Loaded l = load(rule_yaml("r", "evt.type=open and ka.user.name = \"<NA>\"",
                              "  skip-if-unknown-filter: true\n") +
                    rule_yaml("s", "evt.type=open and (jevt.value[/x] in (a, <NA>))",
                              "  skip-if-unknown-filter: true\n") +
                    rule_yaml("safe", "evt.type=open and proc.name = \"<NA>\""));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    std::vector<Problem> w = l.warnings(LoadCode::kUnsafeNaCheck);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(innermost(w[0]).item_name, "r");
    EXPECT_EQ(innermost(w[1]).item_name, "s");
    EXPECT_TRUE(warns_with(l, LoadCode::kUnsafeNaCheck,
                           "Unsafe comparison of ka.user.name with the literal <NA>; use "
                           "'exists' to test whether the field has a value",
                           "rule", "r"));
    EXPECT_EQ(l.warnings(LoadCode::kUnknownField).size(), 2u);
}

TEST(Warnings, NoEvttype) {
    Loaded l = load(rule_yaml("r", "proc.name=cat"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(warns_with(
        l, LoadCode::kNoEvttype,
        "Rule matches too many evt.type values. This has a significant performance penalty.",
        "rule", "r"));
}

TEST(Warnings, UnknownField) {
    Loaded l =
        load(rule_yaml("r", "evt.type=open and fd.nope=1", "  skip-if-unknown-filter: true\n"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(warns_with(l, LoadCode::kUnknownField,
                           "filter_check called with nonexistent field fd.nope", "rule", "r"));
}

TEST(Warnings, UnusedMacro) {
    Loaded l = load("- macro: m\n  condition: evt.type=open\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(warns_with(l, LoadCode::kUnusedMacro,
                           "Macro not referred to by any other rule/macro", "macro", "m"));
}

TEST(Warnings, UnusedList) {
    Loaded l = load("- list: l\n  items: [a]\n- list: used\n  items: [open]\n"
                    "- list: used_by_list\n  items: [x]\n- list: outer\n  items: [used_by_list]\n" +
                    rule_yaml("r", "evt.type in (used)"));
    ASSERT_TRUE(l.outcome.ok);
    std::vector<Problem> w = l.warnings(LoadCode::kUnusedList);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_TRUE(warns_with(l, LoadCode::kUnusedList, "List not referred to by any other rule/macro",
                           "list", "l"));
    EXPECT_TRUE(warns_with(l, LoadCode::kUnusedList, "List not referred to by any other rule/macro",
                           "list", "outer"));
}

TEST(Warnings, UnknownItem) {
    Loaded l = load("- nothing: here\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_TRUE(
        warns_with(l, LoadCode::kUnknownItem, "Unknown top level item", "rules content item", ""));
}

TEST(Warnings, GoToTheFileOfTheItem) {
    Loaded l = load_files({{"a.yaml", "- macro: m\n  condition: evt.type=open\n"},
                           {"b.yaml", "- list: l\n  items: []\n"}});
    ASSERT_TRUE(l.outcome.ok);
    ASSERT_EQ(l.result(0).warnings().size(), 1u);
    EXPECT_EQ(l.result(0).warnings()[0].code, LoadCode::kUnusedMacro);
    EXPECT_EQ(innermost(l.result(0).warnings()[0]).position.name, "a.yaml");
    ASSERT_EQ(l.result(1).warnings().size(), 1u);
    EXPECT_EQ(l.result(1).warnings()[0].code, LoadCode::kUnusedList);
    EXPECT_EQ(innermost(l.result(1).warnings()[0]).position.name, "b.yaml");
}

TEST(Warnings, CodesAreWarnings) {
    for (LoadCode code : {LoadCode::kUnknownSource, LoadCode::kUnsafeNaCheck, LoadCode::kNoEvttype,
                          LoadCode::kUnknownField, LoadCode::kUnusedMacro, LoadCode::kUnusedList,
                          LoadCode::kUnknownItem}) {
        EXPECT_FALSE(is_error(code)) << code_name(code);
    }
    for (LoadCode code :
         {LoadCode::kErrFileRead, LoadCode::kErrYamlParse, LoadCode::kErrYamlValidate,
          LoadCode::kErrCompileCondition, LoadCode::kErrCompileOutput, LoadCode::kErrValidate}) {
        EXPECT_TRUE(is_error(code)) << code_name(code);
    }
}

} // namespace
} // namespace falco::testing
