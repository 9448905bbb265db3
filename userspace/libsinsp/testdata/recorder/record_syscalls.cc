// record_syscalls: captures the workload of workload.cc with the eBPF probe into a capture file
// that sysdig 0.29.3 can read, for comparing sinsp-inspect with it.
//
//   record_syscalls [--probe=PROBE] OUT.scap      (root)
//
// The capture keeps the process list entries of the workload and its parent only (without their
// environment), and leaves out what sysdig 0.29.3 cannot show: event codes it does not know
// (>= 336, it skips them) and generic events of system calls it has no name for (it crashes on
// them).
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "driver_api/event_codes.h"
#include "scap/scap.h"
#include "scap/scap_dumper.h"
#include "workload.h"

namespace {

// sysdig 0.29.3 knows event codes below 336 and system-call codes below 334.
constexpr uint16_t kLegacyEventCount = 336;
constexpr uint16_t kLegacySyscallCount = 334;

bool sysdig_can_show(const scap_evt* evt) {
    if (evt->type >= kLegacyEventCount) {
        return false;
    }
    if (evt->type == SCAP_EV_GENERIC_E || evt->type == SCAP_EV_GENERIC_X) {
        scap_param id;
        uint16_t code = 0;
        if (scap_event_param(evt, 0, &id) == 0 && id.len == 2) {
            std::memcpy(&code, id.data, 2);
        }
        return code < kLegacySyscallCount;
    }
    return true;
}

// The metadata restricted to a few processes, so that the capture stays small.
struct SmallMetadata {
    scap_metadata meta{};
    std::vector<scap_threadinfo> threads;
    std::vector<scap_fdlist> fdlists;

    SmallMetadata(const scap_metadata& full, const std::vector<uint64_t>& pids) : meta(full) {
        auto wanted = [&](uint64_t pid) {
            for (uint64_t p : pids) {
                if (p == pid) {
                    return true;
                }
            }
            return false;
        };
        for (uint32_t i = 0; i < full.nthreads; i++) {
            if (wanted(full.threads[i].pid)) {
                threads.push_back(full.threads[i]);
            }
        }
        for (uint32_t i = 0; i < full.nfdlists; i++) {
            if (wanted(full.fdlists[i].tid)) {
                fdlists.push_back(full.fdlists[i]);
            }
        }
        meta.threads = threads.data();
        meta.nthreads = static_cast<uint32_t>(threads.size());
        meta.fdlists = fdlists.data();
        meta.nfdlists = static_cast<uint32_t>(fdlists.size());
        for (scap_threadinfo& t : threads) {
            // The environment and the cgroups of the machine stay out of the capture.
            t.env = "";
            t.env_len = 0;
            t.cgroups = "";
            t.cgroups_len = 0;
            t.fdlist = nullptr;
            for (const scap_fdlist& l : fdlists) {
                if (l.tid == t.tid) {
                    t.fdlist = &l;
                }
            }
        }
    }
};

int record(const std::string& probe, const std::string& out) {
    std::string dir = "/tmp/sinsp-record-syscalls";
    std::string cleanup = "rm -rf " + dir;
    if (std::system(cleanup.c_str()) != 0 || mkdir(dir.c_str(), 0755) != 0) {
        std::fprintf(stderr, "record_syscalls: cannot create %s\n", dir.c_str());
        return 1;
    }
    int go[2];
    if (pipe(go) != 0) {
        return 1;
    }
    pid_t child = fork();
    if (child == 0) {
        close(go[1]);
        recorder::run_workload(go[0], dir);
    }
    close(go[0]);

    char err[SCAP_ERRMSG_SIZE] = "";
    scap_open_args args{};
    args.size = sizeof(args);
    args.engine = "bpf";
    args.bpf_probe = probe.empty() ? nullptr : probe.c_str();
    args.snaplen = 80;
    args.only_tgid = static_cast<uint32_t>(child);
    scap* h = scap_open(&args, err);
    if (h == nullptr) {
        std::fprintf(stderr, "record_syscalls: %s\n", err);
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        return 1;
    }
    scap_dumper* dumper = scap_dumper_open(out.c_str(), false, err);
    if (dumper == nullptr) {
        std::fprintf(stderr, "record_syscalls: %s\n", err);
        scap_close(h);
        return 1;
    }
    SmallMetadata meta(*scap_get_metadata(h),
                       {static_cast<uint64_t>(getpid()), static_cast<uint64_t>(child)});
    scap_dump_section(dumper, &meta.meta);

    if (write(go[1], "g", 1) != 1) {
        return 1;
    }
    close(go[1]);
    int status = 0;
    waitpid(child, &status, 0);

    uint64_t kept = 0, dropped = 0;
    int idle = 0;
    while (idle < 20) {
        scap_evt* evt;
        uint16_t cpu;
        uint32_t flags;
        int rc = scap_next(h, &evt, &cpu, &flags);
        if (rc == SCAP_TIMEOUT) {
            idle++;
            continue;
        }
        if (rc != SCAP_OK) {
            break;
        }
        idle = 0;
        if (!sysdig_can_show(evt)) {
            dropped++;
            continue;
        }
        scap_dump_event(dumper, evt, cpu, flags);
        kept++;
    }
    scap_stats stats{};
    scap_get_stats(h, &stats);
    if (scap_dumper_close(dumper, err) != SCAP_OK) {
        std::fprintf(stderr, "record_syscalls: %s\n", err);
        scap_close(h);
        return 1;
    }
    scap_close(h);
    std::fprintf(stderr,
                 "record_syscalls: %llu events written to %s, %llu left out, %llu dropped by "
                 "the probe; workload status %d\n",
                 static_cast<unsigned long long>(kept), out.c_str(),
                 static_cast<unsigned long long>(dropped),
                 static_cast<unsigned long long>(stats.n_drops), status);
    return 0;
}

} // namespace

