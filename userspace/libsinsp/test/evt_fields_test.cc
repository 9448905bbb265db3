// The evt.* and syscall.* fields, through the catalogue and the formatter as sinsp-inspect uses
// them: one row per field on a short sequence of events built in memory, then the committed eBPF
// capture. The expected texts are what sysdig 0.29.3 prints for the same events.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "sinsp/fields.h"
#include "sinsp/filter/filter.h"
#include "sinsp/formatter.h"
#include "sinsp/inspector.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using testing::Capture;
using testing::event;
using testing::Param;
using testing::Process;

constexpr uint64_t kShell = 100;
// 2023-11-14 22:13:20 UTC.
constexpr uint64_t kTs = 1700000000000000000ull;

std::vector<Process> processes() {
    Process shell{kShell, kShell, 1, "bash", "bash", "/usr/bin/bash", "/home/user", {}, 0, 0, {}};
    shell.fds = {{3, 1, "/etc/passwd"}, {4, 2, "/tmp"}, {6, 8, "/dev/log"}};
    return {shell};
}

// The events every row looks at, with the time since the previous one.
std::vector<std::string> events() {
    uint64_t ts = kTs;
    auto at = [&](uint64_t delta) { return ts += delta; };
    return {
        // 1, 2: a failed open, 2500 ns long.
        event(SCAP_EV_SYSCALL_OPEN_E, kShell, at(5),
              {{"name", Param::str("/etc/x")}, {"flags", Param::u32(1)}, {"mode", Param::u32(0)}}),
        event(SCAP_EV_SYSCALL_OPEN_X, kShell, at(2500),
              {{"fd", Param::i64(-2)},
               {"name", Param::str("/etc/x")},
               {"flags", Param::u32(1)},
               {"mode", Param::u32(0)},
               {"dev", Param::u32(0)},
               {"ino", Param::u64(0)}}),
        // 3, 4: a read of the file on fd 3.
        event(SCAP_EV_SYSCALL_READ_E, kShell, at(1000),
              {{"fd", Param::i64(3)}, {"size", Param::u32(100)}}),
        event(SCAP_EV_SYSCALL_READ_X, kShell, at(1234567),
              {{"res", Param::i64(5)}, {"data", Param::raw("hello")}}),
        // 5, 6: a message to the syslog socket.
        event(SCAP_EV_SYSCALL_WRITE_E, kShell, at(1000),
              {{"fd", Param::i64(6)}, {"size", Param::u32(12)}}),
        event(SCAP_EV_SYSCALL_WRITE_X, kShell, at(1000),
              {{"res", Param::i64(12)}, {"data", Param::raw("<14>hi there")}}),
        // 7: a generic event (mprotect).
        event(SCAP_EV_GENERIC_X, kShell, at(1000),
              std::vector<Param>{Param::u16(75), Param::u16(10)}),
        // 8: a file created with an execute bit, relative to the directory fd 4.
        event(SCAP_EV_SYSCALL_OPENAT_2_X, kShell, at(2000000000),
              {{"fd", Param::i64(7)},
               {"dirfd", Param::i64(4)},
               {"name", Param::str("x")},
               {"flags", Param::u32(2 | 4)},
               {"mode", Param::u32(0755)}}),
        // 9: a failed mmap, an error of memory.
        event(SCAP_EV_SYSCALL_MMAP_X, kShell, at(1000), {{"res", Param::u64(~0ull - 11)}}),
        // 10, 11: a wait.
        event(SCAP_EV_SYSCALL_EPOLLWAIT_E, kShell, at(1000), {{"maxevents", Param::i64(10)}}),
        event(SCAP_EV_SYSCALL_EPOLLWAIT_X, kShell, at(999999999), {{"res", Param::i64(0)}}),
        // 12: the scheduler (last: sysdig does not count it as the thread's enter event, which
        // the state does).
        event(SCAP_EV_SCHEDSWITCH_6_E, kShell, at(1000),
              {{"next", Param::i64(1)},
               {"pgft_maj", Param::u64(0)},
               {"pgft_min", Param::u64(0)},
               {"vm_size", Param::u32(0)},
               {"vm_rss", Param::u32(0)},
               {"vm_swap", Param::u32(0)}}),
    };
}

class EvtFieldsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        setenv("TZ", "UTC", 1);
        tzset();
    }

    // The format applied to every event ("*": missing values print <NA>).
    std::vector<std::string> render(const std::string& format,
                                    const std::string& filter_text = "") {
        Capture capture(processes(), events());
        auto in = capture.open();
        Formatter formatter("*" + format);
        FieldExtractor extractor(*in);
        std::unique_ptr<filter::CompiledFilter> filter;
        if (!filter_text.empty()) {
            auto result = filter::compile(filter_text, FieldCatalogue::instance());
            EXPECT_TRUE(result.ok()) << filter_text;
            filter = std::move(result.filter);
        }
        std::vector<std::string> lines;
        while (const Event* evt = in->next()) {
            extractor.bind(*evt);
            if (filter && !filter->evaluate(extractor)) {
                continue;
            }
            std::string line;
            formatter.format(extractor, line);
            lines.push_back(line);
        }
        return lines;
    }
};

struct Row {
    const char* format;
    std::vector<std::string> lines; // for events 1 to 12
};

TEST_F(EvtFieldsTest, EveryFieldAsSysdigPrintsIt) {
    const std::string na = "<NA>";
    const Row table[] = {
        {"%evt.num", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},
        {"%evt.time",
         {"22:13:20.000000005", "22:13:20.000002505", "22:13:20.000003505", "22:13:20.001238072",
          "22:13:20.001239072", "22:13:20.001240072", "22:13:20.001241072", "22:13:22.001241072",
          "22:13:22.001242072", "22:13:22.001243072", "22:13:23.001243071", "22:13:23.001244071"}},
        {"%evt.time.s %evt.datetime.s",
         {"22:13:20 2023-11-14 22:13:20", "22:13:20 2023-11-14 22:13:20",
          "22:13:20 2023-11-14 22:13:20", "22:13:20 2023-11-14 22:13:20",
          "22:13:20 2023-11-14 22:13:20", "22:13:20 2023-11-14 22:13:20",
          "22:13:20 2023-11-14 22:13:20", "22:13:22 2023-11-14 22:13:22",
          "22:13:22 2023-11-14 22:13:22", "22:13:22 2023-11-14 22:13:22",
          "22:13:23 2023-11-14 22:13:23", "22:13:23 2023-11-14 22:13:23"}},
        {"%evt.rawtime.s %evt.rawtime.ns %evt.reltime %evt.reltime.s %evt.reltime.ns",
         {"1700000000 000000005 000000000 0 000000000",
          "1700000000 000002505 000002500 0 000002500",
          "1700000000 000003505 000003500 0 000003500",
          "1700000000 001238072 001238067 0 001238067",
          "1700000000 001239072 001239067 0 001239067",
          "1700000000 001240072 001240067 0 001240067",
          "1700000000 001241072 001241067 0 001241067",
          "1700000002 001241072 2001241067 2 001241067",
          "1700000002 001242072 2001242067 2 001242067",
          "1700000002 001243072 2001243067 2 001243067",
          "1700000003 001243071 3001243066 3 001243066",
          "1700000003 001244071 3001244066 3 001244066"}},
        // From the thread's last enter event, whatever its call.
        {"%evt.latency %evt.latency.s %evt.latency.ns %evt.latency.human",
         {"0 0 000000000 0ns", "2500 0 000002500 2.50us", "0 0 000000000 0ns",
          "1234567 0 001234567 1.23ms", "0 0 000000000 0ns", "1000 0 000001000 1.00us",
          "2000 0 000002000 2.00us", "2000002000 2 000002000 2.00s", "2000003000 2 000003000 2.00s",
          "0 0 000000000 0ns", "999999999 0 999999999 999ms", "0 0 000000000 0ns"}},
        {"%evt.dir %evt.type %syscall.type %evt.category %evt.cpu",
         {"> open open file 0", "< open open file 0", "> read read file 0", "< read read file 0",
          "> write write ipc 0", "< write write ipc 0", "< mprotect mprotect memory 0",
          "< openat openat file 0", "< mmap mmap memory 0", "> epoll_wait epoll_wait wait 0",
          "< epoll_wait epoll_wait wait 0", "> switch <NA> scheduler 0"}},
        {"%evt.res %evt.rawres %evt.failed",
         {"<NA> <NA> false", "ENOENT -2 true", "<NA> <NA> false", "SUCCESS 5 false",
          "<NA> <NA> false", "SUCCESS 12 false", "<NA> <NA> false", "SUCCESS 7 false",
          "FFFFFFFFFFFFFFF4 -12 true", "<NA> <NA> false", "SUCCESS 0 false", "<NA> <NA> false"}},
        {"%evt.count %evt.count.error %evt.count.error.file %evt.count.error.memory "
         "%evt.count.error.net %evt.count.error.other %evt.count.exit",
         {"1 <NA> <NA> <NA> <NA> <NA> <NA>", "1 1 1 <NA> <NA> <NA> 1",
          "1 <NA> <NA> <NA> <NA> <NA> <NA>", "1 <NA> <NA> <NA> <NA> <NA> 1",
          "1 <NA> <NA> <NA> <NA> <NA> <NA>", "1 <NA> <NA> <NA> <NA> <NA> 1",
          "1 <NA> <NA> <NA> <NA> <NA> 1", "1 <NA> <NA> <NA> <NA> <NA> 1", "1 1 <NA> 1 <NA> <NA> 1",
          "1 <NA> <NA> <NA> <NA> <NA> <NA>", "1 <NA> <NA> <NA> <NA> <NA> 1",
          "1 <NA> <NA> <NA> <NA> <NA> <NA>"}},
        {"%evt.is_io %evt.is_io_read %evt.is_io_write %evt.io_dir %evt.is_wait %evt.wait_latency",
         {"false false false <NA> false <NA>", "false false false <NA> false <NA>",
          "true true false read false <NA>", "true true false read false <NA>",
          "true false true write false <NA>", "true false true write false <NA>",
          "false false false <NA> false <NA>", "false false false <NA> false <NA>",
          "false false false <NA> false <NA>", "false false false <NA> true <NA>",
          "false false false <NA> true 999999999", "false false false <NA> false <NA>"}},
        {"%evt.buffer %evt.buflen %evt.is_syslog",
         {"<NA> <NA> false", "<NA> <NA> false", "<NA> <NA> false", "hello 5 false",
          "<NA> <NA> true", "<14>hi there 12 true", "<NA> <NA> false", "<NA> <NA> false",
          "<NA> <NA> false", "<NA> <NA> false", "<NA> <NA> false", "<NA> <NA> false"}},
        {"%evt.is_open_read %evt.is_open_write %evt.is_open_exec %evt.abspath %evt.abspath.dst",
         {"false false false <NA> <NA>", "true false false <NA> <NA>",
          "false false false <NA> <NA>", "false false false <NA> <NA>",
          "false false false <NA> <NA>", "false false false <NA> <NA>",
          "false false false <NA> <NA>", "false true true /tmp/x /tmp/x",
          "false false false <NA> <NA>", "false false false <NA> <NA>",
          "false false false <NA> <NA>", "false false false <NA> <NA>"}},
        {"%evt.pluginname %evt.plugininfo", std::vector<std::string>(12, "<NA> <NA>")},
    };
    for (const Row& row : table) {
        EXPECT_EQ(render(row.format), row.lines) << row.format;
    }
}

