// thread.* on hand-built threads: a main thread and a second thread of the same process.
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
constexpr uint64_t kCapChown = 1ull << 0, kCapKill = 1ull << 5, kCapSysAdmin = 1ull << 21;

Scenario threads() {
    Scenario s;
    ThreadInfo main;
    main.tid = main.pid = 700;
    main.ptid = 1;
    main.comm = main.exe = "nginx";
    main.vtid = 1;
    main.pfmajor = 7;
    main.pfminor = 8;
    main.vmsize_kb = 4000;
    main.vmrss_kb = 300;
    main.cgroups = {{"cpuset", "/"}, {"cpuacct", "/system.slice/nginx.service"}};
    main.cap_permitted = kCapChown | kCapKill | kCapSysAdmin;
    main.cap_effective = kCapKill;
    main.cap_inheritable = 0;
    s.add_thread(main);
    ThreadInfo worker = main;
    worker.tid = 701;
    worker.vtid = -1;
    worker.pfmajor = 1;
    worker.pfminor = 2;
    worker.cgroups = {};
    worker.cap_permitted = 1ull << 45; // beyond the named capabilities
    s.add_thread(worker);
    for (uint64_t tid : {700, 701}) {
        s.events.push_back(event(SCAP_EV_SYSCALL_READ_E, tid, kStart + tid,
                                 std::vector<Param>{Param::i64(0), Param::u32(1)}));
    }
    return s;
}

const std::vector<TextRow> kRows = {
    {1, "thread.tid", "700"},
    {1, "thread.ismain", "true"},
    {1, "thread.pfmajor", "7"},
    {1, "thread.pfminor", "8"},
    {1, "thread.vtid", "1"},
    {1, "thread.vmsize", "4000"},
    {1, "thread.vmrss", "300"},
    {1, "thread.exectime", "0"},
    {1, "thread.totexectime", "0"},
    {1, "thread.cgroups", "cpuset=/ cpuacct=/system.slice/nginx.service"},
    {1, "thread.cgroup.cpuacct", "/system.slice/nginx.service"},
    {1, "thread.cgroup[cpuset]", "/"},
    {1, "thread.cgroup.memory", "<NA>"},
    {1, "thread.cpu", "<NA>"},
    {1, "thread.cpu.user", "<NA>"},
    {1, "thread.cpu.system", "<NA>"},
    {1, "thread.cap_permitted", "CAP_CHOWN CAP_KILL CAP_SYS_ADMIN"},
    {1, "thread.cap_effective", "CAP_KILL"},
    {1, "thread.cap_inheritable", ""},
    {2, "thread.tid", "701"},
    {2, "thread.ismain", "false"},
    {2, "thread.pfmajor", "1"},
    {2, "thread.vtid", "<NA>"},
    {2, "thread.vmsize", "0"}, // memory is shown on the main thread only
    {2, "thread.vmrss", "0"},
    {2, "thread.cgroups", "<NA>"},
    {2, "thread.cgroup.cpuacct", "<NA>"},
    {2, "thread.cap_permitted", "CAP_45"},
};

TEST(ThreadFields, EachFieldAsFormatsPrintIt) {
    Scenario s = threads();
    expect_texts(s, kRows);
}

TEST(ThreadFields, Filters) {
    Scenario s = threads();
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("thread.cgroup.cpuacct startswith /system.slice"));
    EXPECT_TRUE(probe.matches("thread.cgroup[cpuacct] contains nginx"));
    EXPECT_FALSE(probe.matches("thread.cgroup.memory exists"));
    EXPECT_TRUE(probe.matches("thread.ismain=true and thread.tid=700 and thread.vtid=1"));
    EXPECT_TRUE(probe.matches("thread.cap_permitted contains CAP_SYS_ADMIN"));
    EXPECT_FALSE(probe.matches("thread.cpu exists"));
    EXPECT_TRUE(probe.matches("thread.pfminor>7"));
}

} // namespace
} // namespace sinsp
