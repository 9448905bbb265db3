// evt.* fields over the parameters: evt.args, evt.info, evt.arg, evt.rawarg, evt.buffer.
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "driver_api/param_width.h"
#include "event/legacy_schema.h"
#include "event/param_render.h"
#include "fields/evt_fields_internal.h"

namespace sinsp::fields::evt {

namespace {

using filter::Value;

// The parameter a field's argument names: "fd" or "0".
std::optional<uint32_t> argument_param(const Event& evt, const BoundField& field) {
    if (field.index) {
        if (*field.index >= render::visible_param_count(evt)) {
            return std::nullopt;
        }
        return static_cast<uint32_t>(*field.index);
    }
    if (!field.argument) {
        return std::nullopt;
    }
    return render::param_index(evt, *field.argument);
}

// sysdig 0.29.3 gives evt.rawarg.NAME the type of the first parameter called NAME in its event
// table, whatever the event.
const std::unordered_map<std::string_view, uint8_t>& legacy_types_by_name() {
    static const auto* types = [] {
        auto* out = new std::unordered_map<std::string_view, uint8_t>();
        for (uint16_t code = 0; code < render::kLegacyEventCount; code++) {
            uint32_t count = render::legacy_param_count(code);
            for (uint32_t i = 0; i < count; i++) {
                const scap_param_info& info = render::legacy_param_info(code, i);
                out->emplace(info.name, info.type);
            }
        }
        return out;
    }();
    return *types;
}

// The type evt.rawarg gives a parameter: the one sysdig gives its name, else its own.
uint8_t rawarg_type(const BoundField& field, const scap_param_info& info) {
    if (!field.index && field.argument) {
        const auto& types = legacy_types_by_name();
        auto it = types.find(*field.argument);
        if (it != types.end()) {
            return it->second;
        }
    }
    return info.type;
}

bool is_unsigned_number(uint8_t type) {
    switch (type) {
    case SCAP_PT_UINT8:
    case SCAP_PT_UINT16:
    case SCAP_PT_UINT32:
    case SCAP_PT_UINT64:
        return true;
    default:
        return false;
    }
}

int64_t signed_value(const ParamView& p) {
    uint64_t raw = 0;
    std::memcpy(&raw, p.data, p.len < 8 ? p.len : 8);
    if (p.len >= 8) {
        return static_cast<int64_t>(raw);
    }
    unsigned shift = 64 - 8 * p.len;
    return static_cast<int64_t>(raw << shift) >> shift;
}

// What sysdig 0.29.3 prints for evt.rawarg, by the type it gives the name: 64-bit signed numbers
// and strings; nothing for the other types.
enum class RawPrint { kNumber, kText, kNone };

RawPrint raw_print(uint8_t type) {
    switch (type) {
    case SCAP_PT_INT64:
    case SCAP_PT_ERRNO:
    case SCAP_PT_PID:
    case SCAP_PT_FD:
        return RawPrint::kNumber;
    case SCAP_PT_CHARBUF:
    case SCAP_PT_FSPATH:
    case SCAP_PT_FSRELPATH:
    case SCAP_PT_BYTEBUF:
        return RawPrint::kText;
    default:
        return RawPrint::kNone;
    }
}

} // namespace

bool args_text(Context& ctx, const BoundField&, std::string& out) {
    render::args(ctx.inspector, ctx.event, out);
    return true;
}

bool info_text(Context& ctx, const BoundField&, std::string& out) {
    render::info(ctx.inspector, ctx.event, out);
    return true;
}

bool arg_text(Context& ctx, const BoundField& field, std::string& out) {
    auto index = argument_param(ctx.event, field);
    return index && render::arg(ctx.inspector, ctx.event, *index, out);
}

// Numbers compare with the signedness of the type sysdig gives the name: mmap's "res" is
// unsigned in its table, but "res" names error numbers, so it compares as signed.
bool rawarg(Context& ctx, const BoundField& field, ValueList& out) {
    auto index = argument_param(ctx.event, field);
    if (!index) {
        return false;
    }
    const scap_param_info* info = render::param_info(ctx.event, *index);
    ParamView p = ctx.event.param(*index);
    if (info != nullptr && p.len > 0 && p.len <= 8 && is_unsigned_number(info->type) &&
        scap_param_is_signed(rawarg_type(field, *info))) {
        out.add(Value::int64(signed_value(p)));
        return true;
    }
    return render::raw_value(ctx.event, *index, out);
}

bool rawarg_text(Context& ctx, const BoundField& field, std::string& out) {
    auto index = argument_param(ctx.event, field);
    if (!index) {
        return false;
    }
    ParamView p = ctx.event.param(*index);
    const scap_param_info* info = render::param_info(ctx.event, *index);
    if (info == nullptr) {
        return false;
    }
    uint8_t type = rawarg_type(field, *info);
    switch (raw_print(type)) {
    case RawPrint::kNumber:
        if (p.len == 0) {
            return false;
        }
        out += std::to_string(signed_value(p));
        return true;
    case RawPrint::kText:
        if (p.len == 0 && type != SCAP_PT_BYTEBUF) {
            // A string not recorded: sysdig prints the one that follows in the capture.
            std::string bytes = render::bytes_in_place_of(ctx.event, *index, 4096);
            out += std::string_view(bytes).substr(0, bytes.find('\0'));
            return true;
        }
        out += p.as_string();
        return true;
    case RawPrint::kNone:
        break;
    }
    return false;
}

bool buffer(Context& ctx, const BoundField&, ValueList& out) {
    auto index = ctx.event.param_index("data");
    if (!index || *index >= render::visible_param_count(ctx.event)) {
        return false;
    }
    ParamView p = ctx.event.param(*index);
    if (p.info == nullptr || p.info->type != SCAP_PT_BYTEBUF) {
        return false;
    }
    out.add(Value::bytes(p.bytes()));
    return true;
}

bool buffer_text(Context& ctx, const BoundField& field, std::string& out) {
    static thread_local ValueList values;
    values.clear();
    if (!buffer(ctx, field, values)) {
        return false;
    }
    render::append_buffer(values[0].text(), out);
    return true;
}

// The return value of exit events of I/O calls (reads, writes and the other calls on fds, as
// their category says) on fds the state knows.
bool buflen(Context& ctx, const BoundField&, ValueList& out) {
    const Event& evt = ctx.event;
    uint32_t category = evt.info().category & 0xff;
    if (evt.is_enter() || (category & SCAP_EC_IO_BASE) == 0 || category > SCAP_EC_IO_OTHER ||
        evt.fd() == nullptr) {
        return false;
    }
    auto rv = return_value(evt);
    if (!rv || *rv < 0) {
        return false;
    }
    out.add(Value::uint64(static_cast<uint64_t>(*rv)));
    return true;
}

} // namespace sinsp::fields::evt
