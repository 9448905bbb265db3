// Several rules files (spec §1): one namespace, loaded in order; results per file; directories.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

TEST(MultiFile, RulesInFileOrderRedefinitionsKeepTheirPlace) {
    Loaded l = load_files(
        {{"a.yaml", rule_yaml("one", "evt.type=open") + rule_yaml("two", "evt.type=open")},
         {"b.yaml", rule_yaml("three", "evt.type=open") + rule_yaml("one", "evt.type=close")}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule_names(), (Names{"one", "two", "three"}));
    EXPECT_EQ(l.rule("one")->condition, "evt.type=close");
    EXPECT_EQ(l.engine.content().rules[0].origin.file_index, 1u);
}

TEST(MultiFile, OneResultPerFileWithItsName) {
    Loaded l = load_files({{"first.yaml", rule_yaml("a", "evt.type=open")},
                           {"second.yaml", "- list: l\n  items: []\n"},
                           {"third.yaml", ""}});
    ASSERT_TRUE(l.outcome.ok);
    ASSERT_EQ(l.outcome.results.size(), 3u);
    EXPECT_EQ(l.result(0).as_text(false, false), "first.yaml: Ok\n");
    EXPECT_EQ(l.result(1).as_text(false, false), "second.yaml: Ok, with warnings\n");
    EXPECT_EQ(l.result(2).as_text(false, false), "third.yaml: Ok\n");
}

TEST(MultiFile, ReadErrorStopsTheFilesAfterIt) {
    Loaded l = load_files({{"a.yaml", rule_yaml("a", "evt.type=open")},
                           {"b.yaml", "- rule: x\n  enabled: true\n"},
                           {"c.yaml", rule_yaml("c", "evt.type=open")}});
    EXPECT_FALSE(l.outcome.ok);
    ASSERT_EQ(l.outcome.results.size(), 2u);
    EXPECT_TRUE(l.result(0).successful());
    EXPECT_FALSE(l.result(1).successful());
    EXPECT_EQ(l.result(1).errors().at(0).context.at(0).position.name, "b.yaml");
    EXPECT_TRUE(l.engine.rules().empty());
}

TEST(MultiFile, CompileErrorGoesToTheFileOfTheItem) {
    Loaded l = load_files({{"a.yaml", rule_yaml("a", "evt.type=open and m")},
                           {"b.yaml", "- macro: m\n  condition: proc.name=cat and\n"}});
    EXPECT_FALSE(l.outcome.ok);
    ASSERT_EQ(l.outcome.results.size(), 2u);
    EXPECT_TRUE(l.result(0).successful());
    ASSERT_EQ(l.result(1).errors().size(), 1u);
    const Problem& p = l.result(1).errors()[0];
    EXPECT_EQ(p.code, LoadCode::kErrCompileCondition);
    EXPECT_EQ(p.context.at(0).position.name, "b.yaml");
    EXPECT_EQ(p.context.at(1).item_type, "macro");
    EXPECT_EQ(p.context.at(1).position.name, "b.yaml");
}

TEST(MultiFile, LaterFileRedefinesListMacroAndRule) {
    Loaded l =
        load_files({{"upstream.yaml", "- list: procs\n  items: [cat]\n"
                                      "- macro: opens\n  condition: evt.type=open\n" +
                                          rule_yaml("r", "opens and proc.name in (procs)")},
                    {"local.yaml", "- list: procs\n  items: [dog]\n  append: true\n"
                                   "- macro: opens\n  condition: evt.type in (open, openat)\n"}});
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(l.rule("r")->event_types.names(), (Names{"open", "openat"}));
    EXPECT_EQ(l.engine.content().lists[0].items, (Names{"cat", "dog"}));
}

TEST(MultiFile, ReloadingReplacesEverything) {
    RulesEngine engine;
    ASSERT_TRUE(engine.load_contents({{"a.yaml", rule_yaml("a", "evt.type=open")}}, {}).ok);
    ASSERT_TRUE(engine.load_contents({{"b.yaml", rule_yaml("b", "evt.type=open")}}, {}).ok);
    ASSERT_EQ(engine.rules().size(), 1u);
    EXPECT_EQ(engine.rules()[0].name, "b");
    EXPECT_EQ(engine.content().files.size(), 1u);
    // A failed load leaves no rules.
    EXPECT_FALSE(engine.load_contents({{"c.yaml", "- rule: x\n"}}, {}).ok);
    EXPECT_TRUE(engine.rules().empty());
}

// A fresh directory under the test's temporary directory.
std::string temp_dir(const std::string& name) {
    const char* tmp = std::getenv("TEST_TMPDIR");
    std::string dir =
        std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name + "-" + std::to_string(::getpid());
    ::mkdir(dir.c_str(), 0755);
    return dir;
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

TEST(MultiFile, DirectoryStandsForItsRegularFilesSortedByName) {
    std::string dir = temp_dir("rules-dir");
    write_file(dir + "/20-b.yaml",
               rule_yaml("b", "evt.type=open") + "- rule: a\n  enabled: false\n");
    write_file(dir + "/10-a.yaml", rule_yaml("a", "evt.type=open"));
    write_file(dir + "/30-c.txt", rule_yaml("c", "evt.type=open")); // every regular file (0.35)
    ::mkdir((dir + "/40-sub").c_str(), 0755);
    write_file(dir + "/40-sub/x.yaml", rule_yaml("x", "evt.type=open"));
    std::string extra = temp_dir("rules-extra") + "/last.yaml";
    write_file(extra, rule_yaml("d", "evt.type=open"));

    RulesEngine engine;
    LoadOutcome outcome = engine.load_paths({dir, extra}, {});
    ASSERT_TRUE(outcome.ok);
    ASSERT_EQ(outcome.results.size(), 4u);
    EXPECT_EQ(outcome.results[0].name(), dir + "/10-a.yaml");
    EXPECT_EQ(outcome.results[1].name(), dir + "/20-b.yaml");
    EXPECT_EQ(outcome.results[2].name(), dir + "/30-c.txt");
    EXPECT_EQ(outcome.results[3].name(), extra);
    Names names;
    for (const CompiledRule& r : engine.rules()) {
        names.push_back(r.name);
    }
    EXPECT_EQ(names, (Names{"a", "b", "c", "d"}));
    EXPECT_FALSE(engine.rules()[0].enabled);
}

} // namespace
} // namespace falco::testing
