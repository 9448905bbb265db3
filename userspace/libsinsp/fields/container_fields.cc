// container.*: the container of the event's thread. Without runtime metadata in the capture only
// the id, type and (for lxc) name are known; everything else has no value. On the host id, name
// and type are "host".
#include <string_view>

#include "fields/container_id.h"
#include "fields/field_class.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

bool no_value(Context&, const BoundField&, ValueList&) {
    return false;
}

bool in_container(const Context& ctx) {
    const ThreadInfo* t = ctx.thread();
    return t != nullptr && find_container(*t).kind != ContainerKind::kHost;
}

// Containers without metadata: no mounts, probes "NONE" (configured off), as sysdig shows.
bool container_no_mounts(Context& ctx, const BoundField&, ValueList& out) {
    return in_container(ctx) && add_text(out, "");
}

bool container_no_probe(Context& ctx, const BoundField&, ValueList& out) {
    return in_container(ctx) && add_text(out, "NONE");
}

// Metadata fields: image, mounts, probes, start time. Never known without runtime metadata.
FieldDef metadata_field(std::string name, FieldType type, std::string description,
                        bool argument = false, ExtractFn extract = no_value) {
    FieldDef def = field(std::move(name), type, std::move(description), extract);
    if (argument) {
        def.info.argument = filter::ArgumentPolicy::kRequired;
    }
    return def;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("container.id", T::kString,
                      "container id (12 characters for docker), host outside containers",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          ContainerRef c = find_container(*t);
                          return add_text(out, c.kind == ContainerKind::kHost ? "host" : c.id);
                      }));
    f.push_back(field("container.name", T::kString,
                      "container name, host outside containers; absent without metadata",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          ContainerRef c = find_container(*t);
                          switch (c.kind) {
                          case ContainerKind::kHost:
                              return add_text(out, "host");
                          case ContainerKind::kDocker:
                              return false;
                          case ContainerKind::kLxc:
                          case ContainerKind::kLibvirtLxc:
                              return add_text(out, c.id);
                          }
                          return false;
                      }));
    f.push_back(metadata_field("container.image", T::kString, "image the container started from"));
    f.push_back(metadata_field("container.image.id", T::kString, "id of the container's image"));
    f.push_back(field("container.type", T::kString,
                      "container runtime (docker, lxc, libvirt-lxc), host outside containers",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const ThreadInfo* t = ctx.thread();
                          return t != nullptr &&
                                 add_text(out, container_type_name(find_container(*t).kind));
                      }));
    f.push_back(field("container.privileged", T::kBool,
                      "true for privileged containers; absent on the host",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const ThreadInfo* t = ctx.thread();
                          // Docker containers default to unprivileged until metadata says.
                          if (t == nullptr || find_container(*t).kind != ContainerKind::kDocker) {
                              return false;
                          }
                          out.add(Value::boolean(false));
                          return true;
                      }));
    f.push_back(metadata_field("container.mounts", T::kString,
                               "every mount as source:dest:mode:rdwr:propagation, spaced", false,
                               container_no_mounts));
    f.push_back(metadata_field("container.mount", T::kString,
                               "one mount, by index or source path (glob): container.mount[0]",
                               true));
    f.push_back(metadata_field("container.mount.source", T::kString,
                               "a mount's source, by index or destination path (glob)", true));
    f.push_back(metadata_field("container.mount.dest", T::kString,
                               "a mount's destination, by index or source path (glob)", true));
    f.push_back(metadata_field("container.mount.mode", T::kString,
                               "a mount's mode, by index or source path (glob)", true));
    f.push_back(metadata_field("container.mount.rdwr", T::kString,
                               "a mount's read/write flag, by index or source path (glob)", true));
    f.push_back(metadata_field("container.mount.propagation", T::kString,
                               "a mount's propagation, by index or source path (glob)", true));
    f.push_back(metadata_field("container.image.repository", T::kString,
                               "repository of the container's image, without the tag"));
    f.push_back(metadata_field("container.image.tag", T::kString, "tag of the container's image"));
    f.push_back(
        metadata_field("container.image.digest", T::kString, "digest of the container's image"));
    f.push_back(metadata_field("container.healthcheck", T::kString,
                               "health-check command line of the container", false,
                               container_no_probe));
    f.push_back(metadata_field("container.liveness_probe", T::kString,
                               "liveness-probe command line of the container", false,
                               container_no_probe));
    f.push_back(metadata_field("container.readiness_probe", T::kString,
                               "readiness-probe command line of the container", false,
                               container_no_probe));
    f.push_back(metadata_field("container.start_ts", T::kAbsTime,
                               "start time of the container, ns since the epoch"));
    return f;
}

} // namespace

FieldClassDef container_fields() {
    return {"container", "the container the event's thread runs in (host outside containers)",
            definitions()};
}

} // namespace sinsp::fields
