// evt.*: the event itself (number, time, type, parameters, result), with the fields of
// sysdig 0.29.3 in its order and the later ones Falco rules use after them.
#include "fields/evt_fields_internal.h"

namespace sinsp::fields {

namespace {

using filter::ArgumentKind;
using filter::ArgumentPolicy;
using filter::FieldType;
using namespace evt;

// A field that takes an argument, written evt.arg[0], evt.arg.fd or evt.type.is.open.
FieldDef with_argument(FieldDef def, ArgumentKind kind) {
    def.info.argument = ArgumentPolicy::kRequired;
    def.info.argument_kind = kind;
    def.info.dotted_argument = true;
    return def;
}

std::vector<FieldDef> time_fields() {
    using T = FieldType;
    return {
        field("evt.num", T::kUint64, "number of the event in the capture, from 1", num),
        field("evt.time", T::kString,
              "time of day of the event in the local time zone, with nanoseconds",
              extract_text<time_text>, time_text),
        field("evt.time.s", T::kString, "time of day of the event, whole seconds",
              extract_text<time_s_text>, time_s_text),
        field("evt.time.iso8601", T::kString,
              "date and time of the event in ISO 8601, in UTC with nanoseconds",
              extract_text<time_iso8601_text>, time_iso8601_text),
        field("evt.datetime", T::kString, "local date and time of the event, with nanoseconds",
              extract_text<datetime_text>, datetime_text),
        field("evt.datetime.s", T::kString, "local date and time of the event, whole seconds",
              extract_text<datetime_s_text>, datetime_s_text),
        field("evt.rawtime", T::kAbsTime, "time of the event in nanoseconds since the epoch",
              rawtime),
        field("evt.rawtime.s", T::kAbsTime, "whole seconds of evt.rawtime", rawtime_s),
        field("evt.rawtime.ns", T::kAbsTime, "nanoseconds within the second of evt.rawtime",
              rawtime_ns, nine_digits_text<rawtime_ns>),
        field("evt.reltime", T::kRelTime, "nanoseconds since the first event of the capture",
              reltime, reltime_text),
        field("evt.reltime.s", T::kRelTime, "whole seconds of evt.reltime", reltime_s),
        field("evt.reltime.ns", T::kRelTime, "nanoseconds within the second of evt.reltime",
              reltime_ns, nine_digits_text<reltime_ns>),
        field("evt.pluginname", T::kString,
              "for events of a plugin, the plugin's name (no plugins: never set)", no_value),
        field("evt.plugininfo", T::kString,
              "for events of a plugin, its summary of the event (no plugins: never set)", no_value),
        field("evt.latency", T::kRelTime,
              "for exit events, nanoseconds since the thread's enter event", latency),
        field("evt.latency.s", T::kRelTime, "whole seconds of evt.latency", latency_s),
        field("evt.latency.ns", T::kRelTime, "nanoseconds within the second of evt.latency",
              latency_ns, nine_digits_text<latency_ns>),
        field("evt.latency.human", T::kString, "evt.latency for people: 2.50us, 123ms, 1:05",
              extract_text<latency_human_text>, latency_human_text),
        field("evt.deltatime", T::kRelTime, "nanoseconds since the previous event shown",
              deltatime),
        field("evt.deltatime.s", T::kRelTime, "whole seconds of evt.deltatime", deltatime_s),
        field("evt.deltatime.ns", T::kRelTime, "nanoseconds within the second of evt.deltatime",
              deltatime_ns, nine_digits_text<deltatime_ns>),
    };
}

std::vector<FieldDef> kind_fields() {
    using T = FieldType;
    FieldDef type = field("evt.type", T::kString,
                          "the event's name (open, execve, switch...); generic system-call "
                          "events by their call",
                          extract_text<type_text>, type_text);
    type.info.event_type = true;
    FieldDef type_is_def = with_argument(
        field("evt.type.is", T::kUint64,
              "1 when the event's type is the one named after it (evt.type.is.open), else 0",
              type_is),
        ArgumentKind::kAny);
    // sysdig 0.29.3 prints nothing for it in formats.
    type_is_def.render = [](Context&, const BoundField&, std::string&) { return false; };
    return {
        field("evt.dir", T::kString, "'>' for enter events, '<' for exit events",
              extract_text<dir_text>, dir_text),
        type,
        type_is_def,
        field("evt.category", T::kString,
              "what the event is about: file, net, IPC, memory, process, sleep, wait...",
              extract_text<category_text>, category_text),
        field("evt.cpu", T::kInt64, "the CPU the event was recorded on", cpu),
    };
}

std::vector<FieldDef> param_fields() {
    using T = FieldType;
    return {
        field("evt.args", T::kString, "every parameter as name=value, in one string",
              extract_text<args_text>, args_text),
        with_argument(field("evt.arg", T::kString,
                            "one parameter by name (evt.arg.fd) or position (evt.arg[0]), as "
                            "text: fds as their names, errors as their codes",
                            extract_text<arg_text>, arg_text),
                      ArgumentKind::kIndexOrName),
        with_argument(field("evt.rawarg", T::kDynamic,
                            "one parameter by name (evt.rawarg.fd) in its own type, for numeric "
                            "comparisons",
                            rawarg, rawarg_text),
                      ArgumentKind::kIndexOrName),
        field("evt.info", T::kString, "like evt.args, with messages to the syslog socket decoded",
              extract_text<info_text>, info_text),
        field("evt.buffer", T::kBytes, "the data an I/O call read or wrote", buffer, buffer_text),
        field("evt.buflen", T::kUint64, "how many bytes an I/O call read or wrote", buflen),
    };
}

std::vector<FieldDef> result_fields() {
    using T = FieldType;
    return {
        field("evt.res", T::kString, "the call's result: SUCCESS, or the error's code (ENOENT...)",
              extract_text<res_text>, res_text),
        field("evt.rawres", T::kInt64, "the call's return value as a number (-2...)", rawres),
        field("evt.failed", T::kBool, "true when the call returned an error", failed),
    };
}

std::vector<FieldDef> flag_fields() {
    using T = FieldType;
    return {
        field("evt.is_io", T::kBool, "true for calls that read or write through an fd", is_io),
        field("evt.is_io_read", T::kBool, "true for calls that read through an fd", is_io_read),
        field("evt.is_io_write", T::kBool, "true for calls that write through an fd", is_io_write),
        field("evt.io_dir", T::kString, "'read' or 'write' for I/O calls",
              extract_text<io_dir_text>, io_dir_text),
        field("evt.is_wait", T::kBool, "true for calls that make the thread wait (sleep, poll...)",
              is_wait),
        field("evt.wait_latency", T::kRelTime,
              "for exit events of waiting calls, the nanoseconds spent waiting", wait_latency),
        field("evt.is_syslog", T::kBool, "true for writes to the syslog socket /dev/log",
              is_syslog),
        field("evt.count", T::kUint64, "1 for every event, for counting", count),
        field("evt.count.error", T::kUint64, "1 for failed calls", count_error),
        field("evt.count.error.file", T::kUint64, "1 for failed calls on files", count_error_file),
        field("evt.count.error.net", T::kUint64, "1 for failed calls on sockets", count_error_net),
        field("evt.count.error.memory", T::kUint64, "1 for failed memory calls",
              count_error_memory),
        field("evt.count.error.other", T::kUint64, "1 for the other failed calls",
              count_error_other),
        field("evt.count.exit", T::kUint64, "1 for exit events", count_exit),
        field("evt.abspath", T::kString,
              "the absolute path of a *at() call (renameat, openat...): dirfd and path joined",
              extract_text<abspath_text>, abspath_text),
        field("evt.abspath.src", T::kString, "the first path of a two-path *at() call",
              extract_text<abspath_src_text>, abspath_src_text),
        field("evt.abspath.dst", T::kString, "the second path of a two-path *at() call",
              extract_text<abspath_dst_text>, abspath_dst_text),
        field("evt.is_open_read", T::kBool, "true for opens for reading", is_open_read),
        field("evt.is_open_write", T::kBool, "true for opens for writing", is_open_write),
        field("evt.is_open_exec", T::kBool,
              "true for opens and creats that create a file with an execute bit", is_open_exec),
    };
}

// Fields of later releases, after those of sysdig 0.29.3.
std::vector<FieldDef> later_fields() {
    using T = FieldType;
    return {
        field("evt.outputtime", T::kString, "the event's time as outputs print it (evt.time)",
              extract_text<time_text>, time_text),
        field("evt.source", T::kString, "where the event comes from: syscall",
              extract_text<source_text>, source_text),
        field("evt.hostname", T::kString,
              "the name of the machine (FALCO_HOSTNAME when set, else the capture's)",
              extract_text<hostname_text>, hostname_text),
        field("evt.is_async", T::kBool, "true for events that no thread made (async events)",
              is_async),
        field("evt.is_open_create", T::kBool, "true for opens that created their file",
              is_open_create),
    };
}

} // namespace

FieldClassDef evt_fields() {
    FieldClassDef def{"evt", "the event: number, time, type, parameters and result", {}};
    for (auto part :
         {time_fields, kind_fields, param_fields, result_fields, flag_fields, later_fields}) {
        for (FieldDef& f : part()) {
            def.fields.push_back(std::move(f));
        }
    }
    return def;
}

} // namespace sinsp::fields
