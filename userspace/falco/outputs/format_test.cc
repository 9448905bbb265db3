// format_alert_line: the text line and the exact bytes of the JSON line.
#include <gtest/gtest.h>

#include "engine/json_text.h"
#include "outputs/outputs.h"
#include "outputs/test_support.h"

namespace falco {
namespace {

using testing::sample_alert;

OutputsConfig json_config() {
    OutputsConfig config;
    config.json_output = true;
    return config;
}

TEST(FormatTest, TextLineIsTheOutput) {
    Alert alert = sample_alert();
    EXPECT_EQ(format_alert_line(alert, OutputsConfig{}), alert.output);
}

TEST(FormatTest, JsonLineAsTheSpecExample) {
    EXPECT_EQ(
        format_alert_line(sample_alert(), json_config()),
        R"j({"hostname":"test-falco-hostname","output":"2016-08-04T16:17:57.881781397+0000: )j"
        R"j(Warning An open was seen (command=cat /dev/null)","priority":"Warning",)j"
        R"j("rule":"open_from_cat","source":"syscall","tags":["filesystem","process",)j"
        R"j("testing"],"time":"2016-08-04T16:17:57.881781397Z", "output_fields": )j"
        R"j({"evt.time.iso8601":1470327477881781397,"proc.cmdline":"cat /dev/null"}})j");
}

TEST(FormatTest, JsonWithoutOutputAndTags) {
    OutputsConfig config = json_config();
    config.json_include_output_property = false;
    config.json_include_tags_property = false;
    Alert alert = sample_alert();
    alert.output_fields = R"j({"proc.name":null})j";
    EXPECT_EQ(format_alert_line(alert, config),
              R"j({"hostname":"test-falco-hostname","priority":"Warning","rule":"open_from_cat",)j"
              R"j("source":"syscall","time":"2016-08-04T16:17:57.881781397Z", )j"
              R"j("output_fields": {"proc.name":null}})j");
}

TEST(FormatTest, JsonEmptyTagsAndFields) {
    Alert alert;
    alert.rule = "r";
    alert.priority = Priority::kInformational;
    alert.output = "o";
    EXPECT_EQ(format_alert_line(alert, json_config()),
              R"j({"hostname":"","output":"o","priority":"Informational","rule":"r",)j"
              R"j("source":"syscall","tags":[],"time":"1970-01-01T00:00:00.000000000Z", )j"
              R"j("output_fields": {}})j");
}

TEST(FormatTest, JsonStringEscaping) {
    std::string out;
    json::append_string(out, "q\" b\\ /\b\f\n\r\t\x01\x1f\x7f");
    EXPECT_EQ(out, R"j("q\" b\\ /\b\f\n\r\t\u0001\u001f)j"
                   "\x7f\"");
    out.clear();
    json::append_string(out, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xa7");
    EXPECT_EQ(out, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x90\xa7\"") << "valid UTF-8 is kept";
    out.clear();
    // A lone continuation byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF.
    json::append_string(out, "a\x80 \xe2\x82 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80");
    EXPECT_EQ(out, R"j("a\ufffd \ufffd\ufffd \ufffd\ufffd \ufffd\ufffd\ufffd )j"
                   R"j(\ufffd\ufffd\ufffd\ufffd")j");
}

TEST(FormatTest, JsonEscapesAlertStrings) {
    Alert alert = sample_alert();
    alert.output = "a \"quoted\" \\path\\\nnext";
    alert.tags = {"t\"1"};
    std::string line = format_alert_line(alert, json_config());
    EXPECT_NE(line.find(R"j("output":"a \"quoted\" \\path\\\nnext")j"), std::string::npos) << line;
    EXPECT_NE(line.find(R"j("tags":["t\"1"])j"), std::string::npos) << line;
}

TEST(FormatTest, TimeIsUtcWithNanoseconds) {
    EXPECT_EQ(json::iso8601_utc(0), "1970-01-01T00:00:00.000000000Z");
    EXPECT_EQ(json::iso8601_utc(1000000000ull * 86400 * 365 + 5), "1971-01-01T00:00:00.000000005Z");
    EXPECT_EQ(json::iso8601_utc(1732189200123456789ull), "2024-11-21T11:40:00.123456789Z");
}

} // namespace
} // namespace falco
