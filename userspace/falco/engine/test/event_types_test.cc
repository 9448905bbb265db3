// The event types of a rule (spec §3.4) and LOAD_NO_EVTTYPE.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

const CompiledRule& compiled(const Loaded& l) {
    static const CompiledRule kNone;
    if (!l.outcome.ok || l.engine.rules().empty()) {
        ADD_FAILURE() << "no rule: "
                      << (l.errors().empty() ? "" : problem_summary(l.errors().at(0)));
        return kNone;
    }
    return l.engine.rules()[0];
}

bool warned(const Loaded& l) {
    return !l.warnings(LoadCode::kNoEvttype).empty();
}

TEST(EventTypes, SpecExamples) {
    Loaded a = load(rule_yaml("r", "evt.type=open and proc.name=cat"));
    EXPECT_EQ(compiled(a).event_types.names(), (Names{"open"}));
    EXPECT_FALSE(compiled(a).event_types.is_complement());
    EXPECT_FALSE(warned(a));

    Loaded b = load(rule_yaml("r", "not evt.type=open and proc.name=cat"));
    EXPECT_TRUE(compiled(b).event_types.is_complement());
    EXPECT_EQ(compiled(b).event_types.names(), (Names{"open"}));
    EXPECT_FALSE(compiled(b).event_types.contains("open"));
    EXPECT_TRUE(compiled(b).event_types.contains("close"));
    EXPECT_TRUE(warned(b));

    Loaded c = load(rule_yaml("r", "proc.name=cat"));
    EXPECT_TRUE(compiled(c).event_types.is_all());
    EXPECT_TRUE(warned(c));

    Loaded d = load(rule_yaml("r", "evt.type in (open, execve) or evt.type=connect"));
    EXPECT_EQ(compiled(d).event_types.names(), (Names{"connect", "execve", "open"}));
    EXPECT_FALSE(warned(d));
}

TEST(EventTypes, Operators) {
    EXPECT_EQ(compiled(load(rule_yaml("r", "evt.type==open"))).event_types.names(),
              (Names{"open"}));
    Loaded ne = load(rule_yaml("r", "evt.type!=open"));
    EXPECT_TRUE(compiled(ne).event_types.is_complement());
    EXPECT_EQ(compiled(ne).event_types.names(), (Names{"open"}));
    // Any other check on evt.type is neutral.
    EXPECT_TRUE(compiled(load(rule_yaml("r", "evt.type startswith op"))).event_types.is_all());
}

TEST(EventTypes, AndIntersectsOrUnites) {
    Loaded l = load(rule_yaml("r", "evt.type in (open, close, read) and "
                                   "(evt.type=open or evt.type=read or proc.name=cat)"));
    // The `or` with a neutral check is all types; intersected with the three.
    EXPECT_EQ(compiled(l).event_types.names(), (Names{"close", "open", "read"}));
    Loaded m = load(rule_yaml("r", "evt.type in (open, close, read) and "
                                   "(evt.type=open or evt.type=read)"));
    EXPECT_EQ(compiled(m).event_types.names(), (Names{"open", "read"}));
}

TEST(EventTypes, NegationIsPushedToTheLeaves) {
    // not (evt.type=open or evt.type=close) = all but open and close.
    Loaded l = load(rule_yaml("r", "not (evt.type=open or evt.type=close)"));
    EXPECT_TRUE(compiled(l).event_types.is_complement());
    EXPECT_EQ(compiled(l).event_types.names(), (Names{"close", "open"}));
    // not (evt.type=open and proc.name=cat) = all but open, or all: all.
    EXPECT_TRUE(compiled(load(rule_yaml("r", "not (evt.type=open and proc.name=cat)")))
                    .event_types.is_all());
    // A negated neutral check stays neutral.
    EXPECT_EQ(
        compiled(load(rule_yaml("r", "evt.type=open and not proc.name=cat"))).event_types.names(),
        (Names{"open"}));
    // not not
    EXPECT_EQ(compiled(load(rule_yaml("r", "not not evt.type=open"))).event_types.names(),
              (Names{"open"}));
}

TEST(EventTypes, FromMacrosAndLists) {
    Loaded l = load("- list: l\n  items: [open, openat]\n"
                    "- macro: m\n  condition: evt.type in (l) and evt.dir=<\n" +
                    rule_yaml("r", "m and proc.name=cat"));
    EXPECT_EQ(compiled(l).event_types.names(), (Names{"open", "openat"}));
}

TEST(EventTypes, EmptySetWarns) {
    Loaded l = load(rule_yaml("r", "evt.type=open and evt.type=close"));
    EXPECT_TRUE(compiled(l).event_types.is_empty());
    EXPECT_TRUE(warns_with(
        l, LoadCode::kNoEvttype,
        "Rule matches too many evt.type values. This has a significant performance penalty.",
        "rule", "r"));
}

TEST(EventTypes, ManyTypesWarn) {
    // More than 100 names: the universe without a few.
    std::string condition = "evt.type exists and not evt.type in (open, close)";
    Loaded l = load(rule_yaml("r", condition));
    EXPECT_TRUE(warned(l));
    EXPECT_GT(event_type_universe().size(), 100u);
}

TEST(EventTypes, AHundredTypesDoNotWarn) {
    Names universe = event_type_universe();
    ASSERT_GT(universe.size(), 101u);
    auto list_of = [&](size_t n) {
        std::string items;
        for (size_t i = 0; i < n; ++i) {
            items += (i > 0 ? ", " : "") + universe[i];
        }
        return "- list: many\n  items: [" + items + "]\n" + rule_yaml("r", "evt.type in (many)");
    };
    Loaded hundred = load(list_of(100));
    EXPECT_EQ(compiled(hundred).event_types.names().size(), 100u);
    EXPECT_FALSE(warned(hundred));
    Loaded more = load(list_of(101));
    EXPECT_TRUE(warned(more));
}

TEST(EventTypes, WarnEvttypesFalseSilences) {
    Loaded l = load(rule_yaml("r", "proc.name=cat", "  warn_evttypes: false\n"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_FALSE(l.result().has_warnings());
    EXPECT_TRUE(compiled(l).event_types.is_all()); // still loaded, runs on every event
}

TEST(EventTypes, UniverseHasEveryNameOnce) {
    Names universe = event_type_universe();
    Names sorted = universe;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (const char* name : {"open", "openat", "execve", "connect", "read", "container"}) {
        EXPECT_NE(std::find(universe.begin(), universe.end(), name), universe.end()) << name;
    }
}

} // namespace
} // namespace falco::testing
