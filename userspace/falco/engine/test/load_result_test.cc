// Load results as falco -V prints them (spec §5): the codes, the text form and the JSON form.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

const char* const kBadPriority = "- rule: r\n"
                                 "  desc: d\n"
                                 "  condition: evt.type=open\n"
                                 "  output: o\n"
                                 "  priority: SEVERE\n";

TEST(LoadResult, CodeNamesAndDescriptions) {
    const std::vector<std::pair<LoadCode, std::string>> names = {
        {LoadCode::kErrFileRead, "LOAD_ERR_FILE_READ"},
        {LoadCode::kErrYamlParse, "LOAD_ERR_YAML_PARSE"},
        {LoadCode::kErrYamlValidate, "LOAD_ERR_YAML_VALIDATE"},
        {LoadCode::kErrCompileCondition, "LOAD_ERR_COMPILE_CONDITION"},
        {LoadCode::kErrCompileOutput, "LOAD_ERR_COMPILE_OUTPUT"},
        {LoadCode::kErrValidate, "LOAD_ERR_VALIDATE"},
        {LoadCode::kUnknownSource, "LOAD_UNKNOWN_SOURCE"},
        {LoadCode::kUnsafeNaCheck, "LOAD_UNSAFE_NA_CHECK"},
        {LoadCode::kNoEvttype, "LOAD_NO_EVTTYPE"},
        {LoadCode::kUnknownField, "LOAD_UNKNOWN_FIELD"},
        {LoadCode::kUnusedMacro, "LOAD_UNUSED_MACRO"},
        {LoadCode::kUnusedList, "LOAD_UNUSED_LIST"},
        {LoadCode::kUnknownItem, "LOAD_UNKNOWN_ITEM"},
    };
    for (const auto& [code, name] : names) {
        EXPECT_EQ(code_name(code), name);
        EXPECT_FALSE(code_description(code).empty()) << name;
    }
    EXPECT_EQ(code_description(LoadCode::kErrYamlValidate),
              "Error validating internal structure of YAML file");
}

TEST(LoadResult, OkText) {
    Loaded l = load(rule_yaml("r", "evt.type=open"));
    EXPECT_EQ(l.result().as_text(false, false), "rules.yaml: Ok\n");
    EXPECT_EQ(l.result().as_text(true, true), "rules.yaml: Ok\n");
}

TEST(LoadResult, OkWithWarningsText) {
    Loaded l = load("- list: unused\n  items: []\n");
    EXPECT_EQ(l.result().as_text(false, false), "rules.yaml: Ok, with warnings\n");
    EXPECT_EQ(l.result().as_text(true, false), "rules.yaml: Ok, with warnings\n");
    EXPECT_EQ(l.result().as_text(true, true),
              "rules.yaml: Ok, with warnings\n"
              "1 Warnings:\n"
              "In rules content: (rules.yaml:0:0)\n"
              "    list 'unused': (rules.yaml:1:3)\n"
              "------\n"
              "- list: unused\n"
              "  ^\n"
              "------\n"
              "LOAD_UNUSED_LIST (Unused list): List not referred to by any other rule/macro\n");
}

TEST(LoadResult, InvalidText) {
    Loaded l = load_files({{"bad.yaml", kBadPriority}});
    EXPECT_EQ(l.result().as_text(false, false), "bad.yaml: Invalid\n");
    EXPECT_EQ(l.result().as_text(true, false),
              "bad.yaml: Invalid\n"
              "1 Errors:\n"
              "In rules content: (bad.yaml:0:0)\n"
              "    rule 'r': (bad.yaml:1:3)\n"
              "------\n"
              "- rule: r\n"
              "  ^\n"
              "------\n"
              "LOAD_ERR_YAML_VALIDATE (Error validating internal structure of YAML file): "
              "Invalid priority\n");
}

TEST(LoadResult, ConditionErrorText) {
    Loaded l = load_files({{"c.yaml", rule_yaml("r", "evt.type=open and")}});
    std::string text = l.result().as_text(true, false);
    EXPECT_EQ(text, "c.yaml: Invalid\n"
                    "1 Errors:\n"
                    "In rules content: (c.yaml:0:0)\n"
                    "    rule 'r': (c.yaml:1:3)\n"
                    "        condition expression: (\"evt.type=open and\":1:18)\n"
                    "------\n"
                    "evt.type=open and\n"
                    "                 ^\n"
                    "------\n"
                    "LOAD_ERR_COMPILE_CONDITION (Error compiling condition): " +
                        l.errors().at(0).message + "\n");
}

