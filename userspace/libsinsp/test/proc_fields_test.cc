// proc.* on a process tree built by hand: one row per field and event, printed as sysdig prints
// it; filters on the ancestor fields.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "test/field_probe.h"
#include "test/test_capture.h"

namespace sinsp {
namespace {

using testing::event;
using testing::expect_filters;
using testing::expect_texts;
using testing::FilterRow;
using testing::Param;
using testing::Probe;
using testing::Scenario;
using testing::TextRow;

constexpr uint64_t kStart = 1700000000000000000ull;

ThreadInfo process(int64_t tid, int64_t ptid, const std::string& comm, int64_t sid) {
    ThreadInfo t;
    t.tid = t.pid = tid;
    t.ptid = ptid;
    t.sid = sid;
    t.vpgid = sid;
    t.comm = comm;
    t.exe = comm;
    t.exepath = "/usr/bin/" + comm;
    t.cwd = "/";
    t.fdlimit = 1024;
    t.uid = t.gid = 0;
    return t;
}

std::string read_enter(uint64_t tid, uint64_t ts) {
    return event(SCAP_EV_SYSCALL_READ_E, tid, ts,
                 std::vector<Param>{Param::i64(3), Param::u32(10)});
}

// systemd(1) > sshd(100) > -bash(200, session leader) > sh(300) > cat(500, threads 500 and 501);
// 600 sits in session 200 under systemd; 900 is a tid the capture never described.
Scenario tree() {
    Scenario s;
    ThreadInfo init = process(1, 0, "systemd", 1);
    init.exe = "/sbin/init";
    init.exepath = "/usr/lib/systemd/systemd";
    init.args = {"splash"};
    s.add_thread(init);
    s.add_thread(process(100, 1, "sshd", 100));
    ThreadInfo bash = process(200, 100, "bash", 200);
    bash.exe = "-bash";
    s.add_thread(bash);
    s.add_thread(process(300, 200, "sh", 200));
    ThreadInfo cat = process(500, 300, "cat", 200);
    cat.exe = "/bin/cat";
    cat.args = {"a b", "", "c"};
    cat.env = {"A=1", "HOME=/home/u", "EMPTY="};
    cat.cwd = "/work/";
    cat.fdlimit = 4096;
    cat.vmsize_kb = 1000;
    cat.vmrss_kb = 200;
    cat.vmswap_kb = 3;
    cat.vpid = cat.vtid = 5;
    cat.vpgid = 4;
    cat.tty = 34816;
    cat.exe_writable = true;
    cat.exe_upper_layer = true;
    cat.exe_ino = 77;
    cat.exe_ino_ctime = kStart - 500;
    cat.exe_ino_mtime = kStart - 900;
    cat.clone_ts = kStart;
    ThreadInfo& stored = s.add_thread(cat);
    for (int64_t fd : {0, 1, 2}) {
        FdInfo f;
        f.fd = fd;
        f.type = FdType::kFile;
        f.name = "/dev/pts/0";
        stored.fds->put(f);
    }
    ThreadInfo worker = process(501, 300, "cat", 200);
    worker.pid = 500;
    worker.exe = "/bin/cat";
    worker.args = {"a b", "", "c"};
    worker.clone_ts = kStart + 100;
    s.add_thread(worker);
    ThreadInfo loner = process(600, 1, "orphan", 200);
    loner.args = {};
    s.add_thread(loner);

    uint64_t ts = kStart + 1000;
    for (uint64_t tid : {500, 501, 200, 1, 900, 600}) {
        s.events.push_back(read_enter(tid, ts++));
    }
    return s;
}

const std::vector<TextRow> kRows = {
    {1, "proc.pid", "500"},
    {1, "proc.exe", "/bin/cat"},
    {1, "proc.name", "cat"},
    {1, "proc.args", "a b  c"},
    {1, "proc.env", "A=1 HOME=/home/u EMPTY="},
    {1, "proc.env[HOME]", "/home/u"},
    {1, "proc.env[EMPTY]", ""},
    {1, "proc.env[NOPE]", "<NA>"},
    {1, "proc.cmdline", "cat a b  c"},
    {1, "proc.exeline", "/bin/cat a b  c"},
    {1, "proc.cwd", "/work/"},
    {1, "proc.nthreads", "2"},
    {1, "proc.nchilds", "1"},
    {1, "proc.ppid", "300"},
    {1, "proc.pname", "sh"},
    {1, "proc.pcmdline", "sh"},
    {1, "proc.apid[0]", "500"},
    {1, "proc.apid[1]", "300"},
    {1, "proc.apid[4]", "1"},
    {1, "proc.apid[5]", "<NA>"},
    {1, "proc.apid", "500"}, // formats without an index print the process itself
    {1, "proc.aname[0]", "cat"},
    {1, "proc.aname[2]", "bash"},
    {1, "proc.aname[3]", "sshd"},
    {1, "proc.aname", "cat"},
    {1, "proc.aexe[2]", "-bash"},
    {1, "proc.aexepath[4]", "/usr/lib/systemd/systemd"},
    {1, "proc.acmdline[4]", "systemd splash"},
    {1, "proc.pexe", "sh"},
    {1, "proc.pexepath", "/usr/bin/sh"},
    {1, "proc.loginshellid", "200"},
    {1, "proc.duration", "1000"},
    {1, "proc.pid.ts", "1700000000000000000"},
    {1, "proc.fdopencount", "3"},
    {1, "proc.fdlimit", "4096"},
    {1, "proc.fdusage", "0.1"},
    {1, "proc.vmsize", "1000"},
    {1, "proc.vmrss", "200"},
    {1, "proc.vmswap", "3"},
    {1, "proc.vpid", "5"},
    {1, "proc.sid", "200"},
    {1, "proc.sname", "bash"},
    {1, "proc.tty", "34816"},
    {1, "proc.exepath", "/usr/bin/cat"},
    {1, "proc.vpgid", "4"},
    {1, "proc.is_container_healthcheck", "false"},
    {1, "proc.is_container_liveness_probe", "false"},
    {1, "proc.is_container_readiness_probe", "false"},
    {1, "proc.is_exe_writable", "true"},
    {1, "proc.is_exe_upper_layer", "true"},
    {1, "proc.is_exe_from_memfd", "false"},
    {1, "proc.exe_ino", "77"},
    {1, "proc.exe_ino.ctime", "1699999999999999500"},
    {1, "proc.exe_ino.mtime", "1699999999999999100"},
    {1, "proc.exe_ino.ctime_duration_proc_start", "500"},
    {1, "proc.cmdnargs", "3"},
    // A second thread: the process's numbers, its own start; nchilds is counted on the main one.
    {2, "proc.pid", "500"},
    {2, "proc.nthreads", "2"},
    {2, "proc.nchilds", "0"},
    {2, "proc.duration", "901"},
    {2, "proc.vmsize", "1000"},
    {2, "proc.fdopencount", "3"},
    {2, "proc.apid[1]", "300"},
    {2, "proc.cwd", "/work/"},
    {2, "proc.vpid", "<NA>"},
    // The session leader and the oldest shell are the process itself.
    {3, "proc.exe", "-bash"},
    {3, "proc.cmdline", "bash"},
    {3, "proc.exeline", "-bash "},
    {3, "proc.args", ""},
    {3, "proc.env", ""},
    {3, "proc.loginshellid", "200"},
    {3, "proc.sname", "bash"},
    {3, "proc.duration", "<NA>"},
    {3, "proc.pid.ts", "<NA>"},
    {3, "proc.exe_ino.ctime_duration_proc_start", "<NA>"},
    // The root of the tree: no parent, no shell.
    {4, "proc.ppid", "0"},
    {4, "proc.pname", "<NA>"},
    {4, "proc.pcmdline", "<NA>"},
    {4, "proc.pexepath", "<NA>"},
    {4, "proc.apid[1]", "<NA>"},
    {4, "proc.aname[1]", "<NA>"},
    {4, "proc.loginshellid", "<NA>"},
    {4, "proc.sname", "systemd"},
    // A thread the capture never described: sysdig names it <NA> and counts its pid as its tid.
    {5, "proc.pid", "900"},
    {5, "proc.name", "<NA>"},
    {5, "proc.exe", "<NA>"},
    {5, "proc.cmdline", "<NA>"},
    {5, "proc.exeline", "<NA> "},
    {5, "proc.args", ""},
    {5, "proc.cwd", ""},
    {5, "proc.apid[0]", "900"},
    {5, "proc.aname[0]", "<NA>"},
    {5, "proc.fdlimit", "-1"},
    {5, "proc.fdusage", "0.0"},
    {5, "proc.sname", "<NA>"},
    {5, "proc.vpid", "<NA>"},
    // Session 200 without its leader among the ancestors: the leader by pid.
    {6, "proc.sname", "bash"},
    {6, "proc.loginshellid", "<NA>"},
};

TEST(ProcFields, EachFieldAsFormatsPrintIt) {
    Scenario s = tree();
    expect_texts(s, kRows);
}

const std::vector<FilterRow> kFilters = {
    // Without an index: any ancestor (the process itself excluded).
    {1, "proc.aname=bash", true},
    {1, "proc.aname=cat", false},
    {1, "proc.aname in (sshd, nope)", true},
    {1, "proc.aname startswith ssh", true},
    {1, "proc.aname glob 's*d'", true},
    {1, "proc.aname exists", true},
    {1, "proc.aname!=cat", true},
    {1, "not proc.aname=cat", true},
    {1, "proc.apid=1", true},
    {1, "proc.apid=500", false},
    {1, "proc.apid<2", true},
    {1, "proc.apid>450", false},
    {1, "proc.aname[0]=cat", true},
    {1, "proc.aname[2]=bash and proc.apid[2]=200", true},
    {1, "proc.acmdline contains splash", true},
    {4, "proc.aname exists", false},
    {4, "not proc.aname exists", true},
    {1, "proc.env[HOME]=/home/u", true},
    {1, "proc.env contains 'HOME='", true},
    {1, "proc.name=cat and proc.pid=500 and proc.ppid=300", true},
    {1, "proc.cmdline='cat a b  c'", true},
    {1, "proc.fdusage>0.07 and proc.fdusage<0.08", true},
    {1, "proc.duration=1000", true},
    {1, "proc.is_exe_writable=true", true},
    {1, "proc.vpid exists", true},
    {2, "proc.vpid exists", false},
    {5, "proc.name='<NA>'", true},
    {5, "proc.pname exists", false},
};

TEST(ProcFields, Filters) {
    Scenario s = tree();
    expect_filters(s, kFilters);
}

// An event without a thread (tid -1): every proc.* field has no value.
TEST(ProcFields, NoThreadNoValue) {
    Scenario s;
    s.events.push_back(read_enter(static_cast<uint64_t>(-1), kStart));
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    for (const char* f : {"proc.pid", "proc.name", "proc.cmdline", "proc.aname[0]", "proc.sname",
                          "proc.fdusage", "proc.apid"}) {
        EXPECT_EQ(probe.text(f), "<NA>") << f;
    }
    EXPECT_FALSE(probe.matches("proc.aname exists"));
}

} // namespace
} // namespace sinsp
