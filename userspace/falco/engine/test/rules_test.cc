// Rules files and rules (spec §1, §1.5, §1.6): documents and items, the keys of a rule,
// priorities, tags, sources, skip-if-unknown-filter, the minimum priority, scalars and booleans.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

// ---- documents and items ---------------------------------------------------------------------

TEST(RulesFile, EmptyFileLoads) {
    Loaded l = load("");
    EXPECT_TRUE(l.outcome.ok);
    EXPECT_TRUE(l.result().successful());
    EXPECT_FALSE(l.result().has_warnings());
    EXPECT_TRUE(l.engine.rules().empty());
}

TEST(RulesFile, SeveralDocumentsAndNullEntries) {
    Loaded l = load(rule_yaml("a", "evt.type=open") + "-\n- ~\n---\n---\n" +
                    rule_yaml("b", "evt.type=close"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule_names(), (Names{"a", "b"}));
}

TEST(RulesFile, ScalarDocument) {
    EXPECT_TRUE(fails_with(load("just text\n"), LoadCode::kErrYamlValidate,
                           "Rules content is not yaml", "rules content", ""));
}

TEST(RulesFile, MappingDocument) {
    EXPECT_TRUE(fails_with(load("rule: x\n"), LoadCode::kErrYamlValidate,
                           "Rules content is not yaml array of objects", "rules content", ""));
}

TEST(RulesFile, MappingDocumentAfterAGoodOne) {
    Loaded l = load(rule_yaml("a", "evt.type=open") + "---\nrule: x\n");
    EXPECT_TRUE(fails_with(l, LoadCode::kErrYamlValidate,
                           "Rules content is not yaml array of objects", "rules content", ""));
}

TEST(RulesFile, ItemThatIsNoMapping) {
    for (const char* yaml : {"- just a string\n", "- [a, b]\n"}) {
        Loaded l = load(yaml);
        EXPECT_TRUE(
            fails_with(l, LoadCode::kErrYamlValidate,
                       "Unexpected element type. Each element should be a yaml associative array.",
                       "rules content item", ""))
            << yaml;
        EXPECT_EQ(l.errors().at(0).context.size(), 2u);
        EXPECT_EQ(l.errors().at(0).context[0].item_type, "rules content");
    }
}

TEST(RulesFile, UnknownItemIsIgnoredWithAWarning) {
    Loaded l = load("- something: else\n" + rule_yaml("a", "evt.type=open"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule_names(), (Names{"a"}));
    EXPECT_TRUE(
        warns_with(l, LoadCode::kUnknownItem, "Unknown top level item", "rules content item", ""));
}

TEST(RulesFile, ItemKindByKeyOrder) {
    // A mapping with several kind keys is of the first kind in the order
    // required_engine_version, required_plugin_versions, list, macro, rule.
    Loaded l = load("- macro: m\n  rule: r\n  condition: evt.type=open\n"
                    "- list: l\n  macro: n\n  items: [open]\n"
                    "- required_engine_version: 2\n  list: x\n" +
                    rule_yaml("a", "m and evt.type in (l)"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule_names(), (Names{"a"}));
    EXPECT_EQ(l.engine.content().macros.size(), 1u);
    EXPECT_EQ(l.engine.content().lists.size(), 1u);
    EXPECT_EQ(l.engine.content().required_engine_version, 2u);
}

TEST(RulesFile, YamlParseError) {
    Loaded l = load("- rule: a: b\n");
    ASSERT_FALSE(l.outcome.ok);
    ASSERT_EQ(l.errors().size(), 1u);
    Problem p = l.errors()[0];
    EXPECT_EQ(p.code, LoadCode::kErrYamlParse);
    EXPECT_EQ(p.message, "yaml-cpp: error at line 1, column 10: illegal map value");
    EXPECT_EQ(innermost(p).item_type, "rules content");
    EXPECT_EQ(innermost(p).position.name, "rules.yaml");
    EXPECT_EQ(innermost(p).position.line, 1u);
}

TEST(RulesFile, StreamsTheYamlParserCannotLeave) {
    // yaml-cpp 0.7 would hand out empty documents forever on these (found by rules_fuzz_test).
    const std::vector<std::pair<std::string, std::string>> cases = {
        {",", "line 1, column 1"},
        {",&- rule: a: c*", "line 1, column 1"},
        {"- rule: r\n  enabled: false\n--- \n, \n", "line 4, column 1"}};
    for (const auto& [yaml, where] : cases) {
        Loaded l = load(yaml);
        ASSERT_EQ(l.errors().size(), 1u) << yaml;
        EXPECT_EQ(l.errors()[0].code, LoadCode::kErrYamlParse);
        EXPECT_EQ(l.errors()[0].message,
                  "yaml-cpp: error at " + where + ": unexpected token, no document can start here");
        EXPECT_EQ(innermost(l.errors()[0]).item_type, "rules content");
    }
}

TEST(RulesFile, FirstErrorStopsTheFile) {
    Loaded l = load("- list: a\n  items: [x]\n  append: true\n- list: b\n");
    ASSERT_EQ(l.errors().size(), 1u);
    EXPECT_EQ(l.engine.content().lists.size(), 0u);
}

// ---- rule keys -------------------------------------------------------------------------------

TEST(Rules, FullDefinition) {
    Loaded l = load("- rule: Write below etc\n"
                    "  desc: an attempt to write to /etc\n"
                    "  condition: evt.type=open and fd.name startswith /etc\n"
                    "  output: \"File below /etc opened (user=%user.name file=%fd.name)\"\n"
                    "  priority: ERROR\n"
                    "  tags: [filesystem, mitre_persistence]\n"
                    "  enabled: true\n"
                    "  source: syscall\n"
                    "  warn_evttypes: true\n"
                    "  skip-if-unknown-filter: false\n"
                    "  append: false\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_FALSE(l.result().has_warnings());
    const CompiledRule* r = l.rule("Write below etc");
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->desc, "an attempt to write to /etc");
    EXPECT_EQ(r->condition, "evt.type=open and fd.name startswith /etc");
    EXPECT_EQ(r->output, "File below /etc opened (user=%user.name file=%fd.name)");
    EXPECT_EQ(r->priority, Priority::kError);
    EXPECT_EQ(r->tags, (Names{"filesystem", "mitre_persistence"}));
    EXPECT_EQ(r->source, "syscall");
    EXPECT_TRUE(r->enabled);
    EXPECT_EQ(r->event_types.names(), (Names{"open"}));
    EXPECT_NE(r->filter, nullptr);
    EXPECT_NE(r->formatter, nullptr);
}

TEST(Rules, DefaultsOfOptionalKeys) {
    Loaded l = load(rule_yaml("r", "evt.type=open"));
    ASSERT_TRUE(l.outcome.ok);
    const CompiledRule* r = l.rule("r");
    EXPECT_TRUE(r->enabled);
    EXPECT_EQ(r->source, "syscall");
    EXPECT_TRUE(r->tags.empty());
}

TEST(Rules, EachMissingKeyOfAFullDefinition) {
    const std::vector<std::pair<std::string, std::string>> keys = {
        {"condition", "  condition: evt.type=open\n"},
        {"output", "  output: x\n"},
        {"desc", "  desc: d\n"},
        {"priority", "  priority: INFO\n"}};
    for (size_t missing = 0; missing < keys.size(); ++missing) {
        std::string yaml = "- rule: r\n";
        for (size_t i = 0; i < keys.size(); ++i) {
            if (i != missing) {
                yaml += keys[i].second;
            }
        }
        EXPECT_TRUE(fails_with(load(yaml), LoadCode::kErrYamlValidate,
                               "Item has no mapping for key '" + keys[missing].first + "'", "rule",
                               "r"))
            << yaml;
    }
}

TEST(Rules, OutputIsTrimmed) {
    Loaded l = load("- rule: r\n  desc: d\n  condition: evt.type=open\n  priority: INFO\n"
                    "  output: |\n    seen %proc.name   \n\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->output, "seen %proc.name");
    Loaded l2 = load("- rule: r\n  desc: d\n  condition: evt.type=open\n  priority: INFO\n"
                     "  output: \"  seen %proc.name \"\n");
    EXPECT_EQ(l2.rule("r")->output, "seen %proc.name");
}

TEST(Rules, EnabledOnlyItemTurnsARuleOffAndOn) {
    Loaded l = load(rule_yaml("r", "evt.type=open") + "- rule: r\n  enabled: false\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_FALSE(l.rule("r")->enabled);
    Loaded l2 = load(rule_yaml("r", "evt.type=open", "  enabled: false\n") +
                     "- rule: r\n  enabled: true\n");
    EXPECT_TRUE(l2.rule("r")->enabled);
    // The condition and the rest stay as they were.
    EXPECT_EQ(l2.rule("r")->condition, "evt.type=open");
}

TEST(Rules, EnabledOnlyItemWithoutRule) {
    EXPECT_TRUE(fails_with(load("- rule: r\n  enabled: false\n"), LoadCode::kErrValidate,
                           "Rule has 'enabled' key but no rule by that name already exists", "rule",
                           "r"));
}

TEST(Rules, ItemWithoutDefinitionOrEnabled) {
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open") + "- rule: r\n  tags: [a]\n"),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'condition'",
                           "rule", "r"));
}

TEST(Rules, DisabledRuleIsCompiledButDisabled) {
    Loaded l = load(rule_yaml("r", "evt.type=open", "  enabled: false\n"));
    ASSERT_TRUE(l.outcome.ok);
    ASSERT_NE(l.rule("r"), nullptr);
    EXPECT_FALSE(l.rule("r")->enabled);
}

TEST(Rules, RedefinitionReplacesAndKeepsPosition) {
    Loaded l =
        load(rule_yaml("a", "evt.type=open", "  tags: [x]\n") + rule_yaml("b", "evt.type=open") +
             "- rule: a\n  desc: new\n  condition: evt.type=close\n  output: o\n"
             "  priority: DEBUG\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule_names(), (Names{"a", "b"}));
    const CompiledRule* a = l.rule("a");
    EXPECT_EQ(a->desc, "new");
    EXPECT_EQ(a->condition, "evt.type=close");
    EXPECT_EQ(a->priority, Priority::kDebug);
    EXPECT_TRUE(a->tags.empty()); // replaced entirely
}

TEST(Rules, RedefinitionWithAnotherSource) {
    Loaded l = load(rule_yaml("a", "evt.type=open") +
                    rule_yaml("a", "evt.type=open", "  source: k8s_audit\n"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate,
                           "Rule has been re-defined with a different source", "rule", "a"));
}

TEST(Rules, NamesAreFreeText) {
    const std::string name = "Odd (name) $ . * + ? [ ] { } | ^ with spaces";
    Loaded l = load("- rule: \"" + name +
                    "\"\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: INFO\n"
                    "- rule: \"" +
                    name + "\"\n  enabled: false\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    ASSERT_NE(l.rule(name), nullptr);
    EXPECT_FALSE(l.rule(name)->enabled);
}

TEST(Rules, Priorities) {
    const std::vector<std::pair<std::string, Priority>> cases = {
        {"emergency", Priority::kEmergency},
        {"ALERT", Priority::kAlert},
        {"Critical", Priority::kCritical},
        {"error", Priority::kError},
        {"WARNING", Priority::kWarning},
        {"notice", Priority::kNotice},
        {"informational", Priority::kInformational},
        {"INFO", Priority::kInformational},
        {"debug", Priority::kDebug},
        {"DeBuG", Priority::kDebug}};
    for (const auto& [text, priority] : cases) {
        Loaded l = load("- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n"
                        "  priority: " +
                        text + "\n");
        ASSERT_TRUE(l.outcome.ok) << text;
        EXPECT_EQ(l.rule("r")->priority, priority) << text;
    }
}

TEST(Rules, PriorityDisplayNames) {
    EXPECT_EQ(priority_name(Priority::kEmergency), "Emergency");
    EXPECT_EQ(priority_name(Priority::kInformational), "Informational");
    EXPECT_EQ(priority_summary_name(Priority::kInformational), "INFO");
    EXPECT_EQ(priority_name(Priority::kDebug), "Debug");
}

TEST(Rules, InvalidPriority) {
    for (const char* text : {"severe", "warn", "7"}) {
        Loaded l = load("- rule: r\n  desc: d\n  condition: evt.type=open\n  output: o\n"
                        "  priority: " +
                        std::string(text) + "\n");
        EXPECT_TRUE(fails_with(l, LoadCode::kErrYamlValidate, "Invalid priority", "rule", "r"))
            << text;
    }
}

TEST(Rules, TagsAreASet) {
    Loaded l = load(rule_yaml("r", "evt.type=open", "  tags: [b, a, b, c]\n"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->tags, (Names{"a", "b", "c"}));
}

TEST(Rules, TagsMustBeASequenceOfScalars) {
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open", "  tags: a\n")),
                           LoadCode::kErrYamlValidate, "Value is not a sequence", "rule", "r"));
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open", "  tags: [[a]]\n")),
                           LoadCode::kErrYamlValidate, "sequence value is not scalar", "rule",
                           "r"));
}

TEST(Rules, UnknownSourceIsSkipped) {
    Loaded l = load(rule_yaml("audit", "ka.verb=create", "  source: k8s_audit\n") +
                    rule_yaml("r", "evt.type=open"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule_names(), (Names{"r"}));
    EXPECT_TRUE(warns_with(l, LoadCode::kUnknownSource, "Unknown source k8s_audit, skipping",
                           "rule", "audit"));
}

TEST(Rules, UnknownFieldIsAnError) {
    Loaded l = load(rule_yaml("r", "evt.type=open and proc.nmae=cat"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileCondition,
                           "filter_check called with nonexistent field proc.nmae", "rule", "r"));
}

TEST(Rules, SkipIfUnknownFilter) {
    Loaded l =
        load(rule_yaml("r", "evt.type=open and proc.nmae=cat", "  skip-if-unknown-filter: true\n") +
             rule_yaml("s", "evt.type=open"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule_names(), (Names{"s"}));
    EXPECT_TRUE(warns_with(l, LoadCode::kUnknownField,
                           "filter_check called with nonexistent field proc.nmae", "rule", "r"));
}

TEST(Rules, SkipIfUnknownFilterOnlyConcernsUnknownFields) {
    Loaded l = load(
        rule_yaml("r", "evt.type=open and proc.name=cat and", "  skip-if-unknown-filter: true\n"));
    ASSERT_FALSE(l.outcome.ok);
    EXPECT_EQ(l.errors().at(0).code, LoadCode::kErrCompileCondition);
}

TEST(Rules, MinimumPriorityDropsLessSevereRules) {
    CompileOptions options;
    options.min_priority = Priority::kWarning;
    Loaded l = load("- rule: dbg\n  desc: d\n  condition: evt.type=open\n  output: o\n"
                    "  priority: DEBUG\n"
                    "- rule: warn\n  desc: d\n  condition: evt.type=open\n  output: o\n"
                    "  priority: WARNING\n"
                    "- rule: crit\n  desc: d\n  condition: evt.type=open\n  output: o\n"
                    "  priority: CRITICAL\n"
                    "- rule: dbg\n  condition: and proc.name=cat\n  append: true\n",
                    options);
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(l.rule_names(), (Names{"warn", "crit"}));
    EXPECT_FALSE(l.result().has_warnings()); // silently
}

// ---- scalars (§1.6) --------------------------------------------------------------------------

TEST(Scalars, NameKeys) {
    EXPECT_TRUE(fails_with(load("- rule:\n"), LoadCode::kErrYamlValidate,
                           "Mapping for key 'rule' is empty", "rule", ""));
    EXPECT_TRUE(fails_with(load("- macro: [a]\n  condition: x\n"), LoadCode::kErrYamlValidate,
                           "Value is not a scalar value", "macro", ""));
    EXPECT_TRUE(fails_with(load("- list: \"\"\n  items: []\n"), LoadCode::kErrYamlValidate,
                           "Value must be non-empty", "list", ""));
}

TEST(Scalars, RuleKeys) {
    const std::string base = "- rule: r\n";
    const std::string c = "  condition: evt.type=open\n", o = "  output: o\n", d = "  desc: d\n",
                      p = "  priority: INFO\n";
    EXPECT_TRUE(fails_with(load(base + "  condition: \"\"\n" + o + d + p),
                           LoadCode::kErrYamlValidate, "Value must be non-empty", "rule", "r"));
    EXPECT_TRUE(fails_with(load(base + c + "  output:\n" + d + p), LoadCode::kErrYamlValidate,
                           "Mapping for key 'output' is empty", "rule", "r"));
    EXPECT_TRUE(fails_with(load(base + c + o + "  desc: {a: b}\n" + p), LoadCode::kErrYamlValidate,
                           "Value is not a scalar value", "rule", "r"));
    EXPECT_TRUE(fails_with(load(base + c + o + d + "  priority: [INFO]\n"),
                           LoadCode::kErrYamlValidate, "Value is not a scalar value", "rule", "r"));
    EXPECT_TRUE(fails_with(load(base + c + o + d + p + "  source: \"\"\n"),
                           LoadCode::kErrYamlValidate, "Value must be non-empty", "rule", "r"));
}

TEST(Scalars, Booleans) {
    const std::vector<std::pair<std::string, bool>> cases = {
        {"true", true}, {"True", true}, {"TRUE", true},   {"yes", true},    {"Yes", true},
        {"on", true},   {"ON", true},   {"false", false}, {"False", false}, {"no", false},
        {"NO", false},  {"off", false}, {"Off", false}};
    for (const auto& [text, value] : cases) {
        Loaded l = load(rule_yaml("r", "evt.type=open", "  enabled: " + text + "\n"));
        ASSERT_TRUE(l.outcome.ok) << text;
        EXPECT_EQ(l.rule("r")->enabled, value) << text;
    }
}

TEST(Scalars, BadBoolean) {
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open", "  enabled: maybe\n")),
                           LoadCode::kErrYamlValidate, "Can't decode YAML scalar value", "rule",
                           "r"));
    EXPECT_TRUE(fails_with(load("- list: l\n  items: []\n  append: 2\n"),
                           LoadCode::kErrYamlValidate, "Can't decode YAML scalar value", "list",
                           "l"));
}

TEST(Scalars, BlockScalarCondition) {
    Loaded l = load("- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                    "  condition: >\n    evt.type = open\n    and proc.name = cat\n");
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->condition, "evt.type = open and proc.name = cat\n");
}

} // namespace
} // namespace falco::testing
