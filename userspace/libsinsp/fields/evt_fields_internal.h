// The extractors and renderers behind the evt.* fields, grouped by the files that compute them;
// evt_fields.cc lists the fields. Internal to libsinsp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fields/field_class.h"

namespace sinsp::fields::evt {

using filter::BoundField;
using filter::ValueList;

// Adapts a renderer into an extractor giving its text as one string value.
template <RenderFn Render>
bool extract_text(Context& ctx, const BoundField& field, ValueList& out) {
    ctx.scratch.clear();
    if (!Render(ctx, field, ctx.scratch)) {
        return false;
    }
    out.add(filter::Value::string(ctx.scratch));
    return true;
}

// Renders the number an extractor gives as nine digits ("000002500"): sub-second parts.
template <ExtractFn Extract>
bool nine_digits_text(Context& ctx, const BoundField& field, std::string& out) {
    static thread_local ValueList values;
    values.clear();
    if (!Extract(ctx, field, values) || values.empty()) {
        return false;
    }
    std::string digits = std::to_string(values[0].uint64());
    if (digits.size() < 9) {
        out.append(9 - digits.size(), '0');
    }
    out += digits;
    return true;
}

// evt_time.cc: timestamps and durations.
bool num(Context& ctx, const BoundField& field, ValueList& out);
bool time_text(Context& ctx, const BoundField& field, std::string& out);
bool time_s_text(Context& ctx, const BoundField& field, std::string& out);
bool time_iso8601_text(Context& ctx, const BoundField& field, std::string& out);
bool datetime_text(Context& ctx, const BoundField& field, std::string& out);
bool datetime_s_text(Context& ctx, const BoundField& field, std::string& out);
bool rawtime(Context& ctx, const BoundField& field, ValueList& out);
bool rawtime_s(Context& ctx, const BoundField& field, ValueList& out);
bool rawtime_ns(Context& ctx, const BoundField& field, ValueList& out);
bool reltime(Context& ctx, const BoundField& field, ValueList& out);
bool reltime_text(Context& ctx, const BoundField& field, std::string& out);
bool reltime_s(Context& ctx, const BoundField& field, ValueList& out);
bool reltime_ns(Context& ctx, const BoundField& field, ValueList& out);
bool latency(Context& ctx, const BoundField& field, ValueList& out);
bool latency_s(Context& ctx, const BoundField& field, ValueList& out);
bool latency_ns(Context& ctx, const BoundField& field, ValueList& out);
bool latency_human_text(Context& ctx, const BoundField& field, std::string& out);
bool deltatime(Context& ctx, const BoundField& field, ValueList& out);
bool deltatime_s(Context& ctx, const BoundField& field, ValueList& out);
bool deltatime_ns(Context& ctx, const BoundField& field, ValueList& out);
bool wait_latency(Context& ctx, const BoundField& field, ValueList& out);

// evt_kind.cc: what kind of event it is.
bool dir_text(Context& ctx, const BoundField& field, std::string& out);
bool type_text(Context& ctx, const BoundField& field, std::string& out);
bool type_is(Context& ctx, const BoundField& field, ValueList& out);
bool syscall_type_text(Context& ctx, const BoundField& field, std::string& out);
bool category_text(Context& ctx, const BoundField& field, std::string& out);
bool cpu(Context& ctx, const BoundField& field, ValueList& out);
bool is_io(Context& ctx, const BoundField& field, ValueList& out);
bool is_io_read(Context& ctx, const BoundField& field, ValueList& out);
bool is_io_write(Context& ctx, const BoundField& field, ValueList& out);
bool io_dir_text(Context& ctx, const BoundField& field, std::string& out);
bool is_wait(Context& ctx, const BoundField& field, ValueList& out);
bool is_syslog(Context& ctx, const BoundField& field, ValueList& out);
bool source_text(Context& ctx, const BoundField& field, std::string& out);
bool hostname_text(Context& ctx, const BoundField& field, std::string& out);
bool is_async(Context& ctx, const BoundField& field, ValueList& out);
bool no_value(Context& ctx, const BoundField& field, ValueList& out);

// evt_params.cc: the parameters.
bool args_text(Context& ctx, const BoundField& field, std::string& out);
bool info_text(Context& ctx, const BoundField& field, std::string& out);
bool arg_text(Context& ctx, const BoundField& field, std::string& out);
bool rawarg(Context& ctx, const BoundField& field, ValueList& out);
bool rawarg_text(Context& ctx, const BoundField& field, std::string& out);
bool buffer(Context& ctx, const BoundField& field, ValueList& out);
bool buffer_text(Context& ctx, const BoundField& field, std::string& out);
bool buflen(Context& ctx, const BoundField& field, ValueList& out);

// evt_result.cc: the return value and what it says.
bool res_text(Context& ctx, const BoundField& field, std::string& out);
bool rawres(Context& ctx, const BoundField& field, ValueList& out);
bool failed(Context& ctx, const BoundField& field, ValueList& out);
bool count(Context& ctx, const BoundField& field, ValueList& out);
bool count_error(Context& ctx, const BoundField& field, ValueList& out);
bool count_error_file(Context& ctx, const BoundField& field, ValueList& out);
bool count_error_net(Context& ctx, const BoundField& field, ValueList& out);
bool count_error_memory(Context& ctx, const BoundField& field, ValueList& out);
bool count_error_other(Context& ctx, const BoundField& field, ValueList& out);
bool count_exit(Context& ctx, const BoundField& field, ValueList& out);
// The return value of an exit event that has one, as sysdig reads it.
std::optional<int64_t> return_value(const Event& evt);

// evt_open.cc: open-family details and absolute paths.
bool is_open_read(Context& ctx, const BoundField& field, ValueList& out);
bool is_open_write(Context& ctx, const BoundField& field, ValueList& out);
bool is_open_exec(Context& ctx, const BoundField& field, ValueList& out);
bool is_open_create(Context& ctx, const BoundField& field, ValueList& out);
bool abspath_text(Context& ctx, const BoundField& field, std::string& out);
bool abspath_src_text(Context& ctx, const BoundField& field, std::string& out);
bool abspath_dst_text(Context& ctx, const BoundField& field, std::string& out);

} // namespace sinsp::fields::evt
