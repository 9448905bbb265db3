// required_engine_version (spec §1.1) and required_plugin_versions (§1.2).
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

TEST(EngineVersion, SatisfiedVersions) {
    for (const char* v : {"0", "2", "19", "0.10.0", "0.19.0"}) {
        Loaded l = load(std::string("- required_engine_version: ") + v + "\n");
        EXPECT_TRUE(l.outcome.ok) << v;
    }
    EXPECT_EQ(kEngineVersion, 19u);
}

TEST(EngineVersion, HighestRequirementIsKept) {
    Loaded l = load_files({{"a.yaml", "- required_engine_version: 12\n"},
                           {"b.yaml", "- required_engine_version: 3\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.engine.content().required_engine_version, 12u);
}

TEST(EngineVersion, TooNew) {
    EXPECT_TRUE(fails_with(load("- required_engine_version: 20\n"), LoadCode::kErrValidate,
                           "Rules require engine version 20, but engine version is 19",
                           "required_engine_version", ""));
    // Semver requirements (0.38 on) are compared and printed as semvers.
    EXPECT_TRUE(fails_with(load("- required_engine_version: 0.26.0\n"), LoadCode::kErrValidate,
                           "Rules require engine version 0.26.0, but engine version is 0.19.0",
                           "required_engine_version", ""));
    EXPECT_TRUE(fails_with(load("- required_engine_version: 0.19.1\n"), LoadCode::kErrValidate,
                           "Rules require engine version 0.19.1, but engine version is 0.19.0",
                           "required_engine_version", ""));
    EXPECT_TRUE(fails_with(load("- required_engine_version: 1.0.0\n"), LoadCode::kErrValidate,
                           "Rules require engine version 1.0.0, but engine version is 0.19.0",
                           "required_engine_version", ""));
}

TEST(EngineVersion, NotAnUnsignedInteger) {
    for (const char* v : {"abc", "-1", "+1", "' 1'", "1.5x", "0.1", "0.1.x", "0.1.2.3",
                          "4294967296", "99999999999999999999"}) {
        Loaded l = load(std::string("- required_engine_version: ") + v + "\n");
        EXPECT_FALSE(l.outcome.ok) << v;
        ASSERT_EQ(l.errors().size(), 1u) << v;
        Problem p = l.errors()[0];
        EXPECT_EQ(p.code, LoadCode::kErrYamlValidate) << v;
        EXPECT_EQ(innermost(p).item_type, "required_engine_version") << v;
    }
    EXPECT_TRUE(fails_with(load("- required_engine_version: abc\n"), LoadCode::kErrYamlValidate,
                           "Can't decode YAML scalar value", "required_engine_version", ""));
}

TEST(EngineVersion, StopsTheFileBeforeItsRules) {
    Loaded l = load("- required_engine_version: 100\n" + rule_yaml("r", "evt.type=open"));
    EXPECT_FALSE(l.outcome.ok);
    EXPECT_TRUE(l.engine.content().rules.empty());
}

TEST(PluginVersions, RequirementsAreCollected) {
    Loaded l = load("- required_plugin_versions:\n"
                    "  - name: k8saudit\n    version: 0.1.0\n"
                    "    alternatives:\n      - name: k8saudit-eks\n        version: 0.2.0\n"
                    "  - name: json\n    version: 0.7.0\n");
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    const auto& reqs = l.engine.plugin_requirements();
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[0].name, "k8saudit");
    EXPECT_EQ(reqs[0].version, "0.1.0");
    ASSERT_EQ(reqs[0].alternatives.size(), 1u);
    EXPECT_EQ(reqs[0].alternatives[0].first, "k8saudit-eks");
    EXPECT_EQ(reqs[0].alternatives[0].second, "0.2.0");
    EXPECT_EQ(reqs[1].name, "json");
    EXPECT_TRUE(reqs[1].alternatives.empty());
}

TEST(PluginVersions, NotASequence) {
    EXPECT_TRUE(fails_with(load("- required_plugin_versions: k8saudit\n"),
                           LoadCode::kErrYamlValidate, "Value is not a sequence",
                           "required plugin versions", ""));
}

TEST(PluginVersions, EntryNotAMapping) {
    EXPECT_TRUE(
        fails_with(load("- required_plugin_versions:\n  - k8saudit\n"), LoadCode::kErrYamlValidate,
                   "Unexpected element type. Each element should be a yaml associative array.",
                   "required plugin versions entry", ""));
}

TEST(PluginVersions, MissingNameOrVersion) {
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - version: 0.1.0\n"),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'name'",
                           "required plugin versions entry", ""));
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - name: json\n"),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'version'",
                           "required plugin versions entry", "json"));
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - name: json\n    version: 1.0.0\n"
                                "    alternatives:\n      - name: other\n"),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'version'",
                           "required plugin versions alternative", "other"));
}

TEST(PluginVersions, BadVersionString) {
    for (const char* v : {"abc", "1.x.0", "1..2", "-1.0.0", "1.2.3.4.5x"}) {
        Loaded l = load(std::string("- required_plugin_versions:\n  - name: json\n    version: ") +
                        v + "\n");
        EXPECT_TRUE(
            fails_with(l, LoadCode::kErrValidate,
                       std::string("Invalid required version '") + v + "' for plugin 'json'",
                       "required plugin versions entry", "json"))
            << v;
    }
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - name: json\n    version: 1.0.0\n"
                                "    alternatives:\n      - name: other\n        version: x\n"),
                           LoadCode::kErrValidate,
                           "Invalid required version 'x' for plugin 'other'",
                           "required plugin versions alternative", "other"));
}

TEST(PluginVersions, SamePluginTwiceInOneEntry) {
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - name: json\n    version: 0.1.0\n"
                                "    alternatives:\n      - name: json\n        version: 0.2.0\n"),
                           LoadCode::kErrValidate,
                           "Defined multiple alternative version requirements for plugin 'json'",
                           "required plugin versions alternative", "json"));
    EXPECT_TRUE(fails_with(load("- required_plugin_versions:\n  - name: json\n    version: 0.1.0\n"
                                "    alternatives:\n      - name: a\n        version: 0.2.0\n"
                                "      - name: a\n        version: 0.3.0\n"),
                           LoadCode::kErrValidate,
                           "Defined multiple alternative version requirements for plugin 'a'",
                           "required plugin versions alternative", "a"));
}

} // namespace
} // namespace falco::testing
