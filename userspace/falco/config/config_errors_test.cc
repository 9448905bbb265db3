// Every configuration error: one line, naming the file or the -o option and the problem.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/test_files.h"

namespace falco {
namespace {

using testing::write_file;

// The message of the ConfigError that loading `yaml` (written to a file) throws.
std::string file_error(const std::string& name, const std::string& yaml,
                       const std::vector<std::string>& overrides = {}) {
    std::string path = write_file(name, yaml);
    try {
        load_config(path, overrides);
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no error for " << yaml;
    return "";
}

// The message of the ConfigError that the overrides alone throw.
std::string override_error(const std::vector<std::string>& overrides) {
    try {
        default_config(overrides);
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        return e.what();
    }
    ADD_FAILURE() << "no error for " << overrides.back();
    return "";
}

std::string in_file(const std::string& name, const std::string& problem) {
    const char* dir = std::getenv("TEST_TMPDIR");
    return "Error reading config file (" + std::string(dir != nullptr ? dir : "/tmp") + "/" + name +
           "): " + problem;
}

TEST(ConfigErrorsTest, MissingFile) {
    try {
        load_config("/nonexistent/falco.yaml", {});
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_STREQ(e.what(), "Error reading config file (/nonexistent/falco.yaml): cannot "
                               "open: No such file or directory");
    }
}

TEST(ConfigErrorsTest, DirectoryIsNotAFile) {
    const char* dir = std::getenv("TEST_TMPDIR");
    std::string path = dir != nullptr ? dir : "/tmp";
    try {
        load_config(path, {});
        FAIL();
    } catch (const ConfigError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "Error reading config file (" + path + "): cannot read: Is a directory");
    }
}

TEST(ConfigErrorsTest, NotYaml) {
    EXPECT_EQ(file_error("bad.yaml", "priority: [debug\n"),
              in_file("bad.yaml", "yaml-cpp: error at line 2, column 1: end of sequence flow "
                                  "not found"));
    EXPECT_EQ(file_error("bad2.yaml", "a: b: c\n"),
              in_file("bad2.yaml", "yaml-cpp: error at line 1, column 5: illegal map value"));
}

TEST(ConfigErrorsTest, NotAMapping) {
    EXPECT_EQ(file_error("list.yaml", "- a\n- b\n"),
              in_file("list.yaml", "the document is a sequence, not a mapping of settings"));
    EXPECT_EQ(file_error("scalar.yaml", "just text\n"),
              in_file("scalar.yaml", "the document is a scalar, not a mapping of settings"));
}

TEST(ConfigErrorsTest, BadValuesInFile) {
    EXPECT_EQ(file_error("v1.yaml", "priority: loud\n"),
              in_file("v1.yaml", "priority: invalid priority 'loud' (expected emergency, alert, "
                                 "critical, error, warning, notice, informational or debug)"));
    EXPECT_EQ(file_error("v2.yaml", "json_output: maybe\n"),
              in_file("v2.yaml", "json_output: expected a boolean (true or false), got 'maybe'"));
    EXPECT_EQ(file_error("v3.yaml", "file_output:\n  enabled: [true]\n"),
              in_file("v3.yaml", "file_output.enabled: expected a boolean, got a sequence"));
    EXPECT_EQ(file_error("v4.yaml", "file_output: true\n"),
              in_file("v4.yaml", "file_output: expected a mapping, got a scalar"));
    EXPECT_EQ(file_error("v5.yaml", "outputs:\n  rate: -1\n"),
              in_file("v5.yaml", "outputs.rate: expected a number >= 0, got '-1'"));
    EXPECT_EQ(file_error("v6.yaml", "outputs:\n  max_burst: lots\n"),
              in_file("v6.yaml", "outputs.max_burst: expected a whole number from 0 to "
                                 "18446744073709551615, got 'lots'"));
    EXPECT_EQ(file_error("v7.yaml", "engine:\n  snaplen: 4294967296\n"),
              in_file("v7.yaml", "engine.snaplen: expected a whole number from 0 to 4294967295, "
                                 "got '4294967296'"));
    EXPECT_EQ(file_error("v8.yaml", "unix_socket_output:\n  mode: 0999\n"),
              in_file("v8.yaml", "unix_socket_output.mode: expected an octal file mode like "
                                 "0660, got '0999'"));
    EXPECT_EQ(file_error("v9.yaml", "engine:\n  kind: kvm\n"),
              in_file("v9.yaml", "engine.kind: invalid engine 'kvm' (expected kmod, ebpf or "
                                 "ptrace)"));
    EXPECT_EQ(file_error("v10.yaml", "rules_file:\n  - /a\n  - {x: 1}\n"),
              in_file("v10.yaml", "rules_file[1]: expected a string, got a mapping"));
    EXPECT_EQ(file_error("v11.yaml", "rules_file: {x: 1}\n"),
              in_file("v11.yaml", "rules_file: expected a list of strings, got a mapping"));
    EXPECT_EQ(file_error("v12.yaml", "log_level: chatty\n"),
              in_file("v12.yaml", "log_level: invalid log level 'chatty' (expected emergency, "
                                  "alert, critical, error, warning, notice, info or debug)"));
    EXPECT_EQ(file_error("v13.yaml", "program_output:\n  program: |\n    a\n    b\n  x: [\n"),
              in_file("v13.yaml", "yaml-cpp: error at line 6, column 1: end of sequence flow "
                                  "not found"));
    EXPECT_EQ(file_error("v14.yaml", "priority: \"a\\nb\"\n"),
              in_file("v14.yaml", "priority: invalid priority 'a\\nb' (expected emergency, "
                                  "alert, critical, error, warning, notice, informational or "
                                  "debug)"));
}

TEST(ConfigErrorsTest, BadOverrideSyntax) {
    EXPECT_EQ(override_error({"priority"}), "Invalid -o option 'priority': expected KEY=VALUE");
    EXPECT_EQ(override_error({"=x"}), "Invalid -o option '=x': empty name in key ''");
    EXPECT_EQ(override_error({"a..b=1"}), "Invalid -o option 'a..b=1': empty name in key 'a..b'");
    EXPECT_EQ(override_error({"a.=1"}), "Invalid -o option 'a.=1': empty name in key 'a.'");
    EXPECT_EQ(override_error({"a[x]=1"}),
              "Invalid -o option 'a[x]=1': bad list index [x] in key 'a[x]'");
    EXPECT_EQ(override_error({"a[]=1"}), "Invalid -o option 'a[]=1': bad list index [] in key "
                                         "'a[]'");
    EXPECT_EQ(override_error({"a[1=1"}), "Invalid -o option 'a[1=1': missing ']' in key 'a[1'");
    EXPECT_EQ(override_error({"a[1]b=1"}),
              "Invalid -o option 'a[1]b=1': unexpected 'b' in key 'a[1]b'");
    EXPECT_EQ(override_error({"a]=1"}), "Invalid -o option 'a]=1': unexpected ']' in key 'a]'");
}

TEST(ConfigErrorsTest, BadOverrideValue) {
    EXPECT_EQ(override_error({"rules_file=[a, b"}),
              "Invalid -o option 'rules_file=[a, b': bad value: yaml-cpp: error at line 1, "
              "column 1: end of sequence flow not found");
    EXPECT_EQ(override_error({"program_output.program=\"unterminated"}),
              "Invalid -o option 'program_output.program=\"unterminated': bad value: yaml-cpp: "
              "error at line 1, column 14: illegal EOF in scalar");
}

TEST(ConfigErrorsTest, OverrideThroughWrongShape) {
    EXPECT_EQ(override_error({"priority=debug", "priority.level=1"}),
              "Invalid -o option 'priority.level=1': priority is a scalar, not a mapping");
    EXPECT_EQ(override_error({"rules_file=[a]", "rules_file.x=1"}),
              "Invalid -o option 'rules_file.x=1': rules_file is a sequence, not a mapping");
    EXPECT_EQ(override_error({"file_output.enabled=true", "file_output[0]=1"}),
              "Invalid -o option 'file_output[0]=1': file_output is a mapping, not a list");
    EXPECT_EQ(override_error({"rules_file[2]=x"}),
              "Invalid -o option 'rules_file[2]=x': rules_file[2]: index out of range "
              "(rules_file has 0 items)");
}

TEST(ConfigErrorsTest, OverrideWithBadValue) {
    EXPECT_EQ(override_error({"priority=loud"}),
              "Invalid -o option 'priority=loud': priority: invalid priority 'loud' (expected "
              "emergency, alert, critical, error, warning, notice, informational or debug)");
    EXPECT_EQ(override_error({"engine.kind=gvisor"}),
              "Invalid -o option 'engine.kind=gvisor': engine.kind: invalid engine 'gvisor' "
              "(expected kmod, ebpf or ptrace)");
    EXPECT_EQ(override_error({"program_output.enabled=1"}),
              "Invalid -o option 'program_output.enabled=1': program_output.enabled: expected a "
              "boolean (true or false), got '1'");
    EXPECT_EQ(override_error({"file_output=x"}),
              "Invalid -o option 'file_output=x': file_output: expected a mapping, got a scalar");
    EXPECT_EQ(override_error({"rules_file[0]={a: 1}"}),
              "Invalid -o option 'rules_file[0]={a: 1}': rules_file[0]: expected a string, got "
              "a mapping");
}

TEST(ConfigErrorsTest, BadValueBlamedOnItsSource) {
    // The file's bad value is not the override's fault, even under the same section.
    EXPECT_EQ(
        file_error("blame1.yaml", "file_output:\n  enabled: maybe\n", {"file_output.filename=/x"}),
        in_file("blame1.yaml",
                "file_output.enabled: expected a boolean (true or false), got 'maybe'"));
    // An override that replaced the whole section is.
    EXPECT_EQ(file_error("blame2.yaml", "file_output:\n  enabled: true\n",
                         {"file_output={enabled: maybe}"}),
              "Invalid -o option 'file_output={enabled: maybe}': file_output.enabled: expected a "
              "boolean (true or false), got 'maybe'");
    // An override that fixed the file's bad value leaves no error.
    std::string path = write_file("blame3.yaml", "priority: loud\n");
    EXPECT_EQ(load_config(path, {"priority=info"}).min_priority, Priority::kInformational);
}

} // namespace
} // namespace falco
