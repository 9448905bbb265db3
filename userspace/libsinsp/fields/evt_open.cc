// evt.is_open_* (how an open-family call opened its file) and evt.abspath (the absolute paths
// of *at() calls).
#include <vector>

#include "event/param_render.h"
#include "event/render_path.h"
#include "fields/evt_fields_internal.h"
#include "sinsp/fd_info.h"
#include "sinsp/thread_info.h"

namespace sinsp::fields::evt {

namespace {

using filter::Value;

// Open flags as the drivers encode them.
constexpr uint64_t kOpenRead = 1;
constexpr uint64_t kOpenWrite = 2;
constexpr uint64_t kOpenCreate = 4;
constexpr uint64_t kOpenTmpfile = 8192;
constexpr uint64_t kOpenCreated = 16384;
constexpr uint64_t kExecBits = 0111;

// The open-family events with the open flags: the exits, and the enter of the old openat whose
// exit records the fd only.
bool is_open_event(uint16_t type) {
    switch (type) {
    case SCAP_EV_SYSCALL_OPEN_X:
    case SCAP_EV_SYSCALL_OPENAT_E:
    case SCAP_EV_SYSCALL_OPENAT_2_X:
    case SCAP_EV_SYSCALL_OPENAT2_X:
    case SCAP_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
        return true;
    default:
        return false;
    }
}

std::optional<uint64_t> uint_param(const Event& evt, const char* name) {
    auto index = evt.param_index(name);
    if (!index || *index >= evt.param_count()) {
        return std::nullopt;
    }
    return evt.param(*index).as_uint();
}

// The open flags of an open-family event.
std::optional<uint64_t> open_flags(const Event& evt) {
    if (!is_open_event(evt.type())) {
        return std::nullopt;
    }
    return uint_param(evt, "flags");
}

// A path and the parameter of the directory fd it is relative to.
struct RelativePath {
    uint32_t path;
    uint32_t dirfd;
};

// The *at() paths of an event: the parameters of exit events relative to a dirfd parameter, and
// the name of the old openat's enter event (whose exit records only the fd).
std::vector<RelativePath> relative_paths(const Event& evt) {
    std::vector<RelativePath> out;
    if (evt.type() == SCAP_EV_SYSCALL_OPENAT_E && evt.param_count() >= 2) {
        out.push_back({1, 0});
        return out;
    }
    if (evt.is_enter()) {
        return out;
    }
    for (uint32_t i = 0; i < render::visible_param_count(evt); i++) {
        const scap_param_info* info = render::param_info(evt, i);
        if (info != nullptr && info->type == SCAP_PT_FSRELPATH && info->dirfd_param >= 0) {
            out.push_back({i, static_cast<uint32_t>(info->dirfd_param)});
        }
    }
    return out;
}

// A relative path made absolute: joined to the cwd for AT_FDCWD, to the name of its directory
// fd, or to "<UNKNOWN>" when that fd is not known.
bool absolute_path(const Event& evt, const RelativePath& rel, std::string& out) {
    std::string_view path = evt.param(rel.path).as_string();
    if (!path.empty() && path.front() == '/') {
        out += path;
        return true;
    }
    std::string base = "<UNKNOWN>";
    auto dirfd = evt.param(rel.dirfd).as_int();
    const ThreadInfo* thread = evt.thread();
    if (dirfd && *dirfd == -100) {
        base = thread != nullptr ? thread->cwd : std::string();
    } else if (dirfd && thread != nullptr && thread->fds) {
        if (const FdInfo* fd = thread->fds->find(*dirfd)) {
            base = fd->name;
        }
    }
    std::string joined = render::join_relative(base, path);
    if (joined.empty()) {
        return false;
    }
    out += joined;
    return true;
}

} // namespace

bool is_open_read(Context& ctx, const BoundField&, ValueList& out) {
    auto flags = open_flags(ctx.event);
    return add_bool(out, flags && (*flags & kOpenRead) != 0);
}

bool is_open_write(Context& ctx, const BoundField&, ValueList& out) {
    auto flags = open_flags(ctx.event);
    return add_bool(out, flags && (*flags & kOpenWrite) != 0);
}

// Creating a file with an execute bit: creat, or an open with O_CREAT or O_TMPFILE.
bool is_open_exec(Context& ctx, const BoundField&, ValueList& out) {
    const Event& evt = ctx.event;
    bool creates = false;
    if (evt.type() == SCAP_EV_SYSCALL_CREAT_X) {
        creates = true;
    } else if (auto flags = open_flags(evt)) {
        creates = (*flags & (kOpenCreate | kOpenTmpfile)) != 0;
    }
    auto mode = creates ? uint_param(evt, "mode") : std::nullopt;
    return add_bool(out, mode && (*mode & kExecBits) != 0);
}

bool is_open_create(Context& ctx, const BoundField&, ValueList& out) {
    auto flags = open_flags(ctx.event);
    return add_bool(out, flags && (*flags & kOpenCreated) != 0);
}

bool abspath_text(Context& ctx, const BoundField&, std::string& out) {
    std::vector<RelativePath> paths = relative_paths(ctx.event);
    return !paths.empty() && absolute_path(ctx.event, paths.front(), out);
}

bool abspath_src_text(Context& ctx, const BoundField& field, std::string& out) {
    return abspath_text(ctx, field, out);
}

bool abspath_dst_text(Context& ctx, const BoundField&, std::string& out) {
    std::vector<RelativePath> paths = relative_paths(ctx.event);
    return !paths.empty() && absolute_path(ctx.event, paths.back(), out);
}

} // namespace sinsp::fields::evt
