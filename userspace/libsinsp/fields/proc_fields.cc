// proc.*: the process that made the event, its command line, its ancestors and its resources.
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "driver_api/event_table.h"
#include "fields/field_class.h"
#include "fields/proc_lineage.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

const ThreadTable& table(const Context& ctx) {
    return ctx.inspector.threads();
}

// The process's main thread, where process-wide numbers live; the thread itself without one.
const ThreadInfo& main_of(const Context& ctx, const ThreadInfo& t) {
    const ThreadInfo* main = table(ctx).main_thread(t);
    return main != nullptr ? *main : t;
}

// "a b c": the arguments joined by single spaces, appended to `out`.
void append_args(const ThreadInfo& t, std::string& out) {
    for (size_t i = 0; i < t.args.size(); i++) {
        if (i > 0) {
            out += ' ';
        }
        out += t.args[i];
    }
}

// proc.name followed by each argument after a space.
void build_cmdline(const ThreadInfo& t, std::string& out) {
    out.assign(process_name(t));
    for (const std::string& arg : t.args) {
        out += ' ';
        out += arg;
    }
}

// proc.exe, a space, then the arguments (sysdig keeps the space when there are none).
void build_exeline(const ThreadInfo& t, std::string& out) {
    out.assign(process_exe(t));
    out += ' ';
    append_args(t, out);
}

// The value of NAME in "NAME=value" entries.
bool env_value(const ThreadInfo& t, std::string_view name, std::string_view& value) {
    for (const std::string& entry : t.env) {
        std::string_view e(entry);
        if (e.size() > name.size() && e[name.size()] == '=' && e.substr(0, name.size()) == name) {
            value = e.substr(name.size() + 1);
            return true;
        }
    }
    return false;
}

// One value of a per-ancestor field for thread `a`.
using AncestorValue = bool (*)(Context& ctx, const ThreadInfo& a, ValueList& out);

// proc.aname[N] and friends: the N-th ancestor's value; without N every ancestor's (filters).
bool extract_ancestry(Context& ctx, const BoundField& f, ValueList& out, AncestorValue value) {
    THREAD_OR_NA
    if (f.index) {
        const ThreadInfo* a = ancestor(table(ctx), *t, *f.index);
        return a != nullptr && value(ctx, *a, out);
    }
    bool any = false;
    for_each_ancestor(table(ctx), *t, [&](const ThreadInfo& a) {
        any = value(ctx, a, out) || any;
        return true;
    });
    return any;
}

// Formats without an index print the process itself, as sysdig does.
bool render_ancestry(Context& ctx, const BoundField& f, std::string& out, AncestorValue value) {
    THREAD_OR_NA
    const ThreadInfo* a = ancestor(table(ctx), *t, f.index.value_or(0));
    ValueList values;
    if (a == nullptr || !value(ctx, *a, values) || values.empty()) {
        return false;
    }
    const Value& v = values[0];
    if (v.kind() == Value::Kind::kInt64) {
        out += std::to_string(v.int64());
    } else {
        out += v.text();
    }
    return true;
}

bool ancestor_pid(Context&, const ThreadInfo& a, ValueList& out) {
    return add_int(out, process_pid(a));
}
bool ancestor_name(Context&, const ThreadInfo& a, ValueList& out) {
    return add_text(out, process_name(a));
}
bool ancestor_exe(Context&, const ThreadInfo& a, ValueList& out) {
    return add_text(out, process_exe(a));
}
bool ancestor_exepath(Context&, const ThreadInfo& a, ValueList& out) {
    return add_text(out, a.exepath);
}
bool ancestor_cmdline(Context& ctx, const ThreadInfo& a, ValueList& out) {
    build_cmdline(a, ctx.scratch);
    out.add_string_copy(ctx.scratch);
    return true;
}

// A field whose argument picks an ancestor ([N]); without one it matches any ancestor.
FieldDef ancestry_field(std::string name, FieldType type, std::string description,
                        ExtractFn extract, RenderFn render) {
    FieldDef def = field(std::move(name), type, std::move(description), extract, render);
    def.info.argument = filter::ArgumentPolicy::kOptional;
    def.info.argument_kind = filter::ArgumentKind::kIndex;
    def.info.multiplicity = filter::Multiplicity::kAnyOf;
    def.info.multiplicity_with_argument = filter::Multiplicity::kSingle;
    return def;
}

