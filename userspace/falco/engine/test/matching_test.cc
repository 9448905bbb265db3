// Matching (spec §3.4, §4.1, §4.2, -D/-T/-t of §6) on the upstream capture cat_write.scap: a `cat
// /dev/null` whose 85 events include 8 open events (4 enter, 4 exit).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <map>

#include "engine/alert_counters.h"
#include "engine/test/loader_helpers.h"
#include "sinsp/fields.h"
#include "sinsp/formatter.h"
#include "sinsp/inspector.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

// The capture in the @shared_testdata runfiles, or "" when ../shared is not there.
std::string cat_write_capture() {
    const char* srcdir = std::getenv("TEST_SRCDIR");
    std::string root = srcdir != nullptr ? srcdir : ".";
    for (const std::string& path :
         {root + "/shared_testdata/captures/cat_write.scap",
          root + "/falco/external/shared_testdata/captures/cat_write.scap"}) {
        if (::access(path.c_str(), R_OK) == 0) {
            return path;
        }
    }
    return "";
}

#define REQUIRE_CAPTURE(path)                                                                      \
    std::string path = cat_write_capture();                                                        \
    if (path.empty()) {                                                                            \
        GTEST_SKIP() << "cat_write.scap is not there (no ../shared/testdata)";                     \
    }

struct Alert {
    uint64_t num;     // evt.num
    std::string rule; // the rule that won
    std::string line; // its alert line
};

struct Replay {
    std::vector<Alert> alerts;
    uint64_t events = 0;
    std::string summary;

    // Alerts per rule name.
    std::map<std::string, size_t> counts() const {
        std::map<std::string, size_t> out;
        for (const Alert& a : alerts) {
            ++out[a.rule];
        }
        return out;
    }
};

// Every event of the capture through the engine, as falco's event loop does it.
Replay run(RulesEngine& engine, const std::string& capture) {
    Replay out;
    sinsp::OpenOptions options;
    options.path = capture;
    std::unique_ptr<sinsp::Inspector> inspector = sinsp::Inspector::open(options);
    sinsp::FieldExtractor extractor(*inspector);
    AlertCounters counters(engine.rules().size());
    while (const sinsp::Event* event = inspector->next()) {
        ++out.events;
        extractor.bind(*event);
        int matched = engine.match(*event, extractor);
        if (matched < 0) {
            continue;
        }
        const CompiledRule& rule = engine.rules()[matched];
        counters.count(matched, rule.priority);
        std::string line;
        rule.formatter->format(extractor, line);
        out.alerts.push_back(Alert{event->num(), rule.name, line});
    }
    out.summary = counters.summary_text(engine.rules());
    return out;
}

Replay run(Loaded& l, const std::string& capture) {
    EXPECT_TRUE(l.outcome.ok) << (l.errors().empty() ? "" : problem_summary(l.errors()[0]));
    return run(l.engine, capture);
}

std::string rule_with(const std::string& name, const std::string& condition,
                      const std::string& priority = "WARNING", const std::string& extra = "") {
    return "- rule: " + name + "\n  desc: d\n  condition: " + condition +
           "\n  output: \"An open was seen (command=%proc.cmdline)\"\n  priority: " + priority +
           "\n" + extra;
}

const std::string kOpenFromCat = rule_with("open_from_cat", "evt.type=open and proc.name=cat");
const std::string kDevNull =
    rule_with("dev_null", "evt.type=open and fd.name=/dev/null", "INFO", "  tags: [devnull]\n");

TEST(Matching, EveryOpenEventOfCat) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kOpenFromCat);
    Replay r = run(l, capture);
    // 85 events of cat, and the capture's internal and meta events (process list...).
    EXPECT_EQ(r.events, 345u);
    ASSERT_EQ(r.alerts.size(), 8u);
    EXPECT_EQ(r.alerts[0].num, 140u); // the enter event
    EXPECT_EQ(r.alerts[1].num, 141u); // and the exit
    // Rules are only evaluated on events of their types.
    EXPECT_EQ(l.engine.evaluations(), 8u);
}

