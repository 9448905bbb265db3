// Defaults, the shipped falco.yaml, and every key of a configuration file.
#include "config/config.h"

#include <gtest/gtest.h>

#include "config/test_files.h"

namespace falco {
namespace {

using testing::write_file;

TEST(ConfigTest, DefaultsWithoutFile) {
    Config config = default_config({});
    EXPECT_TRUE(config.rules_files.empty());
    EXPECT_EQ(config.min_priority, Priority::kDebug);
    EXPECT_FALSE(config.outputs.json_output);
    EXPECT_TRUE(config.outputs.json_include_output_property);
    EXPECT_TRUE(config.outputs.json_include_tags_property);
    EXPECT_FALSE(config.outputs.time_format_iso_8601);
    EXPECT_FALSE(config.outputs.buffered_outputs);
    EXPECT_EQ(config.outputs.rate, 0);
    EXPECT_EQ(config.outputs.max_burst, 1000u);
    EXPECT_TRUE(config.outputs.stdout_enabled);
    EXPECT_TRUE(config.outputs.syslog_enabled);
    EXPECT_FALSE(config.outputs.file.enabled);
    EXPECT_FALSE(config.outputs.program.enabled);
    EXPECT_FALSE(config.outputs.unix_socket.enabled);
    EXPECT_EQ(config.outputs.unix_socket.path, "/run/falco/falco.sock");
    EXPECT_EQ(config.outputs.unix_socket.mode, 0660u);
    EXPECT_EQ(config.outputs.unix_socket.group, "");
    EXPECT_EQ(config.engine.kind, "ebpf");
    EXPECT_EQ(config.engine.ebpf_probe, "");
    EXPECT_EQ(config.engine.buffer_bytes, 0u);
    EXPECT_EQ(config.engine.snaplen, 0u);
    EXPECT_TRUE(config.log_stderr);
    EXPECT_TRUE(config.log_syslog);
    EXPECT_EQ(config.log_level, "info");
    EXPECT_EQ(config.source_path, "");
}

TEST(ConfigTest, ShippedFalcoYaml) {
    const std::string path = "userspace/falco/config/falco.yaml";
    Config config = load_config(path, {});
    EXPECT_EQ(config.source_path, path);
    EXPECT_EQ(config.rules_files, (std::vector<std::string>{"/etc/falco/falco_rules.yaml",
                                                            "/etc/falco/falco_rules.local.yaml",
                                                            "/etc/falco/rules.d"}));
    EXPECT_EQ(config.min_priority, Priority::kDebug);
    EXPECT_FALSE(config.outputs.json_output);
    EXPECT_TRUE(config.outputs.stdout_enabled);
    EXPECT_TRUE(config.outputs.syslog_enabled);
    EXPECT_FALSE(config.outputs.file.enabled);
    EXPECT_FALSE(config.outputs.program.enabled);
    EXPECT_FALSE(config.outputs.unix_socket.enabled);
    EXPECT_EQ(config.outputs.unix_socket.path, "/run/falco/falco.sock");
    EXPECT_EQ(config.outputs.unix_socket.mode, 0660u);
    EXPECT_EQ(config.outputs.unix_socket.group, "falco");
    EXPECT_EQ(config.outputs.rate, 0);
    EXPECT_EQ(config.outputs.max_burst, 1000u);
    EXPECT_EQ(config.engine.kind, "ebpf");
    EXPECT_EQ(config.engine.ebpf_probe, "");
    EXPECT_EQ(config.log_level, "info");
}

TEST(ConfigTest, EveryKey) {
    std::string path = write_file("every_key.yaml", R"(
rules_file: [/a.yaml, /b.d]
priority: Warning
json_output: yes
json_include_output_property: off
json_include_tags_property: N
time_format_iso_8601: TRUE
buffered_outputs: On
outputs:
  rate: 0.5
  max_burst: 7
stdout_output:
  enabled: false
syslog_output:
  enabled: no
file_output:
  enabled: true
  keep_alive: y
  filename: /var/log/falco events.txt
program_output:
  enabled: True
  keep_alive: true
  program: "jq '.' | tee -a x"
unix_socket_output:
  enabled: true
  path: /tmp/f.sock
  mode: 0640
  group: adm
engine:
  kind: kmod
  ebpf:
    probe: /p.o
  buffer_bytes: 0x800000
  snaplen: 256
log_stderr: false
log_syslog: false
log_level: DEBUG
some_future_key: {whatever: [1, 2]}
)");
    Config config = load_config(path, {});
    EXPECT_EQ(config.rules_files, (std::vector<std::string>{"/a.yaml", "/b.d"}));
    EXPECT_EQ(config.min_priority, Priority::kWarning);
    const OutputsConfig& out = config.outputs;
    EXPECT_TRUE(out.json_output);
    EXPECT_FALSE(out.json_include_output_property);
    EXPECT_FALSE(out.json_include_tags_property);
    EXPECT_TRUE(out.time_format_iso_8601);
    EXPECT_TRUE(out.buffered_outputs);
    EXPECT_EQ(out.rate, 0.5);
    EXPECT_EQ(out.max_burst, 7u);
    EXPECT_FALSE(out.stdout_enabled);
    EXPECT_FALSE(out.syslog_enabled);
    EXPECT_TRUE(out.file.enabled);
    EXPECT_TRUE(out.file.keep_alive);
    EXPECT_EQ(out.file.filename, "/var/log/falco events.txt");
    EXPECT_TRUE(out.program.enabled);
    EXPECT_TRUE(out.program.keep_alive);
    EXPECT_EQ(out.program.program, "jq '.' | tee -a x");
    EXPECT_TRUE(out.unix_socket.enabled);
    EXPECT_EQ(out.unix_socket.path, "/tmp/f.sock");
    EXPECT_EQ(out.unix_socket.mode, 0640u);
    EXPECT_EQ(out.unix_socket.group, "adm");
    EXPECT_EQ(config.engine.kind, "kmod");
    EXPECT_EQ(config.engine.ebpf_probe, "/p.o");
    EXPECT_EQ(config.engine.buffer_bytes, 0x800000u);
    EXPECT_EQ(config.engine.snaplen, 256u);
    EXPECT_FALSE(config.log_stderr);
    EXPECT_FALSE(config.log_syslog);
    EXPECT_EQ(config.log_level, "debug");
}

TEST(ConfigTest, OneRulesFileAsString) {
    std::string path = write_file("one_rules_file.yaml", "rules_file: /etc/falco/only.yaml\n");
    EXPECT_EQ(load_config(path, {}).rules_files, std::vector<std::string>{"/etc/falco/only.yaml"});
}

TEST(ConfigTest, BooleanSpellings) {
    for (const char* text :
         {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE", "\"true\""}) {
        EXPECT_TRUE(default_config({std::string("json_output=") + text}).outputs.json_output)
            << text;
    }
    for (const char* text :
         {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"}) {
        EXPECT_FALSE(
            default_config({std::string("stdout_output.enabled=") + text}).outputs.stdout_enabled)
            << text;
    }
}

TEST(ConfigTest, ModeSpellings) {
    for (const char* text : {"0660", "\"0660\"", "660", "0o660"}) {
        EXPECT_EQ(default_config({std::string("unix_socket_output.mode=") + text})
                      .outputs.unix_socket.mode,
                  0660u)
            << text;
    }
}

TEST(ConfigTest, NullValuesKeepDefaults) {
    std::string path = write_file("nulls.yaml", R"(
rules_file:
priority: ~
stdout_output:
file_output:
  enabled:
  filename: null
unix_socket_output:
  path:
engine:
)");
    Config config = load_config(path, {});
    EXPECT_TRUE(config.rules_files.empty());
    EXPECT_EQ(config.min_priority, Priority::kDebug);
    EXPECT_TRUE(config.outputs.stdout_enabled);
    EXPECT_FALSE(config.outputs.file.enabled);
    EXPECT_EQ(config.outputs.unix_socket.path, "/run/falco/falco.sock");
    EXPECT_EQ(config.engine.kind, "ebpf");
}

TEST(ConfigTest, EmptyFileIsAllDefaults) {
    std::string path = write_file("empty.yaml", "# nothing set\n");
    Config config = load_config(path, {});
    EXPECT_TRUE(config.outputs.stdout_enabled);
    EXPECT_EQ(config.engine.kind, "ebpf");
    EXPECT_EQ(config.source_path, path);
}

TEST(ConfigTest, EveryEngineKind) {
    for (const char* kind : {"kmod", "ebpf", "ptrace"}) {
        EXPECT_EQ(default_config({std::string("engine.kind=") + kind}).engine.kind, kind);
    }
}

} // namespace
} // namespace falco
