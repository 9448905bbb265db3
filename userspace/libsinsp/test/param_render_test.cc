// Parameters as sysdig 0.29.3 prints them: one row per parameter type and print format, on events
// built in memory, and the path, buffer, address and flag helpers on their own. The expected
// texts are what sysdig prints for the same records.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "event/legacy_schema.h"
#include "event/param_render.h"
#include "event/render_net.h"
#include "event/render_path.h"
#include "event/value_names.h"
#include "sinsp/inspector.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using testing::Capture;
using testing::event;
using testing::Param;
using testing::Process;

constexpr uint64_t kShell = 100;
constexpr uint64_t kTs = 1700000000000000000ull;

std::vector<Process> processes() {
    Process shell{kShell, kShell, 1, "bash", "bash", "/usr/bin/bash", "/home/user", {}, 0, 0, {}};
    shell.fds = {
        {3, 1, "/etc/passwd"}, {4, 2, "/tmp"}, {5, 7, "pipe:[1234]"}, {6, 8, "/run/x.sock"}};
    return {shell};
}

std::string le16(uint16_t v) {
    return std::string(reinterpret_cast<const char*>(&v), 2);
}

std::string le64(uint64_t v) {
    return std::string(reinterpret_cast<const char*>(&v), 8);
}

// A poll fd list: count, then fd and flags for each.
Param fdlist(const std::vector<std::pair<int64_t, int16_t>>& fds) {
    std::string out = le16(static_cast<uint16_t>(fds.size()));
    for (const auto& [fd, flags] : fds) {
        out += le64(static_cast<uint64_t>(fd));
        out += le16(static_cast<uint16_t>(flags));
    }
    return Param::raw(out);
}

Param ipv6_addr(const std::string& bytes16, uint16_t port) {
    return Param::raw(std::string(1, '\x0a') + bytes16 + le16(port));
}

const std::string kLoopback6 = std::string(15, '\0') + "\x01";

struct Row {
    const char* what;
    std::string record;
    std::string args; // evt.args as sysdig prints it
};

