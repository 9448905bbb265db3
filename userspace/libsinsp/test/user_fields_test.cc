// user.* and group.*: names from the capture's user and group lists.
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

ThreadInfo as_user(int64_t tid, uint32_t uid, uint32_t gid, uint32_t loginuid) {
    ThreadInfo t;
    t.tid = t.pid = tid;
    t.ptid = 1;
    t.comm = t.exe = "sh";
    t.uid = uid;
    t.gid = gid;
    t.loginuid = loginuid;
    return t;
}

Scenario users() {
    Scenario s;
    s.users = {{0, 0, "root", "/root", "/bin/bash"},
               {1000, 1000, "alice", "/home/alice", "/bin/zsh"}};
    s.groups = {{0, "root"}, {1000, "alice"}, {27, "sudo"}};
    s.add_thread(as_user(10, 1000, 27, 1000));
    s.add_thread(as_user(11, 0, 0, 0xffffffff));
    s.add_thread(as_user(12, 5000, 5000, 4000));
    uint64_t ts = kStart;
    for (uint64_t tid : {10, 11, 12, 13}) { // 13: never described
        s.events.push_back(event(SCAP_EV_SYSCALL_READ_E, tid, ts++,
                                 std::vector<Param>{Param::i64(0), Param::u32(1)}));
    }
    return s;
}

const std::vector<TextRow> kRows = {
    {1, "user.uid", "1000"},
    {1, "user.name", "alice"},
    {1, "user.homedir", "/home/alice"},
    {1, "user.shell", "/bin/zsh"},
    {1, "user.loginuid", "1000"},
    {1, "user.loginname", "alice"},
    {1, "group.gid", "27"},
    {1, "group.name", "sudo"},
    {2, "user.name", "root"},
    {2, "user.loginuid", "-1"}, // unset: 0xffffffff
    {2, "user.loginname", "<NA>"},
    {2, "group.name", "root"},
    // Ids the lists do not know: no names (sysdig does not fall back to the number).
    {3, "user.uid", "5000"},
    {3, "user.name", "<NA>"},
    {3, "user.homedir", "<NA>"},
    {3, "user.shell", "<NA>"},
    {3, "user.loginuid", "4000"},
    {3, "user.loginname", "<NA>"},
    {3, "group.gid", "5000"},
    {3, "group.name", "<NA>"},
    // A thread the capture never described: unknown ids.
    {4, "user.uid", "4294967295"},
    {4, "user.name", "<NA>"},
    {4, "user.loginuid", "-1"},
    {4, "group.gid", "4294967295"},
};

TEST(UserFields, EachFieldAsFormatsPrintIt) {
    Scenario s = users();
    expect_texts(s, kRows);
}

TEST(UserFields, Filters) {
    Scenario s = users();
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("user.name=alice and user.uid=1000 and group.name=sudo"));
    EXPECT_TRUE(probe.matches("user.loginuid>=0 and user.loginname in (alice, bob)"));
    EXPECT_TRUE(probe.matches("user.uid<1001 and group.gid!=0"));
    evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("user.loginuid=-1"));
    EXPECT_FALSE(probe.matches("user.loginname exists"));
}

} // namespace
} // namespace sinsp