TEST(Matching, AlertLine) {
    REQUIRE_CAPTURE(capture);
    CompileOptions options;
    options.output.time_iso8601 = true;
    Loaded l = load(kOpenFromCat, options);
    Replay r = run(l, capture);
    ASSERT_EQ(r.alerts.size(), 8u);
    EXPECT_EQ(r.alerts[0].line,
              "2016-08-04T16:17:57.881781397+0000: Warning An open was seen (command=cat "
              "/dev/null)");
}

TEST(Matching, ContainerInfoAndExtra) {
    REQUIRE_CAPTURE(capture);
    CompileOptions options;
    options.output.time_iso8601 = true;
    options.output.extra = "pid=%proc.pid";
    Loaded l = load("- rule: r\n  desc: d\n  condition: evt.type=open and evt.dir=<\n"
                    "  output: \"%proc.name %fd.cport %container.info\"\n  priority: DEBUG\n",
                    options);
    Replay r = run(l, capture);
    ASSERT_EQ(r.alerts.size(), 4u);
    EXPECT_TRUE(contains(r.alerts[0].line, ": Debug cat <NA> host (id=host) pid="))
        << r.alerts[0].line;
}

TEST(Matching, FirstMatchingRuleWins) {
    REQUIRE_CAPTURE(capture);
    // dev_null matches one event (the exit of the open of /dev/null), which then is not
    // open_from_cat's.
    Loaded l = load(kDevNull + kOpenFromCat);
    Replay r = run(l, capture);
    EXPECT_EQ(r.alerts.size(), 8u);
    EXPECT_EQ(r.counts(), (std::map<std::string, size_t>{{"dev_null", 1}, {"open_from_cat", 7}}));
    Loaded reversed = load(kOpenFromCat + kDevNull);
    Replay q = run(reversed, capture);
    EXPECT_EQ(q.counts(), (std::map<std::string, size_t>{{"open_from_cat", 8}}));
}

TEST(Matching, RedefinedRuleKeepsItsFirstPosition) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load_files({{"a.yaml", kOpenFromCat + kDevNull},
                           {"b.yaml", rule_with("open_from_cat", "evt.type=open and evt.dir=<")}});
    Replay r = run(l, capture);
    // open_from_cat still comes first: it takes the four exits, dev_null none.
    EXPECT_EQ(r.counts(), (std::map<std::string, size_t>{{"open_from_cat", 4}}));
}

TEST(Matching, RulesOfLaterFilesComeLater) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load_files({{"a.yaml", kOpenFromCat}, {"b.yaml", kDevNull}});
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"open_from_cat", 8}}));
}

TEST(Matching, DisabledRulesDoNotMatch) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kDevNull + kOpenFromCat + "- rule: dev_null\n  enabled: false\n");
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"open_from_cat", 8}}));
}

TEST(Matching, UnrestrictedRuleRunsOnEveryEvent) {
    REQUIRE_CAPTURE(capture);
    Loaded l =
        load(kDevNull + rule_with("cat", "proc.name=cat", "DEBUG", "  warn_evttypes: false\n"));
    Replay r = run(l, capture);
    // Every event of cat but the one dev_null took.
    EXPECT_EQ(r.counts(), (std::map<std::string, size_t>{{"dev_null", 1}, {"cat", 84}}));
    // Every event at all, internal ones included.
    Loaded all = load(rule_with("all", "evt.num > 0", "DEBUG", "  warn_evttypes: false\n"));
    Replay a = run(all, capture);
    EXPECT_EQ(a.alerts.size(), a.events);
}

TEST(Matching, EnterAndExitAndInternalEventsAreEvaluated) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(rule_with("r", "evt.type in (open, procexit, execve)"));
    Replay r = run(l, capture);
    // 4 open enters and exits, the execve exit, and procexit.
    EXPECT_EQ(r.counts()["r"], 10u);
}