std::vector<Row> rows() {
    uint64_t ts = kTs;
    auto e = [&](uint16_t code, std::map<std::string, Param> params) {
        return event(code, kShell, ++ts, params);
    };
    auto ev = [&](uint16_t code, std::vector<Param> params) {
        return event(code, kShell, ++ts, params);
    };
    return {
        {"absolute path, flags with names, octal mode",
         e(SCAP_EV_SYSCALL_OPEN_E,
           {{"name", Param::str("/etc/x")}, {"flags", Param::u32(4097)}, {"mode", Param::u32(0)}}),
         "name=/etc/x flags=4097(O_RDONLY|O_CLOEXEC) mode=0 "},
        {"relative path resolved against the cwd, flags 0, mode 0644",
         e(SCAP_EV_SYSCALL_OPEN_E,
           {{"name", Param::str("a/../b")}, {"flags", Param::u32(0)}, {"mode", Param::u32(0644)}}),
         "name=a/../b(/home/user/b) flags=0(O_NONE) mode=0644 "},
        {"non-printable bytes: dropped from the path, dots in its resolved form",
         e(SCAP_EV_SYSCALL_OPEN_E,
           {{"name", Param::str("a\tb")}, {"flags", Param::u32(1)}, {"mode", Param::u32(0)}}),
         "name=ab(/home/user/a.b) flags=1(O_RDONLY) mode=0 "},
        {"fd of a file; a 32-bit unsigned number prints signed",
         e(SCAP_EV_SYSCALL_READ_E, {{"fd", Param::i64(3)}, {"size", Param::u32(0xffffffff)}}),
         "fd=3(<f>/etc/passwd) size=-1 "},
        {"fd of a directory, a pipe, a unix socket",
         ev(SCAP_EV_SYSCALL_SPLICE_E, {Param::i64(4), Param::i64(5), Param::u64(1), Param::u32(1)}),
         "fd_in=4(<d>/tmp) fd_out=5(<p>pipe:[1234]) size=1 flags=1(SPLICE_F_MOVE) "},
        {"negative fds: an error, AT_FDCWD; an unknown fd",
         ev(SCAP_EV_SYSCALL_SENDFILE_E,
            {Param::i64(-2), Param::i64(-100), Param::u64(7), Param::u64(1)}),
         "out_fd=-2(ENOENT) in_fd=-100(AT_FDCWD) offset=7 size=1 "},
        {"errno, empty buffer",
         e(SCAP_EV_SYSCALL_READ_X, {{"res", Param::i64(-11)}, {"data", Param::raw("")}}),
         "res=-11(EAGAIN) data= "},
        {"buffer: non-printable bytes as dots; parameters sysdig does not know are not shown",
         e(SCAP_EV_SYSCALL_READ_X, {{"res", Param::i64(7)},
                                    {"data", Param::raw(std::string("\x7f"
                                                                    "ELF\0\n\t",
                                                                    7))},
                                    {"fd", Param::i64(3)},
                                    {"size", Param::u32(7)}}),
         "res=7 data=.ELF... "},
        {"buffer over 80 bytes: 77 and an ellipsis",
         e(SCAP_EV_SYSCALL_READ_X,
           {{"res", Param::i64(100)}, {"data", Param::raw(std::string(100, 'x'))}}),
         "res=100 data=" + std::string(77, 'x') + "... "},
        {"pid of a known thread, signal",
         e(SCAP_EV_SYSCALL_KILL_E, {{"pid", Param::i64(100)}, {"sig", Param::u8(9)}}),
         "pid=100(bash) sig=9(SIGKILL) "},
        {"unknown pid, signal 0",
         e(SCAP_EV_SYSCALL_KILL_E, {{"pid", Param::i64(999)}, {"sig", Param::u8(0)}}),
         "pid=999 sig=0 "},
        {"relative time", e(SCAP_EV_SYSCALL_NANOSLEEP_E, {{"interval", Param::u64(1500000000)}}),
         "interval=1500000000(1.5s) "},
        {"no relative time", e(SCAP_EV_SYSCALL_NANOSLEEP_E, {{"interval", Param::u64(~0ull)}}),
         "interval=none "},
        {"unknown user", e(SCAP_EV_SYSCALL_SETUID_E, {{"uid", Param::u32(5)}}), "uid=5(<NA>) "},
        {"no user", e(SCAP_EV_SYSCALL_SETUID_E, {{"uid", Param::u32(0xffffffff)}}),
         "uid=-1(<NONE>) "},
        {"fd list, signal set",
         e(SCAP_EV_SYSCALL_PPOLL_E, {{"fds", fdlist({{3, 1}, {99, 0}, {5, 0x7ff}})},
                                     {"timeout", Param::u64(1)},
                                     {"sigmask", Param::u32(6)}}),
         "fds=3:f1 99:?0 5:p7ff timeout=1(1e-09s) sigmask=SIGINT SIGQUIT "},
        {"IPv6 socket address",
         e(SCAP_EV_SOCKET_CONNECT_E,
           {{"fd", Param::i64(77)}, {"addr", ipv6_addr(kLoopback6, 443)}}),
         "fd=77 addr=::1:443 "},
        {"unix socket address",
         e(SCAP_EV_SOCKET_CONNECT_E,
           {{"fd", Param::i64(77)}, {"addr", Param::raw(std::string("\x01/run/y.sock\0", 13))}}),
         "fd=77 addr=/run/y.sock "},
        {"IPv4 tuple",
         e(SCAP_EV_SOCKET_CONNECT_X,
           {{"res", Param::i64(-111)}, {"tuple", Param::tuple4("1.2.3.4", 80, "5.6.7.8", 90)}}),
         "res=-111(ECONNREFUSED) tuple=1.2.3.4:80->5.6.7.8:90 "},
        {"unix tuple, empty tuple",
         e(SCAP_EV_SOCKET_SENDTO_E, {{"fd", Param::i64(77)},
                                     {"size", Param::u32(1)},
                                     {"tuple", Param::tuple_unix(0xabc, 0, "/tmp/s")}}),
         "fd=77 size=1 tuple=abc->0 /tmp/s "},
        {"socket family: sysdig's table has flags there",
         e(SCAP_EV_SOCKET_SOCKET_E,
           {{"domain", Param::u32(10)}, {"type", Param::u32(1)}, {"proto", Param::u32(0)}}),
         "domain=10(AF_INET6) type=1 proto=0 "},
        {"dynamic parameter: an error number",
         e(SCAP_EV_SOCKET_SETSOCKOPT_X,
           {{"res", Param::i64(0)},
            {"fd", Param::i64(77)},
            {"level", Param::u8(1)},
            {"optname", Param::u8(2)},
            {"val", Param::raw(std::string(1, '\x01') + le64(static_cast<uint64_t>(-2)))},
            {"optlen", Param::u32(4)}}),
         "res=0 fd=77 level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=-2(ENOENT) optlen=4 "},
        {"dynamic parameters: a signal, a hex number",
         e(SCAP_EV_SYSCALL_PTRACE_X,
           {{"res", Param::i64(0)},
            {"addr", Param::raw(std::string("\x01\x09", 2))},
            {"data", Param::raw(std::string(1, '\0') + le64(0xdeadbeef))}}),
         "res=0 addr=9(SIGKILL) data=DEADBEEF "},
        {"flags and fd -1",
         e(SCAP_EV_SYSCALL_MMAP_E, {{"addr", Param::u64(0)},
                                    {"length", Param::u64(4096)},
                                    {"prot", Param::u32(3)},
                                    {"flags", Param::u32(10)},
                                    {"fd", Param::i64(-1)},
                                    {"offset", Param::u64(0)}}),
         "addr=0 length=4096 prot=3(PROT_READ|PROT_WRITE) flags=10(MAP_PRIVATE|MAP_ANONYMOUS) "
         "fd=-1(EPERM) offset=0 "},
        {"mmap's result is hex in sysdig's table",
         e(SCAP_EV_SYSCALL_MMAP_X, {{"res", Param::u64(0x7fad48782000)},
                                    {"vm_size", Param::u32(360)},
                                    {"vm_rss", Param::u32(4)},
                                    {"vm_swap", Param::u32(0)}}),
         "res=7FAD48782000 vm_size=360 vm_rss=4 vm_swap=0 "},
        {"flags walk: entries take the bits left, the whole value ends it",
         e(SCAP_EV_SYSCALL_FCNTL_E, {{"fd", Param::i64(3)}, {"cmd", Param::u8(30)}}),
         "fd=3(<f>/etc/passwd) cmd=30(F_SETPIPE_SZ|F_GETFD|F_OFD_GETLK) "},
        {"mode with names, path relative to a directory fd",
         e(SCAP_EV_SYSCALL_FCHMODAT_X, {{"res", Param::i64(0)},
                                        {"dirfd", Param::i64(4)},
                                        {"filename", Param::str("x")},
                                        {"mode", Param::u32(0755)}}),
         "res=0 dirfd=4(<d>/tmp) filename=x(/tmp/x) "
         "mode=0755(S_IXOTH|S_IROTH|S_IXGRP|S_IRGRP|S_IXUSR|S_IWUSR|S_IRUSR) "},
        {"paths relative to AT_FDCWD and to an unknown fd",
         e(SCAP_EV_SYSCALL_RENAMEAT_X, {{"res", Param::i64(0)},
                                        {"olddirfd", Param::i64(-100)},
                                        {"oldpath", Param::str("../y")},
                                        {"newdirfd", Param::i64(77)},
                                        {"newpath", Param::str("z")}}),
         "res=0 olddirfd=-100(AT_FDCWD) oldpath=../y(/home/y) newdirfd=77 newpath=z(z) "},
        {"flags without a table print their number",
         e(SCAP_EV_SYSCALL_TIMERFD_CREATE_E,
           {{"clockid", Param::u8(255)}, {"flags", Param::u8(0xab)}}),
         "clockid=255 flags=171 "},
        {"32-bit signed hex",
         ev(SCAP_EV_SYSCALL_SEMGET_E, {Param::u32(0xffffffff), Param::u32(1), Param::u32(0x2000)}),
         "key=FFFFFFFF nsems=1 semflg=8192(IPC_CREAT) "},
        {"generic events show no parameters", ev(SCAP_EV_GENERIC_X, {Param::u16(5), Param::u16(2)}),
         ""},
        {"a number not recorded: sysdig reads the bytes that follow",
         e(SCAP_EV_SYSCALL_BRK_4_X,
           {{"res", Param::u64(0x926000)}, {"vm_rss", Param::u32(7)}, {"vm_swap", Param::u32(2)}}),
         "res=926000 vm_size=7 vm_rss=7 vm_swap=2 "},
        {"socket addresses not recorded", e(SCAP_EV_SOCKET_CONNECT_E, {{"fd", Param::i64(77)}}),
         "fd=77 addr=NULL "},
    };
}