// Runs the program again with a fixed environment, so that none of the caller's reaches the
// capture (execve and clone events record the environment).
void reexec_clean(char** argv) {
    if (std::getenv("RECORD_SYSCALLS_CLEAN") != nullptr) {
        return;
    }
    std::string wd = "BUILD_WORKING_DIRECTORY=";
    const char* cwd = std::getenv("BUILD_WORKING_DIRECTORY");
    wd += cwd != nullptr ? cwd : "";
    char clean[] = "RECORD_SYSCALLS_CLEAN=1";
    char path[] = "PATH=/usr/bin:/bin";
    char lang[] = "LANG=C";
    char* env[] = {clean, path, lang, wd.data(), nullptr};
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n > 0) {
        self[n] = '\0';
        execve(self, argv, env);
    }
    std::fprintf(stderr, "record_syscalls: cannot run again: %s\n", std::strerror(errno));
    std::exit(1);
}

int main(int argc, char** argv) {
    reexec_clean(argv);
    std::string probe, out;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        if (a.rfind("--probe=", 0) == 0) {
            probe = a.substr(8);
        } else if (out.empty() && a[0] != '-') {
            out = a;
        } else {
            std::fprintf(stderr, "usage: record_syscalls [--probe=PROBE] OUT.scap\n");
            return 2;
        }
    }
    if (out.empty()) {
        std::fprintf(stderr, "usage: record_syscalls [--probe=PROBE] OUT.scap\n");
        return 2;
    }
    // bazel run starts in the runfiles tree; write where the user ran it from.
    if (out[0] != '/') {
        if (const char* wd = std::getenv("BUILD_WORKING_DIRECTORY")) {
            out = std::string(wd) + "/" + out;
        }
    }
    if (!probe.empty() && access(probe.c_str(), R_OK) != 0) {
        std::fprintf(stderr, "record_syscalls: %s: %s\n", probe.c_str(), std::strerror(errno));
        return 1;
    }
    if (!probe.empty() && probe[0] != '/') {
        char here[4096];
        if (getcwd(here, sizeof(here)) != nullptr) {
            probe = std::string(here) + "/" + probe;
        }
    }
    // Relative paths in the capture resolve against a short, stable directory.
    if (chdir("/tmp") != 0) {
        return 1;
    }
    return record(probe, out);
}
