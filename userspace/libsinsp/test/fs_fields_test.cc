// fs.path.*: the paths of file-system calls, wherever their version records them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "test/field_probe.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using testing::event;
using testing::expect_texts;
using testing::Param;
using testing::Probe;
using testing::Scenario;
using testing::TextRow;

constexpr uint64_t kStart = 1700000000000000000ull;
constexpr uint64_t kTid = 500;
constexpr int64_t kAtFdcwd = -100;

Scenario calls() {
    Scenario s;
    ThreadInfo t;
    t.tid = t.pid = kTid;
    t.ptid = 1;
    t.comm = t.exe = "sh";
    t.cwd = "/work/";
    ThreadInfo& stored = s.add_thread(t);
    FdInfo dir;
    dir.fd = 3;
    dir.type = FdType::kDirectory;
    dir.name = "/etc";
    stored.fds->put(dir);

    uint64_t ts = kStart;
    auto add = [&](uint16_t code, const std::map<std::string, Param>& params) {
        s.events.push_back(event(code, kTid, ts++, params));
    };
    add(SCAP_EV_SYSCALL_MKDIR_2_X, {{"res", Param::i64(0)}, {"path", Param::str("new")}}); // 1
    add(SCAP_EV_SYSCALL_MKDIRAT_X,                                                         // 2
        {{"res", Param::i64(0)}, {"dirfd", Param::i64(3)}, {"path", Param::str("sub/./d")}});
    add(SCAP_EV_SYSCALL_UNLINKAT_2_X, // 3
        {{"res", Param::i64(0)}, {"dirfd", Param::i64(kAtFdcwd)}, {"name", Param::str("../x")}});
    add(SCAP_EV_SYSCALL_RENAMEAT2_X, // 4
        {{"res", Param::i64(0)},
         {"olddirfd", Param::i64(3)},
         {"oldpath", Param::str("a")},
         {"newdirfd", Param::i64(kAtFdcwd)},
         {"newpath", Param::str("/tmp//b")}});
    add(SCAP_EV_SYSCALL_SYMLINKAT_X, // 5
        {{"res", Param::i64(0)},
         {"target", Param::str("t")},
         {"linkdirfd", Param::i64(3)},
         {"linkpath", Param::str("l")}});
    add(SCAP_EV_SYSCALL_UNLINK_E, {{"path", Param::str("old")}}); // 6: the path on enter only
    add(SCAP_EV_SYSCALL_UNLINK_X, {{"res", Param::i64(0)}});      // 7
    add(SCAP_EV_SYSCALL_READ_E, {{"fd", Param::i64(3)}, {"size", Param::u32(1)}}); // 8
    add(SCAP_EV_SYSCALL_RENAME_X,                                                  // 9
        {{"res", Param::i64(0)}, {"oldpath", Param::str("x")}, {"newpath", Param::str("y")}});
    add(SCAP_EV_SYSCALL_LINK_2_X, // 10
        {{"res", Param::i64(-2)}, {"oldpath", Param::str("/a")}, {"newpath", Param::str("b")}});
    add(SCAP_EV_SYSCALL_RMDIR_2_X, {{"res", Param::i64(0)}, {"path", Param::str("/r/")}}); // 11
    add(SCAP_EV_SYSCALL_RENAMEAT2_E, {}); // 12: the paths are on the exit only
    return s;
}

const std::vector<TextRow> kRows = {
    {1, "fs.path.name", "/work/new"},    {1, "fs.path.nameraw", "new"},
    {1, "fs.path.source", "<NA>"},       {1, "fs.path.target", "<NA>"},
    {2, "fs.path.name", "/etc/sub/d"},   {2, "fs.path.nameraw", "sub/./d"},
    {3, "fs.path.name", "/x"},           {3, "fs.path.nameraw", "../x"},
    {4, "fs.path.name", "<NA>"},         {4, "fs.path.source", "/etc/a"},
    {4, "fs.path.sourceraw", "a"},       {4, "fs.path.target", "/tmp/b"},
    {4, "fs.path.targetraw", "/tmp//b"}, {5, "fs.path.source", "/work/t"},
    {5, "fs.path.sourceraw", "t"},       {5, "fs.path.target", "/etc/l"},
    {5, "fs.path.targetraw", "l"},       {6, "fs.path.name", "/work/old"},
    {7, "fs.path.name", "/work/old"},    {7, "fs.path.nameraw", "old"},
    {8, "fs.path.name", "<NA>"},         {8, "fs.path.source", "<NA>"},
    {9, "fs.path.source", "/work/x"},    {9, "fs.path.target", "/work/y"},
    {10, "fs.path.source", "/a"},        {10, "fs.path.target", "/work/b"},
    {11, "fs.path.name", "/r"},          {11, "fs.path.nameraw", "/r/"},
    {12, "fs.path.source", "<NA>"},
};

TEST(FsFields, EachFieldAsFormatsPrintIt) {
    Scenario s = calls();
    expect_texts(s, kRows);
}

TEST(FsFields, Filters) {
    Scenario s = calls();
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = testing::advance_to(*in, 4);
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("fs.path.source pmatch (/etc) and fs.path.target startswith /tmp"));
    EXPECT_FALSE(probe.matches("fs.path.name exists"));
    EXPECT_TRUE(probe.matches("fs.path.targetraw contains //"));
}

} // namespace
} // namespace sinsp