TEST_F(EvtFieldsTest, ParametersAndInfo) {
    auto lines = render("%evt.args|%evt.info|%evt.arg[0]|%evt.arg.fd|%evt.rawarg.res");
    ASSERT_EQ(lines.size(), 12u);
    EXPECT_EQ(lines[1],
              "fd=-2(ENOENT) name=/etc/x flags=1(O_RDONLY) mode=0 dev=0 |"
              "fd=-2(ENOENT) name=/etc/x flags=1(O_RDONLY) mode=0 dev=0 |ENOENT|ENOENT|<NA>");
    EXPECT_EQ(lines[2], "fd=3(<f>/etc/passwd) size=100 |fd=3(<f>/etc/passwd) size=100 |"
                        "<f>/etc/passwd|<f>/etc/passwd|<NA>");
    EXPECT_EQ(lines[3], "res=5 data=hello |res=5 data=hello |5|<NA>|5");
    // Messages to /dev/log are decoded in evt.info.
    EXPECT_EQ(lines[5], "res=12 data=<14>hi there |syslog sev=info msg=hi there|12|<NA>|12");
    // Generic events show their system call, and no parameters.
    EXPECT_EQ(lines[6], "||mprotect|<NA>|<NA>");
    // evt.rawarg.res prints the mmap result as the signed error sysdig's "res" is.
    EXPECT_EQ(lines[8].substr(lines[8].rfind('|') + 1), "-12");
}

