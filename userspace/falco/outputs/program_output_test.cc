// program_output: lines reach the program's stdin; one process, or one per alert; a program
// that stops reading does not hurt falco (no SIGPIPE).
#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <unistd.h>

#include "outputs/outputs.h"
#include "outputs/test_support.h"

namespace falco {
namespace {

using testing::alert_with;
using testing::read_file;

OutputsConfig program_config(const std::string& program, bool keep_alive, bool buffered = false) {
    OutputsConfig config = testing::quiet_config();
    config.program.enabled = true;
    config.program.keep_alive = keep_alive;
    config.program.program = program;
    config.buffered_outputs = buffered;
    return config;
}

size_t count_lines(const std::string& text) {
    return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ProgramOutputTest, OneProcessPerAlert) {
    testing::TempDir temp;
    std::string dir = temp.path();
    std::string program = "echo started >> " + dir + "/starts; cat >> " + dir + "/alerts";
    Outputs outputs(program_config(program, false));
    outputs.emit(alert_with("one"));
    EXPECT_EQ(read_file(dir + "/alerts"), "one\n") << "the process is waited for";
    outputs.emit(alert_with("two"));
    outputs.emit(alert_with("three"));
    EXPECT_EQ(read_file(dir + "/alerts"), "one\ntwo\nthree\n");
    EXPECT_EQ(count_lines(read_file(dir + "/starts")), 3u);
}

TEST(ProgramOutputTest, KeepAliveUsesOneProcess) {
    testing::TempDir temp;
    std::string dir = temp.path();
    std::string program = "echo started >> " + dir + "/starts; cat >> " + dir + "/alerts";
    {
        Outputs outputs(program_config(program, true));
        outputs.emit(alert_with("one"));
        outputs.emit(alert_with("two"));
        outputs.emit(alert_with("three"));
    }
    // Destroying the outputs closed the program's stdin and waited for it.
    EXPECT_EQ(read_file(dir + "/alerts"), "one\ntwo\nthree\n");
    EXPECT_EQ(count_lines(read_file(dir + "/starts")), 1u);
}

TEST(ProgramOutputTest, KeepAliveBuffered) {
    testing::TempDir temp;
    std::string dir = temp.path();
    {
        Outputs outputs(program_config("cat >> " + dir + "/alerts", true, true));
        for (int i = 0; i < 100; ++i) {
            outputs.emit(alert_with("line " + std::to_string(i)));
        }
    }
    EXPECT_EQ(count_lines(read_file(dir + "/alerts")), 100u);
}

// Writes for a while to a program that exits without reading its input.
void write_to_exited_program(bool keep_alive) {
    Outputs outputs(program_config("exec 0<&-; exit 0", keep_alive));
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
    int emitted = 0;
    while (std::chrono::steady_clock::now() < end || emitted < 20) {
        outputs.emit(alert_with(std::string(1000, 'x')));
        ++emitted;
    }
}

TEST(ProgramOutputTest, ExitedKeepAliveProgramDoesNotKillFalco) {
    write_to_exited_program(true);
    SUCCEED() << "still running: no SIGPIPE";
}

TEST(ProgramOutputTest, ExitedProgramPerAlertDoesNotKillFalco) {
    write_to_exited_program(false);
    SUCCEED() << "still running: no SIGPIPE";
}

TEST(ProgramOutputTest, KeepAliveRestartsAProgramThatExited) {
    testing::TempDir temp;
    std::string dir = temp.path();
    // Each process takes one line and exits.
    std::string program = "head -n 1 >> " + dir + "/alerts";
    Outputs outputs(program_config(program, true));
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int emitted = 0;
    while (count_lines(read_file(dir + "/alerts")) < 2 && std::chrono::steady_clock::now() < end) {
        outputs.emit(alert_with("alert " + std::to_string(emitted++)));
        ::usleep(1000);
    }
    EXPECT_GE(count_lines(read_file(dir + "/alerts")), 2u);
}

} // namespace
} // namespace falco