TEST(Matching, DisableMatchingSubstring) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kDevNull + kOpenFromCat);
    l.engine.disable_matching("_null");
    EXPECT_FALSE(l.rule("dev_null")->enabled);
    EXPECT_TRUE(l.rule("open_from_cat")->enabled);
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"open_from_cat", 8}}));
    l.engine.disable_matching("open");
    EXPECT_TRUE(run(l, capture).alerts.empty());
}

TEST(Matching, DisableTagged) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kDevNull + kOpenFromCat);
    l.engine.disable_tagged("devnul"); // whole tags only
    EXPECT_TRUE(l.rule("dev_null")->enabled);
    l.engine.disable_tagged("devnull");
    EXPECT_FALSE(l.rule("dev_null")->enabled);
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"open_from_cat", 8}}));
}

TEST(Matching, EnableOnlyTagged) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kOpenFromCat + kDevNull +
                    rule_with("tagged_close", "evt.type=close", "NOTICE", "  tags: [x, fs]\n"));
    l.engine.enable_only_tagged({"devnull", "fs"});
    EXPECT_FALSE(l.rule("open_from_cat")->enabled);
    EXPECT_TRUE(l.rule("dev_null")->enabled);
    EXPECT_TRUE(l.rule("tagged_close")->enabled);
    EXPECT_EQ(run(l, capture).counts(),
              (std::map<std::string, size_t>{{"dev_null", 1}, {"tagged_close", 12}}));
}

TEST(Matching, SetEnabled) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kDevNull + kOpenFromCat);
    l.engine.set_enabled("open_from_cat", false);
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"dev_null", 1}}));
    l.engine.set_enabled("open_from_cat", true);
    EXPECT_EQ(run(l, capture).alerts.size(), 8u);
}

TEST(Matching, ExceptionsExcludeEvents) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load(kOpenFromCat + "  exceptions:\n    - name: devnull\n      fields: fd.name\n"
                                   "      values: [/dev/null]\n");
    // The enter events have no fd.name: `in` is false there, so they still match.
    EXPECT_EQ(run(l, capture).alerts.size(), 7u);
}

TEST(Matching, ExceptionsBindToTheLastOrTerm) {
    REQUIRE_CAPTURE(capture);
    // `evt.type=close or evt.type=open and not (...)`: the closes still match.
    Loaded l = load(rule_with("r", "evt.type=close or evt.type=open", "WARNING",
                              "  exceptions:\n    - name: cat\n      fields: proc.name\n"
                              "      values: [cat]\n"));
    EXPECT_EQ(run(l, capture).counts(), (std::map<std::string, size_t>{{"r", 12}}));
}

TEST(Matching, ListsAndMacros) {
    REQUIRE_CAPTURE(capture);
    Loaded l = load("- list: cat_binaries\n  items: [cat]\n"
                    "- list: files\n  items: [/dev/null, /etc/ld.so.cache]\n"
                    "- macro: opened\n  condition: evt.type=open and evt.dir=<\n" +
                    rule_with("r", "opened and proc.name in (cat_binaries) and fd.name in files"));
    EXPECT_EQ(run(l, capture).alerts.size(), 2u);
}

TEST(Matching, Summary) {
    REQUIRE_CAPTURE(capture);
    Loaded l =
        load(kOpenFromCat +
             rule_with("dev_null", "evt.type=close and evt.dir=> and fd.name=/dev/null", "INFO"));
    Replay r = run(l, capture);
    EXPECT_EQ(r.summary, "Events detected: 9\n"
                         "Rule counts by severity:\n"
                         "   WARNING: 8\n"
                         "   INFO: 1\n"
                         "Triggered rules by rule name:\n"
                         "   open_from_cat: 8\n"
                         "   dev_null: 1\n");
}

TEST(Matching, RulesBelowMinimumPriorityDoNotExist) {
    REQUIRE_CAPTURE(capture);
    CompileOptions options;
    options.min_priority = Priority::kWarning;
    Loaded l = load(kDevNull + kOpenFromCat, options);
    EXPECT_EQ(l.rule_names(), (Names{"open_from_cat"}));
    EXPECT_EQ(run(l, capture).alerts.size(), 8u);
}

} // namespace
} // namespace falco::testing