TEST_F(EvtFieldsTest, FiltersOnEvtFields) {
    EXPECT_EQ(render("%evt.num", "evt.type.is.read=1"), (std::vector<std::string>{"3", "4"}));
    EXPECT_EQ(render("%evt.num", "evt.rawarg.res < 0"), (std::vector<std::string>{"9"}));
    EXPECT_EQ(render("%evt.num", "evt.arg.fd contains passwd"), (std::vector<std::string>{"3"}));
    EXPECT_EQ(render("%evt.num", "evt.buffer contains hell"), (std::vector<std::string>{"4"}));
    EXPECT_EQ(render("%evt.num", "evt.failed=true and evt.count.error.file=1"),
              (std::vector<std::string>{"2"}));
    EXPECT_EQ(render("%evt.num", "evt.latency > 1000000000"), (std::vector<std::string>{"8", "9"}));
    EXPECT_EQ(render("%evt.num", "evt.category=wait and evt.dir=<"),
              (std::vector<std::string>{"11"}));
}

TEST_F(EvtFieldsTest, LaterFields) {
    setenv("FALCO_HOSTNAME", "override", 1);
    auto lines = render("%evt.source %evt.hostname %evt.is_async %evt.is_open_create");
    unsetenv("FALCO_HOSTNAME");
    EXPECT_EQ(lines[0], "syscall override false false");
    EXPECT_EQ(render("%evt.hostname")[0], "testhost");
    EXPECT_EQ(render("%evt.outputtime")[0], "22:13:20.000000005");
    EXPECT_EQ(render("%evt.time.iso8601 %evt.datetime")[0],
              "2023-11-14T22:13:20.000000005+0000 2023-11-14 22:13:20.000000005");
}

// The committed eBPF capture: lines sysdig 0.29.3 prints for it.
TEST(EvtFieldsCapture, EbpfSyscalls) {
    const char* srcdir = std::getenv("TEST_SRCDIR");
    std::string path = std::string(srcdir != nullptr ? srcdir : ".") +
                       "/falco/userspace/libsinsp/testdata/captures/ebpf_syscalls.scap";
    OpenOptions options;
    options.path = path;
    auto in = Inspector::open(options);
    Formatter formatter("%evt.num %evt.type %evt.info");
    FieldExtractor extractor(*in);
    std::vector<std::string> lines;
    while (const Event* evt = in->next()) {
        extractor.bind(*evt);
        std::string line;
        if (formatter.format(extractor, line)) {
            lines.push_back(line);
        }
    }
    ASSERT_GT(lines.size(), 50u);
    EXPECT_EQ(lines[1], "2 openat dirfd=-100(AT_FDCWD) name=/tmp/sinsp-record-syscalls/a.txt "
                        "flags=4358(O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC) mode=0644 ");
    EXPECT_EQ(lines[6], "7 write res=15 data=.ELF....binary. ");
}

} // namespace
} // namespace sinsp
