// fs.path.*: the paths of file-system calls that take them (mkdir, unlink, rename, link, ...),
// whatever the parameter is called and whichever of enter or exit records it; absolute, or as
// passed (the *raw fields).
#include <array>
#include <string>
#include <string_view>

#include "fields/field_class.h"
#include "fields/fs_params.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

// A path parameter and the parameter with the directory fd it is relative to ("" for cwd).
struct PathParam {
    std::string_view path;
    std::string_view dirfd;
};

// Where a call keeps its paths: one path, or a source and a target.
struct PathCall {
    std::string_view event;
    PathParam name, source, target;
};

constexpr std::array<PathCall, 19> kCalls = {{
    {"mkdir", {"path", ""}, {}, {}},
    {"mkdirat", {"path", "dirfd"}, {}, {}},
    {"rmdir", {"path", ""}, {}, {}},
    {"unlink", {"path", ""}, {}, {}},
    {"unlinkat", {"name", "dirfd"}, {}, {}},
    {"chmod", {"filename", ""}, {}, {}},
    {"fchmodat", {"filename", "dirfd"}, {}, {}},
    {"chown", {"path", ""}, {}, {}},
    {"lchown", {"path", ""}, {}, {}},
    {"fchownat", {"pathname", "dirfd"}, {}, {}},
    {"mknod", {"path", ""}, {}, {}},
    {"mknodat", {"path", "dirfd"}, {}, {}},
    {"rename", {}, {"oldpath", ""}, {"newpath", ""}},
    {"renameat", {}, {"oldpath", "olddirfd"}, {"newpath", "newdirfd"}},
    {"renameat2", {}, {"oldpath", "olddirfd"}, {"newpath", "newdirfd"}},
    {"link", {}, {"oldpath", ""}, {"newpath", ""}},
    {"linkat", {}, {"oldpath", "olddir"}, {"newpath", "newdir"}},
    {"symlink", {}, {"target", ""}, {"linkpath", ""}},
    {"symlinkat", {}, {"target", ""}, {"linkpath", "linkdirfd"}},
}};

const PathCall* find_call(std::string_view event) {
    for (const PathCall& call : kCalls) {
        if (call.event == event) {
            return &call;
        }
    }
    return nullptr;
}

using Which = PathParam PathCall::*;

// The path `which` of the event's call as passed; false when the call has none or it is absent.
bool raw_path(const Context& ctx, Which which, std::string_view& out, PathParam& param) {
    const PathCall* call = find_call(ctx.event.name());
    if (call == nullptr || (call->*which).path.empty()) {
        return false;
    }
    param = call->*which;
    ParamView p = event_or_enter_param(ctx.event, ctx.thread(), param.path);
    if (p.data == nullptr) {
        return false;
    }
    out = p.as_string();
    return true;
}

bool extract_raw(Context& ctx, ValueList& out, Which which) {
    std::string_view path;
    PathParam param;
    if (!raw_path(ctx, which, path, param)) {
        return false;
    }
    out.add(Value::string(path));
    return true;
}

bool extract_absolute(Context& ctx, ValueList& out, Which which) {
    std::string_view path;
    PathParam param;
    if (!raw_path(ctx, which, path, param)) {
        return false;
    }
    std::optional<int64_t> dirfd;
    if (!param.dirfd.empty()) {
        dirfd = int_param(ctx.event, ctx.thread(), param.dirfd);
    }
    ctx.scratch = absolute_event_path(ctx.thread(), path, dirfd);
    out.add(Value::string(ctx.scratch));
    return true;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("fs.path.name", T::kString,
                      "path of a one-path file-system call (mkdir, unlink, ...), absolute",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_absolute(ctx, out, &PathCall::name);
                      }));
    f.push_back(field("fs.path.nameraw", T::kString, "fs.path.name as the process passed it",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_raw(ctx, out, &PathCall::name);
                      }));
    f.push_back(field("fs.path.source", T::kString,
                      "source path of a two-path call (rename, link, symlink), absolute",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_absolute(ctx, out, &PathCall::source);
                      }));
    f.push_back(field("fs.path.sourceraw", T::kString, "fs.path.source as the process passed it",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_raw(ctx, out, &PathCall::source);
                      }));
    f.push_back(field("fs.path.target", T::kString,
                      "target path of a two-path call (rename, link, symlink), absolute",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_absolute(ctx, out, &PathCall::target);
                      }));
    f.push_back(field("fs.path.targetraw", T::kString, "fs.path.target as the process passed it",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return extract_raw(ctx, out, &PathCall::target);
                      }));
    return f;
}

} // namespace

FieldClassDef fs_fields() {
    return {"fs", "paths of file-system calls, whatever their parameters are called",
            definitions()};
}

} // namespace sinsp::fields
