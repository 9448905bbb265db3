// Which container a thread runs in, read from its cgroup paths the way sysdig 0.29 does without
// a container runtime to ask. Internal to libsinsp.
#pragma once

#include <string_view>

#include "sinsp/thread_info.h"

namespace sinsp::fields {

enum class ContainerKind { kHost, kDocker, kLxc, kLibvirtLxc };

struct ContainerRef {
    ContainerKind kind = ContainerKind::kHost;
    // Docker: the first 12 characters of the 64-hex id; lxc: the container name. A view into
    // the thread's cgroup path; empty on the host.
    std::string_view id;
};

// The first cgroup path that names a container: ".../<64 hex>" or ".../<prefix>-<64 hex>.scope"
// (docker, and cri-o, containerd, podman scopes, all shown as docker), "/lxc/<name>" or
// "/lxc.payload/<name>" (lxc), "/machine.slice/machine-lxc\x2d<name>.scope" (libvirt-lxc).
ContainerRef find_container(const ThreadInfo& thread);

// "host", "docker", "lxc", "libvirt-lxc".
std::string_view container_type_name(ContainerKind kind);

} // namespace sinsp::fields
