// evt.* fields about the kind of event: direction, type, category, I/O direction, source.
#include <cstdlib>
#include <optional>

#include "event/legacy_schema.h"
#include "event/value_names.h"
#include "fields/evt_fields_internal.h"
#include "sinsp/fd_info.h"

namespace sinsp::fields::evt {

namespace {

using filter::Value;

constexpr uint32_t kSourceBits =
    SCAP_EC_SYSCALL | SCAP_EC_TRACEPOINT | SCAP_EC_PLUGIN | SCAP_EC_METAEVENT | SCAP_EC_ITER;

bool is_generic(const Event& evt) {
    return evt.type() == SCAP_EV_GENERIC_E || evt.type() == SCAP_EV_GENERIC_X;
}

// The system call of a generic event.
std::optional<uint16_t> generic_syscall(const Event& evt) {
    if (!is_generic(evt)) {
        return std::nullopt;
    }
    auto code = evt.param(0u).as_uint();
    if (!code) {
        return std::nullopt;
    }
    return static_cast<uint16_t>(*code);
}

// The name of the event: for generic system-call events, the system call's (nullptr for calls
// sysdig 0.29.3 does not know).
const char* event_name(const Event& evt) {
    if (auto code = generic_syscall(evt)) {
        return render::syscall_name(*code);
    }
    return render::legacy_event_name(evt.type());
}

// I/O events take their category from the fd they use.
const char* io_category(const Event& evt) {
    const FdInfo* fd = evt.fd();
    if (fd == nullptr) {
        return "unknown";
    }
    switch (fd->type) {
    case FdType::kFile:
    case FdType::kFileV2:
    case FdType::kDirectory:
        return "file";
    case FdType::kIpv4Socket:
    case FdType::kIpv6Socket:
    case FdType::kIpv4ServerSocket:
    case FdType::kIpv6ServerSocket:
        return "net";
    case FdType::kFifo:
    case FdType::kUnixSocket:
    case FdType::kEvent:
    case FdType::kSignalfd:
    case FdType::kInotify:
        return "ipc";
    default:
        return "unknown";
    }
}

const char* category_name(const Event& evt) {
    if (auto code = generic_syscall(evt)) {
        const char* name = render::legacy_syscall_category(*code);
        return name != nullptr ? name : "unknown";
    }
    uint32_t category = evt.info().category & ~kSourceBits;
    switch (category) {
    case SCAP_EC_OTHER:
        return "other";
    case SCAP_EC_FILE:
        return "file";
    case SCAP_EC_NET:
        return "net";
    case SCAP_EC_IPC:
        return "IPC";
    case SCAP_EC_MEMORY:
        return "memory";
    case SCAP_EC_PROCESS:
        return "process";
    case SCAP_EC_SLEEP:
        return "sleep";
    case SCAP_EC_SYSTEM:
        return "system";
    case SCAP_EC_SIGNAL:
        return "signal";
    case SCAP_EC_USER:
        return "user";
    case SCAP_EC_TIME:
        return "time";
    case SCAP_EC_PROCESSING:
        return "processing";
    case SCAP_EC_IO_READ:
    case SCAP_EC_IO_WRITE:
    case SCAP_EC_IO_OTHER:
        return io_category(evt);
    case SCAP_EC_WAIT:
        return "wait";
    case SCAP_EC_SCHEDULER:
        return "scheduler";
    case SCAP_EC_INTERNAL:
        return "internal";
    default:
        return "unknown";
    }
}

bool has_flag(const Event& evt, uint32_t flag) {
    return (evt.info().flags & flag) != 0;
}

} // namespace

bool dir_text(Context& ctx, const BoundField&, std::string& out) {
    out += ctx.event.is_enter() ? '>' : '<';
    return true;
}

bool type_text(Context& ctx, const BoundField&, std::string& out) {
    const char* name = event_name(ctx.event);
    if (name == nullptr) {
        return false;
    }
    out += name;
    return true;
}

// Compares the name of the event code: generic events are "syscall" here, whatever their call.
bool type_is(Context& ctx, const BoundField& field, ValueList& out) {
    const char* name = render::legacy_event_name(ctx.event.type());
    bool match = field.argument && name != nullptr && *field.argument == name;
    out.add(Value::uint64(match ? 1 : 0));
    return true;
}

// System-call events only: not the scheduler's, nor those that leave the parser state alone
// (page faults, CPU hotplug, notifications).
bool syscall_type_text(Context& ctx, const BoundField& field, std::string& out) {
    const scap_event_info& info = ctx.event.info();
    if ((info.category & ~kSourceBits) == SCAP_EC_SCHEDULER ||
        (info.flags & SCAP_EF_SKIPPARSERESET) != 0) {
        return false;
    }
    return type_text(ctx, field, out);
}

bool category_text(Context& ctx, const BoundField&, std::string& out) {
    out += category_name(ctx.event);
    return true;
}

bool cpu(Context& ctx, const BoundField&, ValueList& out) {
    out.add(Value::int64(ctx.event.cpu()));
    return true;
}

bool is_io(Context& ctx, const BoundField&, ValueList& out) {
    return add_bool(out, has_flag(ctx.event, SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD));
}

bool is_io_read(Context& ctx, const BoundField&, ValueList& out) {
    return add_bool(out, has_flag(ctx.event, SCAP_EF_READS_FROM_FD));
}

bool is_io_write(Context& ctx, const BoundField&, ValueList& out) {
    return add_bool(out, has_flag(ctx.event, SCAP_EF_WRITES_TO_FD));
}

bool io_dir_text(Context& ctx, const BoundField&, std::string& out) {
    if (has_flag(ctx.event, SCAP_EF_READS_FROM_FD)) {
        out += "read";
        return true;
    }
    if (has_flag(ctx.event, SCAP_EF_WRITES_TO_FD)) {
        out += "write";
        return true;
    }
    return false;
}

bool is_wait(Context& ctx, const BoundField&, ValueList& out) {
    return add_bool(out, has_flag(ctx.event, SCAP_EF_WAITS));
}

// Writes (enter or exit) on the syslog socket.
bool is_syslog(Context& ctx, const BoundField&, ValueList& out) {
    const FdInfo* fd = ctx.event.fd();
    return add_bool(out, has_flag(ctx.event, SCAP_EF_WRITES_TO_FD) && fd != nullptr &&
                             fd->name == "/dev/log");
}

bool source_text(Context&, const BoundField&, std::string& out) {
    out += "syscall";
    return true;
}

bool hostname_text(Context& ctx, const BoundField&, std::string& out) {
    const char* env = std::getenv("FALCO_HOSTNAME");
    if (env != nullptr && *env != '\0') {
        out += env;
        return true;
    }
    const std::string& name = ctx.inspector.machine().hostname;
    if (name.empty()) {
        return false;
    }
    out += name;
    return true;
}

bool is_async(Context& ctx, const BoundField&, ValueList& out) {
    uint16_t type = ctx.event.type();
    return add_bool(out, type == SCAP_EV_ASYNCEVENT_E || type == SCAP_EV_ASYNCEVENT_X);
}

bool no_value(Context&, const BoundField&, ValueList&) {
    return false;
}

} // namespace sinsp::fields::evt
