// file_output: lines appended, the file kept open or reopened per alert, created 0640.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outputs/outputs.h"
#include "outputs/test_support.h"

namespace falco {
namespace {

using testing::alert_with;
using testing::file_mode;
using testing::quiet_config;
using testing::read_file;

OutputsConfig file_config(const std::string& path, bool keep_alive, bool buffered = false) {
    OutputsConfig config = quiet_config();
    config.file.enabled = true;
    config.file.keep_alive = keep_alive;
    config.file.filename = path;
    config.buffered_outputs = buffered;
    return config;
}

unsigned expected_mode(unsigned mode) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return mode & ~mask;
}

class FileOutputTest : public ::testing::TestWithParam<bool> {};

TEST_P(FileOutputTest, AppendsToExistingContent) {
    testing::TempDir temp;
    std::string path = temp.path() + "/events.txt";
    testing::write_file(path, "before\n");
    {
        Outputs outputs(file_config(path, GetParam()));
        outputs.emit(alert_with("one"));
        EXPECT_EQ(read_file(path), "before\none\n") << "unbuffered: written at once";
        outputs.emit(alert_with("two"));
        EXPECT_EQ(read_file(path), "before\none\ntwo\n");
    }
    EXPECT_EQ(read_file(path), "before\none\ntwo\n");
}

TEST_P(FileOutputTest, CreatesTheFile0640) {
    testing::TempDir temp;
    std::string path = temp.path() + "/new.txt";
    {
        Outputs outputs(file_config(path, GetParam()));
        outputs.emit(alert_with("x"));
    }
    EXPECT_EQ(read_file(path), "x\n");
    EXPECT_EQ(file_mode(path), expected_mode(0640));
}

TEST_P(FileOutputTest, BufferedLinesArriveByTheEnd) {
    testing::TempDir temp;
    std::string path = temp.path() + "/buffered.txt";
    {
        Outputs outputs(file_config(path, GetParam(), true));
        outputs.emit(alert_with("a"));
        outputs.emit(alert_with("b"));
        outputs.flush();
        EXPECT_EQ(read_file(path), "a\nb\n");
        outputs.emit(alert_with("c"));
    }
    EXPECT_EQ(read_file(path), "a\nb\nc\n");
}

INSTANTIATE_TEST_SUITE_P(KeepAlive, FileOutputTest, ::testing::Bool(),
                         [](const auto& test) { return test.param ? "KeepAlive" : "Reopen"; });

TEST(FileOutputRotationTest, ReopenFollowsARotatedFile) {
    testing::TempDir temp;
    std::string path = temp.path() + "/rotated.txt";
    Outputs outputs(file_config(path, false));
    outputs.emit(alert_with("old"));
    ASSERT_EQ(::rename(path.c_str(), (path + ".1").c_str()), 0);
    outputs.emit(alert_with("new"));
    EXPECT_EQ(read_file(path + ".1"), "old\n");
    EXPECT_EQ(read_file(path), "new\n");
}

TEST(FileOutputRotationTest, KeepAliveKeepsWritingTheOpenFile) {
    testing::TempDir temp;
    std::string path = temp.path() + "/kept.txt";
    Outputs outputs(file_config(path, true));
    outputs.emit(alert_with("old"));
    ASSERT_EQ(::rename(path.c_str(), (path + ".1").c_str()), 0);
    outputs.emit(alert_with("new"));
    EXPECT_EQ(read_file(path + ".1"), "old\nnew\n");
    EXPECT_EQ(read_file(path), "");
}

} // namespace
} // namespace falco
