#include "fields/fs_params.h"

#include "scap/scap_event.h"
#include "state/paths.h"

namespace sinsp::fields {

namespace {

constexpr int64_t kAtFdcwd = -100;

} // namespace

ParamView event_or_enter_param(const Event& evt, const ThreadInfo* thread, std::string_view name) {
    ParamView p = evt.param(name);
    if (p.data != nullptr || evt.is_enter() || thread == nullptr) {
        return p;
    }
    if (thread->last_enter.empty() || thread->last_enter_type != evt.type() - 1) {
        return p;
    }
    const auto* enter = reinterpret_cast<const scap_evt*>(thread->last_enter.data());
    const scap_event_info& info = scap_event_table[enter->type];
    for (uint32_t i = 0; i < info.nparams; i++) {
        if (name != info.params[i].name) {
            continue;
        }
        scap_param raw;
        if (i < enter->nparams && scap_event_param(enter, i, &raw) == 0) {
            return ParamView{raw.data, raw.len, &info.params[i]};
        }
        break;
    }
    return p;
}

std::optional<int64_t> int_param(const Event& evt, const ThreadInfo* thread,
                                 std::string_view name) {
    return event_or_enter_param(evt, thread, name).as_int();
}

std::string absolute_event_path(const ThreadInfo* thread, std::string_view path,
                                std::optional<int64_t> dirfd) {
    if (!path.empty() && path.front() == '/') {
        return state::absolute_path("", path);
    }
    std::string_view base;
    if (thread != nullptr) {
        if (!dirfd || *dirfd == kAtFdcwd) {
            base = thread->cwd;
        } else if (const FdInfo* dir = thread->fds ? thread->fds->find(*dirfd) : nullptr) {
            base = dir->name;
        }
    }
    if (base.empty()) {
        return std::string(path);
    }
    return state::absolute_path(base, path);
}

} // namespace sinsp::fields