class ParamRenderTest : public ::testing::Test {};

TEST_F(ParamRenderTest, ArgsAsSysdigPrintsThem) {
    std::vector<Row> table = rows();
    std::vector<std::string> records;
    for (const Row& r : table) {
        records.push_back(r.record);
    }
    Capture capture(processes(), records);
    auto in = capture.open();
    for (const Row& r : table) {
        const Event* evt = in->next();
        ASSERT_NE(evt, nullptr) << r.what;
        std::string args;
        render::args(*in, *evt, args);
        EXPECT_EQ(args, r.args) << r.what;
    }
}

TEST_F(ParamRenderTest, ArgIsTheResolvedFormWhenThereIsOne) {
    uint64_t ts = kTs;
    Capture capture(
        processes(),
        {event(SCAP_EV_SYSCALL_READ_E, kShell, ++ts,
               {{"fd", Param::i64(3)}, {"size", Param::u32(10)}}),
         event(SCAP_EV_SYSCALL_READ_X, kShell, ++ts,
               {{"res", Param::i64(-2)},
                {"data", Param::raw("")},
                {"fd", Param::i64(3)},
                {"size", Param::u32(10)}}),
         event(SCAP_EV_SYSCALL_OPEN_E, kShell, ++ts,
               {{"name", Param::str("x")}, {"flags", Param::u32(4097)}, {"mode", Param::u32(0)}})});
    auto in = capture.open();
    const Event* evt = in->next();
    std::string out;
    ASSERT_TRUE(render::arg(*in, *evt, 0, out));
    EXPECT_EQ(out, "<f>/etc/passwd");
    out.clear();
    ASSERT_TRUE(render::arg(*in, *evt, 1, out));
    EXPECT_EQ(out, "10");

    evt = in->next();
    out.clear();
    ASSERT_TRUE(render::arg(*in, *evt, 0, out));
    EXPECT_EQ(out, "ENOENT");
    // fd and size are recorded, but sysdig 0.29.3's read exit has two parameters.
    EXPECT_EQ(render::visible_param_count(*evt), 2u);
    EXPECT_FALSE(render::arg(*in, *evt, 2, out));
    EXPECT_FALSE(render::param_index(*evt, "fd"));

    evt = in->next();
    out.clear();
    ASSERT_TRUE(render::arg(*in, *evt, 0, out));
    EXPECT_EQ(out, "/home/user/x");
    out.clear();
    ASSERT_TRUE(render::arg(*in, *evt, 1, out));
    EXPECT_EQ(out, "O_RDONLY|O_CLOEXEC");
}