TEST(LoadResult, InvalidJson) {
    Loaded l = load_files({{"bad.yaml", kBadPriority}});
    EXPECT_EQ(l.result().as_json(),
              "{\"name\":\"bad.yaml\",\"successful\":false,\"errors\":[{\"code\":\"LOAD_ERR_YAML_"
              "VALIDATE\",\"codedesc\":\"Error validating internal structure of YAML file\","
              "\"message\":\"Invalid priority\",\"context\":{\"locations\":[{\"item_type\":"
              "\"rules content\",\"item_name\":\"\",\"position\":{\"name\":\"bad.yaml\",\"line\":"
              "0,\"column\":0,\"offset\":0}},{\"item_type\":\"rule\",\"item_name\":\"r\","
              "\"position\":{\"name\":\"bad.yaml\",\"line\":1,\"column\":3,\"offset\":2}}],"
              "\"snippet\":\"- rule: r\\n  ^\\n\"}}],\"warnings\":[]}");
}

TEST(LoadResult, OkJsonWithWarning) {
    Loaded l = load("- nothing: here\n");
    EXPECT_EQ(l.result().as_json(),
              "{\"name\":\"rules.yaml\",\"successful\":true,\"errors\":[],\"warnings\":[{\"code\":"
              "\"LOAD_UNKNOWN_ITEM\",\"codedesc\":\"Unknown rules file item\",\"message\":"
              "\"Unknown top level item\",\"context\":{\"locations\":[{\"item_type\":\"rules "
              "content\",\"item_name\":\"\",\"position\":{\"name\":\"rules.yaml\",\"line\":0,"
              "\"column\":0,\"offset\":0}},{\"item_type\":\"rules content item\",\"item_name\":"
              "\"\",\"position\":{\"name\":\"rules.yaml\",\"line\":1,\"column\":3,\"offset\":2}}],"
              "\"snippet\":\"- nothing: here\\n  ^\\n\"}}]}");
}

TEST(LoadResult, JsonEscapesNamesAndMessages) {
    Loaded l = load_files({{"we\"ird\\name.yaml", "- rule: \"a \\\"quoted\\\" rule\"\n"
                                                  "  enabled: false\n"}});
    std::string json = l.result().as_json();
    EXPECT_TRUE(contains(json, "\"name\":\"we\\\"ird\\\\name.yaml\""));
    EXPECT_TRUE(contains(json, "\"item_name\":\"a \\\"quoted\\\" rule\""));
}

TEST(LoadResult, FileReadError) {
    RulesEngine engine;
    LoadOutcome outcome = engine.load_paths({"/nonexistent/dir/rules.yaml"}, {});
    EXPECT_FALSE(outcome.ok);
    ASSERT_EQ(outcome.results.size(), 1u);
    const LoadResult& r = outcome.results[0];
    EXPECT_EQ(r.name(), "/nonexistent/dir/rules.yaml");
    ASSERT_EQ(r.errors().size(), 1u);
    EXPECT_EQ(r.errors()[0].code, LoadCode::kErrFileRead);
    EXPECT_TRUE(contains(r.errors()[0].message, "/nonexistent/dir/rules.yaml"));
    EXPECT_EQ(r.as_text(false, false), "/nonexistent/dir/rules.yaml: Invalid\n");
}

TEST(LoadResult, FileReadErrorClearsEarlierRules) {
    RulesEngine engine;
    ASSERT_TRUE(engine.load_contents({{"a.yaml", rule_yaml("r", "evt.type=open")}}, {}).ok);
    ASSERT_EQ(engine.rules().size(), 1u);
    EXPECT_FALSE(engine.load_paths({"/nonexistent/rules.yaml"}, {}).ok);
    EXPECT_TRUE(engine.rules().empty());
}

TEST(LoadResult, SnippetAt) {
    EXPECT_EQ(snippet_at("a\nbcd\ne", 2, 3), "bcd\n  ^\n");
    EXPECT_EQ(snippet_at("a\nbcd", 2, 1), "bcd\n^\n");
    EXPECT_EQ(snippet_at("a", 0, 0), "");
    EXPECT_EQ(snippet_at("a", 5, 1), "");
}

} // namespace
} // namespace falco::testing