// Open descriptors of the process. The one a close event removes still counts during that
// event, as in sysdig.
uint64_t open_fds(const Context& ctx, const ThreadInfo& t) {
    uint64_t n = t.fds != nullptr ? t.fds->size() : 0;
    const FdInfo* fd = ctx.fd();
    bool closing = fd != nullptr && (ctx.event.info().flags & SCAP_EF_DESTROYS_FD) != 0;
    if (closing && t.fds != nullptr && t.fds->find(fd->fd) != fd) {
        n++;
    }
    return n;
}

// The fd limit as sysdig shows it: -1 for a thread the capture never described.
int64_t fd_limit(const ThreadInfo& t) {
    return t.incomplete && t.fdlimit == 0 ? -1 : static_cast<int64_t>(t.fdlimit);
}

double fd_usage(const Context& ctx, const ThreadInfo& t) {
    int64_t limit = fd_limit(main_of(ctx, t));
    return limit > 0 ? 100.0 * static_cast<double>(open_fds(ctx, t)) / static_cast<double>(limit)
                     : 0.0;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("proc.pid", T::kInt64, "process id (thread group id) of the event's thread",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, process_pid(*t));
                      }));
    f.push_back(field("proc.exe", T::kString, "argv[0] of the process (usually the executable)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_text(out, process_exe(*t));
                      }));
    f.push_back(field("proc.name", T::kString, "process name (comm), without the path",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_text(out, process_name(*t));
                      }));
    f.push_back(field("proc.args", T::kString, "command-line arguments after argv[0], spaced",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          if (t->args.size() == 1) {
                              return add_text(out, t->args[0]);
                          }
                          ctx.scratch.clear();
                          append_args(*t, ctx.scratch);
                          return add_text(out, ctx.scratch);
                      }));
    FieldDef env =
        field("proc.env", T::kString,
              "environment of the process, spaced; proc.env[NAME] gives one variable's value",
              [](Context& ctx, const BoundField& bound, ValueList& out) {
                  THREAD_OR_NA
                  const ThreadInfo& m = main_of(ctx, *t);
                  if (bound.argument) {
                      std::string_view value;
                      return env_value(m, *bound.argument, value) && add_text(out, value);
                  }
                  ctx.scratch.clear();
                  for (size_t i = 0; i < m.env.size(); i++) {
                      if (i > 0) {
                          ctx.scratch += ' ';
                      }
                      ctx.scratch += m.env[i];
                  }
                  return add_text(out, ctx.scratch);
              });
    env.info.argument = filter::ArgumentPolicy::kOptional;
    f.push_back(std::move(env));
    f.push_back(field("proc.cmdline", T::kString, "proc.name followed by proc.args",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          if (t->args.empty()) {
                              return add_text(out, process_name(*t));
                          }
                          build_cmdline(*t, ctx.scratch);
                          return add_text(out, ctx.scratch);
                      }));
    f.push_back(field("proc.exeline", T::kString, "proc.exe followed by proc.args",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          build_exeline(*t, ctx.scratch);
                          return add_text(out, ctx.scratch);
                      }));
    f.push_back(field("proc.cwd", T::kString, "current working directory of the process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_text(out, main_of(ctx, *t).cwd);
                      }));
    f.push_back(field("proc.nthreads", T::kUint64, "threads of the process, the main one included",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          uint32_t n = table(ctx).thread_count(process_pid(*t));
                          return add_uint(out, n > 0 ? n : 1);
                      }));
    f.push_back(field("proc.nchilds", T::kUint64, "threads of the process besides the main one",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          // sysdig counts them on the main thread; other threads show 0.
                          if (process_pid(*t) != t->tid) {
                              return add_uint(out, 0);
                          }
                          uint32_t n = table(ctx).thread_count(t->tid);
                          return add_uint(out, n > 1 ? n - 1 : 0);
                      }));
    f.push_back(field("proc.ppid", T::kInt64, "pid of the parent process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, main_of(ctx, *t).ptid);
                      }));
    f.push_back(field("proc.pname", T::kString, "name of the parent process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          const ThreadInfo* p = table(ctx).parent(*t);
                          return p != nullptr && add_text(out, process_name(*p));
                      }));
    f.push_back(field("proc.pcmdline", T::kString, "command line (name and args) of the parent",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          const ThreadInfo* p = table(ctx).parent(*t);
                          if (p == nullptr) {
                              return false;
                          }
                          build_cmdline(*p, ctx.scratch);
                          return add_text(out, ctx.scratch);
                      }));
    f.push_back(ancestry_field(
        "proc.apid", T::kInt64,
        "pid of an ancestor: [0] the process, [1] its parent, ...; without index (filters) any",
        [](Context& ctx, const BoundField& b, ValueList& out) {
            return extract_ancestry(ctx, b, out, ancestor_pid);
        },
        [](Context& ctx, const BoundField& b, std::string& out) {
            return render_ancestry(ctx, b, out, ancestor_pid);
        }));
    f.push_back(ancestry_field(
        "proc.aname", T::kString,
        "name of an ancestor: [0] the process, [1] its parent, ...; without index (filters) any",
        [](Context& ctx, const BoundField& b, ValueList& out) {
            return extract_ancestry(ctx, b, out, ancestor_name);
        },
        [](Context& ctx, const BoundField& b, std::string& out) {
            return render_ancestry(ctx, b, out, ancestor_name);
        }));
    f.push_back(field("proc.loginshellid", T::kInt64,
                      "pid of the oldest shell among the process and its ancestors",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          const ThreadInfo* shell = login_shell(table(ctx), *t);
                          return shell != nullptr && add_int(out, process_pid(*shell));
                      }));
    f.push_back(field("proc.duration", T::kRelTime, "nanoseconds since the thread started",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return t->clone_ts != 0 && add_uint(out, ctx.event.ts() - t->clone_ts);
                      }));
    f.push_back(field("proc.fdopencount", T::kUint64, "open descriptors of the process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, open_fds(ctx, *t));
                      }));
    f.push_back(field("proc.fdlimit", T::kInt64, "most descriptors the process may open",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, fd_limit(main_of(ctx, *t)));
                      }));
    f.push_back(field(
        "proc.fdusage", T::kDouble, "open descriptors as a percentage of the limit",
        [](Context& ctx, const BoundField&, ValueList& out) {
            THREAD_OR_NA
            out.add(Value::real(fd_usage(ctx, *t)));
            return true;
        },
        [](Context& ctx, const BoundField&, std::string& out) {
            THREAD_OR_NA
            char buf[32];
            std::snprintf(buf, sizeof(buf), "%.1f", fd_usage(ctx, *t));
            out += buf;
            return true;
        }));
    f.push_back(field("proc.vmsize", T::kUint64, "virtual memory of the process, KB",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, main_of(ctx, *t).vmsize_kb);
                      }));
    f.push_back(field("proc.vmrss", T::kUint64, "resident memory of the process, KB",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, main_of(ctx, *t).vmrss_kb);
                      }));
    f.push_back(field("proc.vmswap", T::kUint64, "swapped-out memory of the process, KB",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, main_of(ctx, *t).vmswap_kb);
                      }));
    f.push_back(field("proc.vpid", T::kInt64, "process id inside its pid namespace",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return t->vpid >= 0 && add_int(out, t->vpid);
                      }));
    f.push_back(field("proc.sid", T::kInt64, "session id of the process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, t->sid);
                      }));
    f.push_back(field("proc.sname", T::kString, "name of the process's session leader",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_text(out, process_name(*session_leader(table(ctx), *t)));
                      }));
    f.push_back(field("proc.tty", T::kInt64, "controlling terminal number, 0 for none",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, static_cast<int32_t>(t->tty));
                      }));
    f.push_back(field("proc.exepath", T::kString, "full path of the executable",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_text(out, t->exepath);
                      }));
    f.push_back(field("proc.vpgid", T::kInt64, "process group id inside the pid namespace",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, t->vpgid);
                      }));
    // Container health checks and probes need container metadata, which captures do not carry:
    // these are false for every process.
    const std::pair<const char*, const char*> probes[] = {
        {"proc.is_container_healthcheck", "true if the process is a container health check"},
        {"proc.is_container_liveness_probe", "true if the process is a container liveness probe"},
        {"proc.is_container_readiness_probe", "true if the process is a container readiness probe"},
    };
    for (const auto& [name, description] : probes) {
        f.push_back(
            field(name, T::kBool, description, [](Context& ctx, const BoundField&, ValueList& out) {
                THREAD_OR_NA
                return add_bool(out, false);
            }));
    }
    f.push_back(field("proc.is_exe_writable", T::kBool,
                      "true if the executable is writable by the user that started the process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_bool(out, t->exe_writable);
                      }));
    f.push_back(field("proc.pexepath", T::kString, "full executable path of the parent",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          const ThreadInfo* p = table(ctx).parent(*t);
                          return p != nullptr && add_text(out, p->exepath);
                      }));
    f.push_back(ancestry_field(
        "proc.aexepath", T::kString, "executable path of an ancestor, indexed like proc.aname",
        [](Context& ctx, const BoundField& b, ValueList& out) {
            return extract_ancestry(ctx, b, out, ancestor_exepath);
        },
        [](Context& ctx, const BoundField& b, std::string& out) {
            return render_ancestry(ctx, b, out, ancestor_exepath);
        }));
    f.push_back(field("proc.pexe", T::kString, "argv[0] of the parent",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          const ThreadInfo* p = table(ctx).parent(*t);
                          return p != nullptr && add_text(out, process_exe(*p));
                      }));
    f.push_back(ancestry_field(
        "proc.aexe", T::kString, "argv[0] of an ancestor, indexed like proc.aname",
        [](Context& ctx, const BoundField& b, ValueList& out) {
            return extract_ancestry(ctx, b, out, ancestor_exe);
        },
        [](Context& ctx, const BoundField& b, std::string& out) {
            return render_ancestry(ctx, b, out, ancestor_exe);
        }));
    f.push_back(ancestry_field(
        "proc.acmdline", T::kString, "command line of an ancestor, indexed like proc.aname",
        [](Context& ctx, const BoundField& b, ValueList& out) {
            return extract_ancestry(ctx, b, out, ancestor_cmdline);
        },
        [](Context& ctx, const BoundField& b, std::string& out) {
            return render_ancestry(ctx, b, out, ancestor_cmdline);
        }));
    f.push_back(field("proc.exe_ino", T::kInt64, "inode number of the executable",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, static_cast<int64_t>(t->exe_ino));
                      }));
    f.push_back(field("proc.exe_ino.ctime", T::kAbsTime, "inode change time of the executable",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, t->exe_ino_ctime);
                      }));
    f.push_back(field("proc.exe_ino.mtime", T::kAbsTime, "modification time of the executable",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, t->exe_ino_mtime);
                      }));
    f.push_back(field("proc.exe_ino.ctime_duration_proc_start", T::kAbsTime,
                      "nanoseconds from the executable's inode change to the process start",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          uint64_t start = main_of(ctx, *t).clone_ts;
                          uint64_t ctime = t->exe_ino_ctime;
                          return start != 0 && ctime != 0 && start >= ctime &&
                                 add_uint(out, start - ctime);
                      }));
    f.push_back(field("proc.is_exe_upper_layer", T::kBool,
                      "true if the executable lives in the upper layer of an overlay filesystem",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_bool(out, t->exe_upper_layer);
                      }));
    f.push_back(field("proc.is_exe_from_memfd", T::kBool,
                      "true if the executable is an anonymous memfd file",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_bool(out, t->exe_from_memfd);
                      }));
    f.push_back(field("proc.pid.ts", T::kRelTime, "start time of the process, ns since the epoch",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          uint64_t start = main_of(ctx, *t).clone_ts;
                          return start != 0 && add_uint(out, start);
                      }));
    f.push_back(field("proc.cmdnargs", T::kUint64, "number of command-line arguments (proc.args)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, t->args.size());
                      }));
    return f;
}

#undef THREAD_OR_NA

} // namespace

FieldClassDef proc_fields() {
    return {"proc", "the process that made the event: identity, command line, ancestry, resources",
            definitions()};
}

} // namespace sinsp::fields
