// Output strings at load time (spec §4.1): invalid tokens, the trailing %, %container.info and
// the -p extra text, the alert format around the output.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

using Names = std::vector<std::string>;

std::string rule_with_output(const std::string& output) {
    return "- rule: r\n  desc: d\n  condition: evt.type=open\n  priority: WARNING\n"
           "  output: '" +
           output + "'\n";
}

// The fields the rule's alert format uses, as written.
Names format_fields(const Loaded& l, const std::string& rule = "r") {
    Names out;
    const CompiledRule* r = l.rule(rule);
    if (r == nullptr || r->formatter == nullptr) {
        return {"<no formatter>"};
    }
    for (const sinsp::filter::BoundField& f : r->formatter->fields()) {
        out.push_back(f.to_string());
    }
    return out;
}

TEST(Outputs, InvalidToken) {
    Loaded l = load(rule_with_output("seen %proc.nmae and %fd.name"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileOutput,
                           "invalid formatting token proc.nmae and %fd.name", "rule", "r"));
}

TEST(Outputs, TrailingPercent) {
    Loaded l = load(rule_with_output("seen %proc.name %"));
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileOutput,
                           "invalid formatting syntax: formatting cannot end with a %", "rule",
                           "r"));
}

TEST(Outputs, FieldFormsAndPadding) {
    Loaded l = load(rule_with_output(
        "%20proc.name %evt.arg.name %proc.aname[2] %container.mount.dest[/proc*] %proc.cmdline"));
    ASSERT_TRUE(l.outcome.ok) << problem_summary(l.errors().at(0));
    EXPECT_EQ(format_fields(l), (Names{"evt.time", "proc.name", "evt.arg[name]", "proc.aname[2]",
                                       "container.mount.dest[/proc*]", "proc.cmdline"}));
}

TEST(Outputs, IsoTimeOption) {
    CompileOptions options;
    options.output.time_iso8601 = true;
    Loaded l = load(rule_with_output("seen %proc.name"), options);
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(format_fields(l), (Names{"evt.time.iso8601", "proc.name"}));
}

TEST(Outputs, ContainerInfoDefault) {
    Loaded l = load(rule_with_output("seen %proc.name %container.info"));
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(format_fields(l), (Names{"evt.time", "proc.name", "container.name", "container.id"}));
    // The rule keeps its output as written.
    EXPECT_EQ(l.rule("r")->output, "seen %proc.name %container.info");
}

TEST(Outputs, ExtraIsAppended) {
    CompileOptions options;
    options.output.extra = "user=%user.name";
    Loaded l = load(rule_with_output("seen %proc.name %container.info") +
                        "- rule: s\n  desc: d\n  condition: evt.type=open\n  priority: INFO\n"
                        "  output: plain\n",
                    options);
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(format_fields(l),
              (Names{"evt.time", "proc.name", "container.name", "container.id", "user.name"}));
    EXPECT_EQ(format_fields(l, "s"), (Names{"evt.time", "user.name"}));
}

TEST(Outputs, ExtraReplacesContainerInfo) {
    // -pc: the extra format stands in for %container.info, nothing else is appended there.
    CompileOptions options;
    options.output.extra = "container=%container.name (id=%container.id)";
    options.output.extra_replaces_container_info = true;
    Loaded l = load(rule_with_output("seen %proc.name %container.info"), options);
    ASSERT_TRUE(l.outcome.ok);
    EXPECT_EQ(format_fields(l), (Names{"evt.time", "proc.name", "container.name", "container.id"}));
}

TEST(Outputs, ExtraWithAnInvalidToken) {
    CompileOptions options;
    options.output.extra = "%nope.nope";
    Loaded l = load(rule_with_output("seen"), options);
    EXPECT_TRUE(fails_with(l, LoadCode::kErrCompileOutput, "invalid formatting token nope.nope",
                           "rule", "r"));
}

TEST(Outputs, ErrorSnippetPointsAtTheRule) {
    Loaded l = load(rule_yaml("ok", "evt.type=open") + rule_with_output("%bad"));
    ASSERT_FALSE(l.outcome.ok);
    Problem p = l.errors().at(0);
    EXPECT_EQ(innermost(p).position.line, 7u);
    EXPECT_EQ(p.snippet, "- rule: r\n  ^\n");
}

} // namespace
} // namespace falco::testing
