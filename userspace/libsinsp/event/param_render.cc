#include "event/param_render.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "driver_api/param_width.h"
#include "event/legacy_schema.h"
#include "event/render_path.h"
#include "event/render_value.h"

namespace sinsp::render {

namespace {

constexpr size_t kBufferLimit = 80;
constexpr size_t kBufferCut = 77;

bool is_generic(const Event& evt) {
    return evt.type() == SCAP_EV_GENERIC_E || evt.type() == SCAP_EV_GENERIC_X;
}

// The value text of the parameter rendered last, which sysdig prints again for a path that was
// not recorded.
thread_local std::string last_value;

// The bytes that follow a parameter's position in the capture: the rest of the record, then
// the block's zero padding and its trailing length, as a capture file lays them out.
std::string bytes_after(const Event& evt, const ParamView& p, size_t limit) {
    const scap_evt& raw = evt.raw();
    const auto* start = reinterpret_cast<const uint8_t*>(&raw);
    const uint8_t* end = start + raw.len;
    std::string out;
    if (p.data != nullptr && p.data >= start && p.data <= end) {
        out.assign(reinterpret_cast<const char*>(p.data),
                   std::min(limit, static_cast<size_t>(end - p.data)));
    }
    size_t body = 2 + (evt.dump_flags() != 0 ? 4 : 0) + raw.len;
    size_t total = (8 + body + 4 + 3) & ~size_t{3};
    out.append(total - 12 - body, '\0');
    auto trailer = static_cast<uint32_t>(total);
    out.append(reinterpret_cast<const char*>(&trailer), 4);
    out.resize(std::max(out.size(), limit), '\0');
    return out.substr(0, limit);
}

// What sysdig 0.29.3 shows for a parameter that was not recorded: it reads the value where the
// parameter would be, so numbers and strings come from the bytes that follow, and paths repeat
// the previous parameter's text. Returns false to show nothing.
bool unrecorded_value(const Event& evt, const ParamView& p, uint8_t type, std::string& bytes,
                      bool& repeat_last) {
    if (type == SCAP_PT_FSPATH || type == SCAP_PT_FSRELPATH) {
        repeat_last = true;
        return true;
    }
    if (type == SCAP_PT_CHARBUF) {
        bytes = bytes_after(evt, p, 4096);
        return true;
    }
    size_t width = scap_param_number_width(type);
    if (width == 0) {
        return false;
    }
    bytes = bytes_after(evt, p, width);
    return true;
}

} // namespace

std::string bytes_in_place_of(const Event& evt, uint32_t index, size_t limit) {
    return bytes_after(evt, evt.param(index), limit);
}

uint32_t visible_param_count(const Event& evt) {
    uint32_t known = legacy_param_count(evt.type());
    return evt.param_count() < known ? evt.param_count() : known;
}

uint32_t shown_param_count(const Event& evt) {
    return is_generic(evt) ? 0 : visible_param_count(evt);
}

const scap_param_info* param_info(const Event& evt, uint32_t index) {
    if (index >= evt.info().nparams) {
        return nullptr;
    }
    return &legacy_param_info(evt.type(), index);
}

std::optional<uint32_t> param_index(const Event& evt, std::string_view name) {
    uint32_t count = visible_param_count(evt);
    for (uint32_t i = 0; i < count; i++) {
        if (name == legacy_param_info(evt.type(), i).name) {
            return i;
        }
    }
    auto ours = evt.param_index(name);
    if (ours && *ours < count) {
        return ours;
    }
    return std::nullopt;
}

void param_text(const Inspector& in, const Event& evt, uint32_t index, ParamText& out) {
    out.clear();
    const scap_param_info* info = param_info(evt, index);
    if (info == nullptr) {
        return;
    }
    ParamView p = evt.param(index);
    if (p.len == 0 && index < evt.param_count()) {
        std::string bytes;
        bool repeat_last = false;
        if (unrecorded_value(evt, p, info->type, bytes, repeat_last)) {
            if (repeat_last) {
                out.value = last_value;
                return;
            }
            render_value(in, evt, *info, bytes, out);
            last_value = out.value;
            return;
        }
    }
    render_value(in, evt, *info, p.bytes(), out);
    last_value = out.value;
}

void param(const Inspector& in, const Event& evt, uint32_t index, std::string& out) {
    ParamText text;
    param_text(in, evt, index, text);
    out += text.value;
    if (text.has_resolved) {
        out += '(';
        out += text.resolved;
        out += ')';
    }
}

bool arg(const Inspector& in, const Event& evt, uint32_t index, std::string& out) {
    if (index >= visible_param_count(evt) || param_info(evt, index) == nullptr) {
        return false;
    }
    ParamText text;
    param_text(in, evt, index, text);
    out += text.has_resolved ? text.resolved : text.value;
    return true;
}

void args(const Inspector& in, const Event& evt, std::string& out) {
    uint32_t count = shown_param_count(evt);
    ParamText text;
    for (uint32_t i = 0; i < count; i++) {
        out += legacy_param_info(evt.type(), i).name;
        out += '=';
        param_text(in, evt, i, text);
        out += text.value;
        if (text.has_resolved) {
            out += '(';
            out += text.resolved;
            out += ')';
        }
        out += ' ';
    }
}

void append_buffer(std::string_view bytes, std::string& out) {
    if (bytes.size() > kBufferLimit) {
        append_dotted(bytes.substr(0, kBufferCut), out);
        out += "...";
        return;
    }
    append_dotted(bytes, out);
}

bool raw_value(const Event& evt, uint32_t index, filter::ValueList& out) {
    const scap_param_info* info = param_info(evt, index);
    if (info == nullptr || index >= visible_param_count(evt)) {
        return false;
    }
    ParamView p = evt.param(index);
    if (p.len == 0) {
        return false;
    }
    std::string_view bytes = p.bytes();
    uint64_t raw = 0;
    std::memcpy(&raw, bytes.data(), bytes.size() < 8 ? bytes.size() : 8);
    if (scap_param_is_signed(info->type)) {
        int64_t v = static_cast<int64_t>(raw);
        if (bytes.size() < 8) {
            unsigned shift = static_cast<unsigned>(64 - 8 * bytes.size());
            v = static_cast<int64_t>(raw << shift) >> shift;
        }
        out.add(filter::Value::int64(v));
        return true;
    }
    switch (info->type) {
    case SCAP_PT_CHARBUF:
    case SCAP_PT_FSPATH:
    case SCAP_PT_FSRELPATH:
        out.add(filter::Value::string(bytes.substr(0, bytes.find('\0'))));
        return true;
    case SCAP_PT_BYTEBUF:
    case SCAP_PT_CHARBUFARRAY:
    case SCAP_PT_CHARBUF_PAIR_ARRAY:
    case SCAP_PT_SOCKADDR:
    case SCAP_PT_SOCKTUPLE:
    case SCAP_PT_FDLIST:
    case SCAP_PT_DYN:
        out.add(filter::Value::bytes(bytes));
        return true;
    case SCAP_PT_DOUBLE: {
        double d = 0;
        std::memcpy(&d, bytes.data(), bytes.size() < 8 ? bytes.size() : 8);
        out.add(filter::Value::real(d));
        return true;
    }
    case SCAP_PT_BOOL:
        out.add(filter::Value::boolean(raw != 0));
        return true;
    case SCAP_PT_IPV4ADDR:
    case SCAP_PT_IPV6ADDR:
    case SCAP_PT_IPADDR:
    case SCAP_PT_IPV4NET:
    case SCAP_PT_IPV6NET:
    case SCAP_PT_IPNET: {
        if (bytes.size() == 4) {
            filter::IpAddress a;
            std::memcpy(a.bytes.data(), bytes.data(), 4);
            out.add(filter::Value::ip(a));
            return true;
        }
        if (bytes.size() == 16) {
            std::array<uint8_t, 16> b{};
            std::memcpy(b.data(), bytes.data(), 16);
            out.add(filter::Value::ip(filter::IpAddress::v6(b)));
            return true;
        }
        out.add(filter::Value::bytes(bytes));
        return true;
    }
    default:
        out.add(filter::Value::uint64(raw));
        return true;
    }
}

} // namespace sinsp::render
