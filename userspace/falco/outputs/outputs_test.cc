// Outputs: rate limiting, flushing per alert or when asked, stdout, and open errors.
#include "outputs/outputs.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "outputs/test_support.h"

namespace falco {
namespace {

using testing::quiet_config;
using testing::read_file;
using testing::sample_alert;

// Records what Outputs hands to an output. The log outlives the output (owned by Outputs).
struct Log {
    std::vector<std::string> lines;
    std::vector<Priority> priorities;
    int flushes = 0;
};

class RecordingOutput : public Output {
public:
    explicit RecordingOutput(Log& log) : log_(log) {}
    void write(const Alert& alert, const std::string& line) override {
        log_.lines.push_back(line);
        log_.priorities.push_back(alert.priority);
    }
    void flush() override { ++log_.flushes; }

private:
    Log& log_;
};

TEST(OutputsTest, EveryAlertReachesAddedOutput) {
    Log log;
    {
        Outputs outputs(quiet_config());
        outputs.add(std::make_unique<RecordingOutput>(log));
        Alert alert = sample_alert();
        outputs.emit(alert);
        alert.priority = Priority::kCritical;
        outputs.emit(alert);
        EXPECT_EQ(outputs.dropped(), 0u);
    }
    EXPECT_EQ(log.lines, (std::vector<std::string>{sample_alert().output, sample_alert().output}));
    EXPECT_EQ(log.priorities, (std::vector<Priority>{Priority::kWarning, Priority::kCritical}));
}

TEST(OutputsTest, JsonLinesWhenConfigured) {
    Log log;
    OutputsConfig config = quiet_config();
    config.json_output = true;
    Outputs outputs(config);
    outputs.add(std::make_unique<RecordingOutput>(log));
    outputs.emit(sample_alert());
    ASSERT_EQ(log.lines.size(), 1u);
    EXPECT_EQ(log.lines[0], format_alert_line(sample_alert(), config));
    EXPECT_EQ(log.lines[0].rfind("{\"hostname\":", 0), 0u);
}

TEST(OutputsTest, UnbufferedFlushesEveryAlert) {
    Log log;
    Outputs outputs(quiet_config());
    outputs.add(std::make_unique<RecordingOutput>(log));
    outputs.emit(sample_alert());
    outputs.emit(sample_alert());
    EXPECT_EQ(log.flushes, 2);
}

TEST(OutputsTest, BufferedFlushesWhenAskedAndAtTheEnd) {
    Log log;
    {
        OutputsConfig config = quiet_config();
        config.buffered_outputs = true;
        Outputs outputs(config);
        outputs.add(std::make_unique<RecordingOutput>(log));
        outputs.emit(sample_alert());
        outputs.emit(sample_alert());
        EXPECT_EQ(log.flushes, 0);
        outputs.flush();
        EXPECT_EQ(log.flushes, 1);
    }
    EXPECT_EQ(log.flushes, 2) << "the destructor flushes";
}

TEST(OutputsTest, RateLimiterDropsBeyondTheBurst) {
    Log log;
    OutputsConfig config = quiet_config();
    config.rate = 0.001; // one token every 1000 s: none comes back during the test
    config.max_burst = 3;
    Outputs outputs(config);
    outputs.add(std::make_unique<RecordingOutput>(log));
    for (int i = 0; i < 10; ++i) {
        outputs.emit(sample_alert());
    }
    EXPECT_EQ(log.lines.size(), 3u);
    EXPECT_EQ(outputs.dropped(), 7u);
}

TEST(OutputsTest, RateZeroIsUnlimited) {
    Log log;
    OutputsConfig config = quiet_config();
    config.rate = 0;
    config.max_burst = 1;
    Outputs outputs(config);
    outputs.add(std::make_unique<RecordingOutput>(log));
    for (int i = 0; i < 5000; ++i) {
        outputs.emit(sample_alert());
    }
    EXPECT_EQ(log.lines.size(), 5000u);
    EXPECT_EQ(outputs.dropped(), 0u);
}

TEST(OutputsTest, StdoutGetsOneLinePerAlert) {
    testing::TempDir temp;
    std::string path = temp.path() + "/stdout.txt";
    std::fflush(stdout);
    int saved = ::dup(STDOUT_FILENO);
    int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    ASSERT_GE(file, 0);
    ::dup2(file, STDOUT_FILENO);
    ::close(file);
    {
        OutputsConfig config = quiet_config();
        config.stdout_enabled = true;
        Outputs outputs(config);
        Alert alert = sample_alert();
        outputs.emit(alert);
        alert.output = "second";
        outputs.emit(alert);
    }
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    EXPECT_EQ(read_file(path), sample_alert().output + "\nsecond\n");
}

TEST(OutputsTest, OpenErrorsNameTheOutput) {
    OutputsConfig config = quiet_config();
    config.file.enabled = true;
    config.file.filename = "/nonexistent-dir/events.txt";
    try {
        Outputs outputs(config);
        FAIL() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "file_output: cannot open /nonexistent-dir/events.txt: No such "
                               "file or directory");
    }
}

} // namespace
} // namespace falco
