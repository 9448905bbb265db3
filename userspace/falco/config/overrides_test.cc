// `-o KEY=VALUE`: dotted keys, list indexes, flow lists, and values read as YAML scalars.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/test_files.h"

namespace falco {
namespace {

using testing::write_file;
using Strings = std::vector<std::string>;

std::string rules_yaml() {
    return write_file("rules.yaml", R"(
rules_file:
  - /one.yaml
  - /two.yaml
file_output:
  enabled: false
  filename: /from/file.txt
)");
}

TEST(OverridesTest, DottedKeyChangesFileValue) {
    Config config = load_config(rules_yaml(), {"file_output.enabled=true"});
    EXPECT_TRUE(config.outputs.file.enabled);
    EXPECT_EQ(config.outputs.file.filename, "/from/file.txt");
}

TEST(OverridesTest, DottedKeyCreatesMappings) {
    Config config = default_config({"engine.ebpf.probe=/x/probe.o", "program_output.enabled=on"});
    EXPECT_EQ(config.engine.ebpf_probe, "/x/probe.o");
    EXPECT_TRUE(config.outputs.program.enabled);
}

TEST(OverridesTest, IndexReplacesAndAppends) {
    Config config = load_config(rules_yaml(), {"rules_file[1]=/2.yaml", "rules_file[2]=/3.yaml"});
    EXPECT_EQ(config.rules_files, (Strings{"/one.yaml", "/2.yaml", "/3.yaml"}));
}

TEST(OverridesTest, IndexCreatesList) {
    Config config = default_config({"rules_file[0]=/only.yaml"});
    EXPECT_EQ(config.rules_files, Strings{"/only.yaml"});
}

TEST(OverridesTest, IndexInsideNestedKeys) {
    // Unknown keys are ignored once set: base.list[0]=y must be accepted.
    Config config = default_config({"base.list[0]=y", "base.list[1]=z", "base.list[0]=w"});
    EXPECT_EQ(config.engine.kind, "ebpf");
}

TEST(OverridesTest, FlowSequenceReplacesList) {
    Config config = load_config(rules_yaml(), {"rules_file=[/a.yaml, /b.yaml, /c.d]"});
    EXPECT_EQ(config.rules_files, (Strings{"/a.yaml", "/b.yaml", "/c.d"}));
}

TEST(OverridesTest, ScalarReplacesList) {
    Config config = load_config(rules_yaml(), {"rules_file=/single.yaml"});
    EXPECT_EQ(config.rules_files, Strings{"/single.yaml"});
}

TEST(OverridesTest, FlowMappingReplacesSection) {
    Config config =
        load_config(rules_yaml(), {"file_output={enabled: true, filename: /o.txt, keep_alive: y}"});
    EXPECT_TRUE(config.outputs.file.enabled);
    EXPECT_TRUE(config.outputs.file.keep_alive);
    EXPECT_EQ(config.outputs.file.filename, "/o.txt");
}

TEST(OverridesTest, ValuesAreYamlScalars) {
    Config config = default_config({
        "program_output.program='quoted # not a comment'",
        "file_output.filename=/plain.txt # a comment",
        "outputs.rate=2.5",
        "priority=\"error\"",
    });
    EXPECT_EQ(config.outputs.program.program, "quoted # not a comment");
    EXPECT_EQ(config.outputs.file.filename, "/plain.txt");
    EXPECT_EQ(config.outputs.rate, 2.5);
    EXPECT_EQ(config.min_priority, Priority::kError);
}

TEST(OverridesTest, TextThatLooksLikeBlockYamlIsAString) {
    Config config = default_config({"program_output.program=logger -t falco: alert"});
    EXPECT_EQ(config.outputs.program.program, "logger -t falco: alert");
    config = default_config({"program_output.program=- dash"});
    EXPECT_EQ(config.outputs.program.program, "- dash");
}

TEST(OverridesTest, ValueMayContainEquals) {
    Config config = default_config({"program_output.program=env A=b cat"});
    EXPECT_EQ(config.outputs.program.program, "env A=b cat");
}

TEST(OverridesTest, EmptyValueKeepsDefault) {
    Config config = default_config({"unix_socket_output.path="});
    EXPECT_EQ(config.outputs.unix_socket.path, "/run/falco/falco.sock");
}

TEST(OverridesTest, LaterOverrideWins) {
    Config config = default_config({"priority=error", "priority=notice"});
    EXPECT_EQ(config.min_priority, Priority::kNotice);
}

TEST(OverridesTest, OverridesDoNotChangeTheFile) {
    std::string path = rules_yaml();
    load_config(path, {"rules_file[0]=/changed.yaml"});
    EXPECT_EQ(load_config(path, {}).rules_files, (Strings{"/one.yaml", "/two.yaml"}));
}

} // namespace
} // namespace falco
