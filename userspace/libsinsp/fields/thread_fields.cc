// thread.*: the thread that made the event, as opposed to its process (proc.*).
#include <string>
#include <string_view>
#include <utility>

#include "fields/field_class.h"
#include "fields/proc_lineage.h"
#include "fields/thread_caps.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

bool is_main(const ThreadInfo& t) {
    return process_pid(t) == t.tid;
}

// One capability set of the thread as names.
using CapSet = uint64_t ThreadInfo::*;

bool add_caps(Context& ctx, ValueList& out, CapSet set) {
    THREAD_OR_NA
    ctx.scratch.clear();
    append_capability_names(t->*set, ctx.scratch);
    out.add(Value::string(ctx.scratch));
    return true;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("thread.pfmajor", T::kUint64, "major page faults of the thread",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, t->pfmajor);
                      }));
    f.push_back(field("thread.pfminor", T::kUint64, "minor page faults of the thread",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, t->pfminor);
                      }));
    f.push_back(field("thread.tid", T::kInt64, "id of the thread that made the event",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_int(out, t->tid);
                      }));
    f.push_back(field("thread.ismain", T::kBool, "true for the main thread of its process",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          out.add(Value::boolean(is_main(*t)));
                          return true;
                      }));
    // CPU time comes from scheduler switch events, which the state does not follow: 0.
    f.push_back(field("thread.exectime", T::kRelTime,
                      "CPU time of the thread's last scheduled slice, ns (switch events only)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, 0);
                      }));
    f.push_back(field("thread.totexectime", T::kRelTime,
                      "CPU time of the thread since the capture began, ns (switch events only)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, 0);
                      }));
    f.push_back(field("thread.cgroups", T::kString,
                      "every cgroup of the thread as subsystem=path, spaced",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          if (t->cgroups.empty()) {
                              return false;
                          }
                          ctx.scratch.clear();
                          for (const auto& [subsystem, path] : t->cgroups) {
                              if (!ctx.scratch.empty()) {
                                  ctx.scratch += ' ';
                              }
                              ctx.scratch += subsystem;
                              ctx.scratch += '=';
                              ctx.scratch += path;
                          }
                          out.add(Value::string(ctx.scratch));
                          return true;
                      }));
    FieldDef cgroup = field("thread.cgroup", T::kString,
                            "cgroup of the thread for one subsystem: thread.cgroup.cpuacct",
                            [](Context& ctx, const BoundField& b, ValueList& out) {
                                THREAD_OR_NA
                                for (const auto& [subsystem, path] : t->cgroups) {
                                    if (b.argument && subsystem == *b.argument) {
                                        out.add(Value::string(path));
                                        return true;
                                    }
                                }
                                return false;
                            });
    cgroup.info.argument = filter::ArgumentPolicy::kRequired;
    cgroup.info.dotted_argument = true;
    f.push_back(std::move(cgroup));
    f.push_back(field("thread.vtid", T::kInt64, "thread id inside its pid namespace",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return t->vtid >= 0 && add_int(out, t->vtid);
                      }));
    // CPU usage needs periodic samples that captures do not carry: no value.
    const std::pair<const char*, const char*> cpu[] = {
        {"thread.cpu", "CPU used by the thread in the last second"},
        {"thread.cpu.user", "user CPU used by the thread in the last second"},
        {"thread.cpu.system", "system CPU used by the thread in the last second"},
    };
    for (const auto& [name, description] : cpu) {
        f.push_back(field(name, T::kDouble, description,
                          [](Context&, const BoundField&, ValueList&) { return false; }));
    }
    f.push_back(field("thread.vmsize", T::kUint64,
                      "virtual memory of the process, KB, on its main thread (0 on others)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, is_main(*t) ? t->vmsize_kb : 0);
                      }));
    f.push_back(field("thread.vmrss", T::kUint64,
                      "resident memory of the process, KB, on its main thread (0 on others)",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          return add_uint(out, is_main(*t) ? t->vmrss_kb : 0);
                      }));
    f.push_back(field("thread.cap_permitted", T::kString, "permitted capabilities, spaced names",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_caps(ctx, out, &ThreadInfo::cap_permitted);
                      }));
    f.push_back(field("thread.cap_effective", T::kString, "effective capabilities, spaced names",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_caps(ctx, out, &ThreadInfo::cap_effective);
                      }));
    f.push_back(field("thread.cap_inheritable", T::kString,
                      "inheritable capabilities, spaced names",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          return add_caps(ctx, out, &ThreadInfo::cap_inheritable);
                      }));
    return f;
}

#undef THREAD_OR_NA

} // namespace

FieldClassDef thread_fields() {
    return {"thread", "the thread that made the event", definitions()};
}

} // namespace sinsp::fields