TEST_F(ParamRenderTest, RawValuesKeepTheirType) {
    uint64_t ts = kTs;
    Capture capture(processes(), {event(SCAP_EV_SYSCALL_OPEN_X, kShell, ++ts,
                                        {{"fd", Param::i64(-2)},
                                         {"name", Param::str("/etc/x")},
                                         {"flags", Param::u32(4097)},
                                         {"mode", Param::u32(0644)}})});
    auto in = capture.open();
    const Event* evt = in->next();
    filter::ValueList values;
    ASSERT_TRUE(render::raw_value(*evt, 0, values));
    ASSERT_TRUE(render::raw_value(*evt, 1, values));
    ASSERT_TRUE(render::raw_value(*evt, 2, values));
    ASSERT_EQ(values.size(), 3u);
    EXPECT_EQ(values[0].kind(), filter::Value::Kind::kInt64);
    EXPECT_EQ(values[0].int64(), -2);
    EXPECT_EQ(values[1].text(), "/etc/x");
    EXPECT_EQ(values[2].kind(), filter::Value::Kind::kUint64);
    EXPECT_EQ(values[2].uint64(), 4097u);
    EXPECT_FALSE(render::raw_value(*evt, 4, values)); // dev: not recorded
}

TEST(JoinRelative, FoldsPathsCharacterByCharacterAsSysdigDoes) {
    struct Case {
        const char* base;
        const char* rel;
        const char* joined;
    };
    const Case cases[] = {
        {"/home/user/", "x", "/home/user/x"},
        {"/home/user/", "./x", "/home/user/x"},
        {"/home/user/", "../x", "/home/x"},
        {"/home/user/", "../../../x", "/x"},
        {"/home/user/", "a/./b//c/", "/home/user/a/b/c"},
        {"/home/user/", "", "/home/user"},
        {"/home/user/", "..", "/home"},
        {"/", "../../..", "/"},
        {"/tmp", "x", "/tmp/x"},
        {"/etc/passwd", "../y", "/etc/y"},
        {"", "x", "x"},
        {"", "../..//x", "/x"},
        {"", "a/../../b", "b"},
        {"", "x/..", ""},
        {"", "./", ""},
        {"", "x..", "x"},
        {"", "xy..", ""},
        {"", "x/y..", "x"},
        {"", "...", ".."},
        {"", "a/.../b", "a/..b"},
        {"", "a./b", "ab"},
        {"", "..x/y", "..x/y"},
        {"/tmp", "x../y", "/tmp/y"},
        {"127.0.0.1:1->127.0.0.1:2", "../y", "y"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(render::join_relative(c.base, c.rel), c.joined) << c.base << " + " << c.rel;
    }
}

TEST(AppendBuffer, CutsAt80Bytes) {
    std::string out;
    render::append_buffer(std::string(80, 'a'), out);
    EXPECT_EQ(out, std::string(80, 'a'));
    out.clear();
    render::append_buffer(std::string(81, 'a'), out);
    EXPECT_EQ(out, std::string(77, 'a') + "...");
    out.clear();
    render::append_buffer(std::string("a\0b\x80~\x7f", 6), out);
    EXPECT_EQ(out, "a.b.~.");
}

TEST(SocketText, AddressesAndTuples) {
    struct Case {
        std::string bytes;
        bool tuple;
        const char* text;
    };
    std::string v4 = std::string("\x02\x7f\x00\x00\x01", 5) + le16(8080);
    std::string mapped_a = std::string(10, '\0') + "\xff\xff" + std::string("\x0a\x00\x00\x01", 4);
    std::string mapped_b = std::string(10, '\0') + "\xff\xff" + std::string("\x0a\x00\x00\x02", 4);
    const Case cases[] = {
        {v4, false, "127.0.0.1:8080"},
        {"", false, "NULL"},
        {"\x10xx", false, "family 16"},
        {std::string("\x02\x01\x02\x03\x04", 5), false, "INVALID IPv4"},
        {std::string("\x01/a\0", 4), false, "/a"},
        {std::string("\x0a", 1) + mapped_a + le16(1) + mapped_b + le16(2), true,
         "10.0.0.1:1->10.0.0.2:2"},
        {std::string("\x0a", 1) + mapped_a + le16(1) + kLoopback6 + le16(2), true,
         "::ffff:10.0.0.1:1->::1:2"},
        {"", true, "NULL"},
        {std::string("\x0a", 1) + std::string(16, '\0') + le16(1) + mapped_b + le16(2), true,
         "0.0.0.0:1->10.0.0.2:2"},
        {std::string("\x0a", 1) + std::string(16, '\0') + le16(1) + kLoopback6 + le16(2), true,
         ":::1->::1:2"},
    };
    for (const Case& c : cases) {
        std::string out;
        if (c.tuple) {
            render::append_socktuple(c.bytes, out);
        } else {
            render::append_sockaddr(c.bytes, out);
        }
        EXPECT_EQ(out, c.text);
    }
}

TEST(ValueNames, FlagsEnumsErrnoSignalsSyscalls) {
    std::string out;
    EXPECT_TRUE(render::append_flag_names(SCAP_VT_SHUTDOWN_HOW, 255, out));
    EXPECT_EQ(out, "SHUT_RDWR|SHUT_WR");
    out.clear();
    // sysdig 0.29.3 does not know O_F_CREATED: its bit is dropped.
    EXPECT_TRUE(render::append_flag_names(SCAP_VT_FILE_FLAGS, 16384 | 2, out));
    EXPECT_EQ(out, "O_WRONLY");
    out.clear();
    EXPECT_FALSE(render::append_flag_names(SCAP_VT_FILE_FLAGS, 16384, out));
    EXPECT_STREQ(render::enum_name(SCAP_VT_SOCKET_FAMILIES, 16), "AF_ROUTE");
    EXPECT_STREQ(render::errno_name(-2), "ENOENT");
    EXPECT_EQ(render::errno_name(-9999), nullptr);
    EXPECT_STREQ(render::signal_name(9), "SIGKILL");
    EXPECT_EQ(render::signal_name(32), nullptr);
    EXPECT_STREQ(render::syscall_name(0), "<unknown>");
    EXPECT_STREQ(render::syscall_name(298), "sigreturn");
    EXPECT_EQ(render::syscall_name(329), nullptr);
}

TEST(LegacySchema, CountsNamesAndTypesOfSysdig0293) {
    EXPECT_EQ(render::legacy_param_count(SCAP_EV_SYSCALL_READ_X), 2u);
    EXPECT_EQ(render::legacy_param_count(SCAP_EV_SYSCALL_READ_E), 2u);
    EXPECT_EQ(render::legacy_param_count(SCAP_EV_GENERIC_X), 1u);
    EXPECT_STREQ(render::legacy_param_info(SCAP_EV_SYSCALL_EXECVE_19_X, 17).name, "pgid");
    EXPECT_EQ(render::legacy_param_info(SCAP_EV_SYSCALL_MMAP_X, 0).type, SCAP_PT_UINT64);
    EXPECT_EQ(render::legacy_param_info(SCAP_EV_SYSCALL_OPENAT_2_E, 1).dirfd_param, 0);
    EXPECT_STREQ(render::legacy_event_name(SCAP_EV_PROCEXIT_X), "NA1");
    EXPECT_STREQ(render::legacy_syscall_category(3), "unknown"); // read: by its fd
    EXPECT_STREQ(render::legacy_syscall_category(75), "memory"); // mprotect
}

} // namespace
} // namespace sinsp
