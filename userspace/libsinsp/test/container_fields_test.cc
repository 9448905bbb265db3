// container.*: the container a thread runs in, from its cgroups; nothing else without metadata.
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
const std::string kId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

Scenario containers() {
    Scenario s;
    const std::vector<std::vector<std::pair<std::string, std::string>>> cgroups = {
        {{"cpuset", "/user.slice"}},                                                // host
        {{"cpuset", "/"}, {"memory", "/docker/" + kId}},                            // docker
        {{"cpuset", "/kubepods.slice/kubepods-pod1.slice/crio-" + kId + ".scope"}}, // cri-o
        {{"cpuset", "/lxc/web/sub"}},                                               // lxc
        {{"cpuset", "/machine.slice/machine-lxc\\x2dvm1.scope"}},                   // libvirt-lxc
        {{"cpuset", "/docker/" + kId + "/nested"}},   // not a container
        {{"cpuset", "/libpod_parent/libpod-" + kId}}, // not either
    };
    int64_t tid = 100;
    for (const auto& groups : cgroups) {
        ThreadInfo t;
        t.tid = t.pid = tid;
        t.ptid = 1;
        t.comm = t.exe = "app";
        t.cgroups = groups;
        ThreadInfo& stored = s.add_thread(t);
        FdInfo f;
        f.fd = 3;
        f.type = FdType::kFile;
        f.name = "/var/log/app.log";
        stored.fds->put(f);
        std::vector<Param> params = {Param::i64(3), Param::u32(1)};
        s.events.push_back(event(SCAP_EV_SYSCALL_READ_E, static_cast<uint64_t>(tid),
                                 kStart + static_cast<uint64_t>(tid), params));
        tid++;
    }
    return s;
}

const std::vector<TextRow> kRows = {
    {1, "container.id", "host"},
    {1, "container.name", "host"},
    {1, "container.type", "host"},
    {1, "container.image", "<NA>"},
    {1, "container.image.id", "<NA>"},
    {1, "container.privileged", "<NA>"},
    {1, "container.mounts", "<NA>"},
    {1, "container.mount[0]", "<NA>"},
    {1, "container.mount.source[/x]", "<NA>"},
    {1, "container.mount.dest[/var/run/docker.sock]", "<NA>"},
    {1, "container.mount.mode[0]", "<NA>"},
    {1, "container.mount.rdwr[0]", "<NA>"},
    {1, "container.mount.propagation[0]", "<NA>"},
    {1, "container.image.repository", "<NA>"},
    {1, "container.image.tag", "<NA>"},
    {1, "container.image.digest", "<NA>"},
    {1, "container.healthcheck", "<NA>"},
    {1, "container.liveness_probe", "<NA>"},
    {1, "container.readiness_probe", "<NA>"},
    {1, "container.start_ts", "<NA>"},
    {1, "fd.containername", ":/var/log/app.log"},
    {2, "container.id", "0123456789ab"},
    {2, "container.name", "<NA>"},
    {2, "container.type", "docker"},
    {2, "container.privileged", "false"},
    {2, "container.mounts", ""},
    {2, "container.healthcheck", "NONE"},
    {2, "container.image", "<NA>"},
    {2, "fd.containername", "0123456789ab:/var/log/app.log"},
    {2, "fd.containerdirectory", "0123456789ab:/var/log"},
    {3, "container.id", "0123456789ab"},
    {3, "container.type", "docker"},
    {4, "container.id", "web"},
    {4, "container.name", "web"},
    {4, "container.type", "lxc"},
    {4, "container.privileged", "<NA>"},
    {4, "container.mounts", ""},
    {4, "container.readiness_probe", "NONE"},
    {5, "container.id", "vm1"},
    {5, "container.type", "libvirt-lxc"},
    {6, "container.id", "host"},
    {7, "container.id", "host"},
};

TEST(ContainerFields, EachFieldAsFormatsPrintIt) {
    Scenario s = containers();
    expect_texts(s, kRows);
}

TEST(ContainerFields, Filters) {
    Scenario s = containers();
    auto in = s.open();
    Probe probe(*in);
    const Event* evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("container.id=host and container.name=host"));
    EXPECT_FALSE(probe.matches("container.image exists"));
    EXPECT_TRUE(probe.matches("not container.privileged=true"));
    EXPECT_FALSE(probe.matches("container.mount.dest[/var/run/docker.sock] exists"));
    evt = in->next();
    ASSERT_NE(evt, nullptr);
    probe.bind(*evt);
    EXPECT_TRUE(probe.matches("container.id!=host and container.type=docker"));
    EXPECT_TRUE(probe.matches("container.privileged=false"));
}

} // namespace
} // namespace sinsp
