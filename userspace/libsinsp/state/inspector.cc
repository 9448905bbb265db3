// Opening a source and stepping through its events.
#include "sinsp/inspector.h"

#include <cerrno>
#include <cstring>

#include "sinsp/error.h"
#include "state/event_parser.h"
#include "state/metadata_loader.h"

namespace sinsp {

std::unique_ptr<Inspector> Inspector::open(const OpenOptions& options) {
    std::vector<const char*> argv;
    for (const std::string& arg : options.ptrace_argv) {
        argv.push_back(arg.c_str());
    }
    argv.push_back(nullptr);
    scap_open_args args{};
    args.size = sizeof(args);
    args.engine = options.engine.c_str();
    args.path = options.path.empty() ? nullptr : options.path.c_str();
    args.bpf_probe = options.bpf_probe.empty() ? nullptr : options.bpf_probe.c_str();
    args.ring_bytes = options.ring_bytes;
    args.snaplen = options.snaplen;
    args.only_tgid = options.only_tgid;
    args.ptrace_argv = options.ptrace_argv.empty() ? nullptr : argv.data();
    args.ptrace_pid = options.ptrace_pid;
    args.ptrace_syscalls =
        options.ptrace_syscalls.empty() ? nullptr : options.ptrace_syscalls.c_str();
    char err[SCAP_ERRMSG_SIZE] = "";
    scap* handle = scap_open(&args, err);
    if (handle == nullptr) {
        throw Error(err);
    }
    return std::unique_ptr<Inspector>(new Inspector(handle));
}

Inspector::Inspector(scap* handle)
    : handle_(handle), parser_(std::make_unique<EventParser>(threads_)) {
    load_metadata();
}

Inspector::~Inspector() {
    scap_close(handle_);
}

void Inspector::load_metadata() {
    const scap_metadata* meta = scap_get_metadata(handle_);
    if (meta == nullptr) {
        return;
    }
    threads_.clear();
    state::load_threads(*meta, threads_);
    users_.clear();
    for (uint32_t i = 0; i < meta->nusers; i++) {
        const scap_userinfo& u = meta->users[i];
        users_[u.uid] = UserInfo{u.uid, u.gid, u.name, u.homedir, u.shell};
    }
    groups_.clear();
    for (uint32_t i = 0; i < meta->ngroups; i++) {
        const scap_groupinfo& g = meta->groups[i];
        groups_[g.gid] = GroupInfo{g.gid, g.name};
    }
    machine_.hostname = meta->machine.hostname;
    machine_.num_cpus = meta->machine.num_cpus;
    machine_.memory_bytes = meta->machine.memory_size_bytes;
    machine_.boot_ts = meta->machine.boot_ts_epoch;
    scap_stats stats{};
    scap_get_stats(handle_, &stats);
    sections_seen_ = stats.n_sections;
}

const Event* Inspector::next() {
    parser_->finish_previous();
    scap_evt* raw = nullptr;
    uint16_t cpu = 0;
    uint32_t flags = 0;
    int rc = scap_next(handle_, &raw, &cpu, &flags);
    if (rc == SCAP_EOF) {
        eof_ = true;
        return nullptr;
    }
    if (rc == SCAP_TIMEOUT) {
        return nullptr;
    }
    if (rc != SCAP_OK) {
        throw Error(scap_last_error(handle_));
    }
    scap_stats stats{};
    scap_get_stats(handle_, &stats);
    if (stats.n_sections != sections_seen_) {
        load_metadata(); // a new section brings a new process list
    }
    previous_ts_ = current_ts_;
    current_ts_ = raw->ts;
    event_.raw_ = raw;
    event_.num_ = ++num_;
    event_.cpu_ = cpu;
    event_.dump_flags_ = flags;
    if (first_ts_ == 0) {
        first_ts_ = raw->ts;
    }
    parser_->parse(event_);
    return &event_;
}

const UserInfo* Inspector::find_user(uint32_t uid) const {
    auto it = users_.find(uid);
    return it == users_.end() ? nullptr : &it->second;
}

const GroupInfo* Inspector::find_group(uint32_t gid) const {
    auto it = groups_.find(gid);
    return it == groups_.end() ? nullptr : &it->second;
}

scap_stats Inspector::scap_statistics() const {
    scap_stats stats{};
    scap_get_stats(handle_, &stats);
    return stats;
}

const scap_metadata* Inspector::metadata() const {
    return scap_get_metadata(handle_);
}

} // namespace sinsp
