#include "fields/container_id.h"

namespace sinsp::fields {

namespace {

constexpr size_t kDockerIdLength = 64;
constexpr size_t kShortIdLength = 12;

bool is_hex_id(std::string_view s) {
    if (s.size() != kDockerIdLength) {
        return false;
    }
    for (char c : s) {
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) {
            return false;
        }
    }
    return true;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// The 64-hex id in the last component of a docker-style path, or "".
std::string_view docker_id(std::string_view path) {
    std::string_view last = path.substr(path.rfind('/') + 1);
    if (is_hex_id(last)) {
        return last;
    }
    constexpr std::string_view kScope = ".scope";
    if (!ends_with(last, kScope)) {
        return {};
    }
    last.remove_suffix(kScope.size());
    size_t dash = last.rfind('-');
    if (dash == std::string_view::npos) {
        return {};
    }
    std::string_view id = last.substr(dash + 1);
    return is_hex_id(id) ? id : std::string_view();
}

// The name after an "/lxc/" or "/lxc.payload/" prefix, up to the next slash, or "".
std::string_view lxc_name(std::string_view path) {
    for (std::string_view prefix : {std::string_view("/lxc/"), std::string_view("/lxc.payload/")}) {
        if (starts_with(path, prefix)) {
            std::string_view rest = path.substr(prefix.size());
            return rest.substr(0, rest.find('/'));
        }
    }
    return {};
}

// The name in "/machine.slice/machine-lxc\x2d<name>.scope", or "".
std::string_view libvirt_lxc_name(std::string_view path) {
    constexpr std::string_view kPrefix = "/machine.slice/machine-lxc\\x2d";
    constexpr std::string_view kScope = ".scope";
    if (!starts_with(path, kPrefix) || !ends_with(path, kScope)) {
        return {};
    }
    return path.substr(kPrefix.size(), path.size() - kPrefix.size() - kScope.size());
}

} // namespace

ContainerRef find_container(const ThreadInfo& thread) {
    for (const auto& cgroup : thread.cgroups) {
        std::string_view path = cgroup.second;
        if (std::string_view id = docker_id(path); !id.empty()) {
            return {ContainerKind::kDocker, id.substr(0, kShortIdLength)};
        }
        if (std::string_view name = lxc_name(path); !name.empty()) {
            return {ContainerKind::kLxc, name};
        }
        if (std::string_view name = libvirt_lxc_name(path); !name.empty()) {
            return {ContainerKind::kLibvirtLxc, name};
        }
    }
    return {};
}

std::string_view container_type_name(ContainerKind kind) {
    switch (kind) {
    case ContainerKind::kHost:
        return "host";
    case ContainerKind::kDocker:
        return "docker";
    case ContainerKind::kLxc:
        return "lxc";
    case ContainerKind::kLibvirtLxc:
        return "libvirt-lxc";
    }
    return "host";
}

} // namespace sinsp::fields
