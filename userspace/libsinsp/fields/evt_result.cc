// evt.* fields about the return value: evt.res, evt.rawres, evt.failed and the evt.count family.
#include <cstring>

#include "event/param_render.h"
#include "fields/evt_fields_internal.h"
#include "sinsp/fd_info.h"

namespace sinsp::fields::evt {

namespace {

using filter::Value;

bool is_return_type(uint8_t type) {
    switch (type) {
    case SCAP_PT_ERRNO:
    case SCAP_PT_FD:
    case SCAP_PT_PID:
    case SCAP_PT_FD32:
    case SCAP_PT_PID32:
        return true;
    default:
        return false;
    }
}

bool add_one(ValueList& out) {
    out.add(Value::uint64(1));
    return true;
}

// Opens that failed have no fd, but still count as file errors; connects and accepts as network
// ones.
bool is_open_event(uint16_t type) {
    switch (type) {
    case SCAP_EV_SYSCALL_OPEN_X:
    case SCAP_EV_SYSCALL_CREAT_X:
    case SCAP_EV_SYSCALL_OPENAT_X:
    case SCAP_EV_SYSCALL_OPENAT_2_X:
    case SCAP_EV_SYSCALL_OPENAT2_X:
    case SCAP_EV_SYSCALL_OPEN_BY_HANDLE_AT_X:
        return true;
    default:
        return false;
    }
}

bool is_connection_event(uint16_t type) {
    switch (type) {
    case SCAP_EV_SOCKET_CONNECT_X:
    case SCAP_EV_SOCKET_ACCEPT_X:
    case SCAP_EV_SOCKET_ACCEPT4_X:
    case SCAP_EV_SOCKET_ACCEPT_5_X:
    case SCAP_EV_SOCKET_ACCEPT4_5_X:
    case SCAP_EV_SOCKET_ACCEPT4_6_X:
        return true;
    default:
        return false;
    }
}

enum class ErrorKind { kNone, kFile, kNet, kMemory, kOther };

// What a failed event failed at: memory events by category, the others by the kind of fd they
// use, or by their type when they have none.
ErrorKind error_kind(const Event& evt) {
    auto rv = return_value(evt);
    if (!rv || *rv >= 0) {
        return ErrorKind::kNone;
    }
    uint32_t category = evt.info().category & 0xff;
    if (category == SCAP_EC_MEMORY) {
        return ErrorKind::kMemory;
    }
    if (const FdInfo* fd = evt.fd()) {
        switch (fd->type) {
        case FdType::kFile:
        case FdType::kFileV2:
        case FdType::kDirectory:
            return ErrorKind::kFile;
        case FdType::kIpv4Socket:
        case FdType::kIpv6Socket:
        case FdType::kIpv4ServerSocket:
        case FdType::kIpv6ServerSocket:
        case FdType::kUnixSocket:
            return ErrorKind::kNet;
        default:
            return ErrorKind::kOther;
        }
    }
    if (is_open_event(evt.type())) {
        return ErrorKind::kFile;
    }
    if (is_connection_event(evt.type())) {
        return ErrorKind::kNet;
    }
    return ErrorKind::kOther;
}

bool count_if(const Event& evt, ErrorKind kind, ValueList& out) {
    return error_kind(evt) == kind && add_one(out);
}

} // namespace

std::optional<int64_t> return_value(const Event& evt) {
    if (evt.is_enter() || evt.param_count() == 0) {
        return std::nullopt;
    }
    const scap_param_info* info = render::param_info(evt, 0);
    if (info == nullptr || (!is_return_type(info->type) && std::string_view(info->name) != "res")) {
        return std::nullopt;
    }
    ParamView p = evt.param(0u);
    if (p.len == 0 || p.len > 8) {
        return std::nullopt;
    }
    uint64_t raw = 0;
    std::memcpy(&raw, p.data, p.len);
    if (p.len < 8) {
        unsigned shift = 64 - 8 * p.len;
        return static_cast<int64_t>(raw << shift) >> shift;
    }
    return static_cast<int64_t>(raw);
}

bool res_text(Context& ctx, const BoundField&, std::string& out) {
    auto rv = return_value(ctx.event);
    if (!rv) {
        return false;
    }
    if (*rv >= 0) {
        out += "SUCCESS";
        return true;
    }
    render::ParamText text;
    render::param_text(ctx.inspector, ctx.event, 0, text);
    out += text.has_resolved ? text.resolved : text.value;
    return true;
}

bool rawres(Context& ctx, const BoundField&, ValueList& out) {
    auto rv = return_value(ctx.event);
    if (!rv) {
        return false;
    }
    out.add(Value::int64(*rv));
    return true;
}

bool failed(Context& ctx, const BoundField&, ValueList& out) {
    auto rv = return_value(ctx.event);
    out.add(Value::boolean(rv && *rv < 0));
    return true;
}

bool count(Context&, const BoundField&, ValueList& out) {
    return add_one(out);
}

bool count_error(Context& ctx, const BoundField&, ValueList& out) {
    auto rv = return_value(ctx.event);
    return rv && *rv < 0 && add_one(out);
}

bool count_error_file(Context& ctx, const BoundField&, ValueList& out) {
    return count_if(ctx.event, ErrorKind::kFile, out);
}

bool count_error_net(Context& ctx, const BoundField&, ValueList& out) {
    return count_if(ctx.event, ErrorKind::kNet, out);
}

bool count_error_memory(Context& ctx, const BoundField&, ValueList& out) {
    return count_if(ctx.event, ErrorKind::kMemory, out);
}

bool count_error_other(Context& ctx, const BoundField&, ValueList& out) {
    return count_if(ctx.event, ErrorKind::kOther, out);
}

bool count_exit(Context& ctx, const BoundField&, ValueList& out) {
    return !ctx.event.is_enter() && add_one(out);
}

} // namespace sinsp::fields::evt
