#include "event/render_value.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "driver_api/param_width.h"
#include "event/render_net.h"
#include "event/render_path.h"
#include "event/value_names.h"
#include "sinsp/fd_info.h"
#include "sinsp/thread_info.h"

namespace sinsp::render {

namespace {

constexpr int64_t kAtFdcwd = -100;
constexpr uint32_t kNoId = 0xffffffff;
constexpr uint64_t kNoDuration = ~0ull;

// The value as an unsigned number of its recorded width (1, 2, 4 or 8 bytes; else up to 8).
uint64_t read_unsigned(std::string_view bytes) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data(), bytes.size() < 8 ? bytes.size() : 8);
    return v;
}

int64_t sign_extend(uint64_t v, size_t width) {
    if (width == 0 || width >= 8) {
        return static_cast<int64_t>(v);
    }
    unsigned shift = static_cast<unsigned>(64 - 8 * width);
    return static_cast<int64_t>(v << shift) >> shift;
}

uint64_t mask(uint64_t v, size_t width) {
    return width >= 8 ? v : v & ((1ull << (8 * width)) - 1);
}

void append_signed(int64_t v, std::string& out) {
    out += std::to_string(v);
}

void append_unsigned(uint64_t v, std::string& out) {
    out += std::to_string(v);
}

void append_hex(uint64_t v, std::string& out) {
    char buf[24];
    std::snprintf(buf, sizeof(buf), "%" PRIX64, v);
    out += buf;
}

// "%#o": "0" for zero, else the octal digits after a 0.
void append_octal(uint64_t v, std::string& out) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%#" PRIo64, v);
    out += buf;
}

// Integers per print format. In decimal, sysdig prints signed types signed, 8- and 16-bit
// unsigned ones unsigned, and 32- and 64-bit unsigned ones as if they were signed.
void append_integer(uint8_t type, uint8_t format, std::string_view bytes, std::string& out) {
    uint64_t raw = read_unsigned(bytes);
    size_t width = bytes.size();
    switch (format) {
    case SCAP_PF_HEX:
        append_hex(mask(raw, width), out);
        return;
    case SCAP_PF_OCT:
        append_octal(mask(raw, width), out);
        return;
    default:
        break;
    }
    if (scap_param_is_signed(type) || width >= 4) {
        append_signed(sign_extend(raw, width), out);
    } else {
        append_unsigned(raw, out);
    }
}

// "<f>/etc/passwd": the fd's kind, its protocol for IP sockets, and its name.
void append_fd_description(const FdInfo& fd, std::string& out) {
    out += '<';
    out += fd_type_char(fd.type);
    if (fd.is_ip_socket()) {
        switch (fd.l4proto) {
        case L4Proto::kTcp:
            out += 't';
            break;
        case L4Proto::kUdp:
            out += 'u';
            break;
        case L4Proto::kIcmp:
            out += 'i';
            break;
        case L4Proto::kRaw:
            out += 'r';
            break;
        case L4Proto::kUnknown:
            break;
        }
    }
    out += '>';
    out += fd.name;
}

const FdInfo* find_fd(const Event& evt, int64_t fd) {
    const ThreadInfo* thread = evt.thread();
    if (thread == nullptr || !thread->fds) {
        return nullptr;
    }
    return thread->fds->find(fd);
}

void resolve_fd(const Event& evt, int64_t fd, ParamText& out) {
    if (fd < 0) {
        const char* name = fd == kAtFdcwd ? "AT_FDCWD" : errno_name(fd);
        if (name != nullptr) {
            out.resolved = name;
            out.has_resolved = true;
        }
        return;
    }
    const FdInfo* info = find_fd(evt, fd);
    if (info == nullptr || info->type == FdType::kUnknown) {
        return;
    }
    append_fd_description(*info, out.resolved);
    out.has_resolved = true;
}

void resolve_pid(const Inspector& in, int64_t pid, ParamText& out) {
    const ThreadInfo* thread = in.threads().find(pid);
    if (thread != nullptr) {
        out.resolved = thread->comm;
        out.has_resolved = true;
    }
}

void resolve_id(const Inspector& in, uint8_t type, uint32_t id, ParamText& out) {
    out.has_resolved = true;
    if (id == kNoId) {
        out.resolved = "<NONE>";
        return;
    }
    if (type == SCAP_PT_UID) {
        const UserInfo* user = in.find_user(id);
        out.resolved = user != nullptr ? user->name : "<NA>";
    } else {
        const GroupInfo* group = in.find_group(id);
        out.resolved = group != nullptr ? group->name : "<NA>";
    }
}

// "1.5s" for 1500000000: seconds with %g's six significant digits.
void resolve_duration(uint64_t ns, ParamText& out) {
    char buf[48];
    std::snprintf(buf, sizeof(buf), "%gs", static_cast<double>(ns) / 1e9);
    out.resolved = buf;
    out.has_resolved = true;
}

void append_sigset(uint64_t set, std::string& out) {
    bool first = true;
    for (unsigned bit = 0; bit < 32; bit++) {
        if ((set & (1ull << bit)) == 0) {
            continue;
        }
        const char* name = signal_name(bit + 1);
        if (name == nullptr) {
            continue;
        }
        if (!first) {
            out += ' ';
        }
        out += name;
        first = false;
    }
}

// "3:f1 4:45": each fd with its kind (? when unknown) and its poll flags in hex.
void append_fdlist(const Event& evt, std::string_view bytes, std::string& out) {
    if (bytes.size() < 2) {
        return;
    }
    uint16_t count;
    std::memcpy(&count, bytes.data(), 2);
    size_t pos = 2;
    char buf[64];
    for (uint16_t i = 0; i < count && pos + 10 <= bytes.size(); i++, pos += 10) {
        int64_t fd;
        int16_t flags;
        std::memcpy(&fd, bytes.data() + pos, 8);
        std::memcpy(&flags, bytes.data() + pos + 8, 2);
        const FdInfo* info = find_fd(evt, fd);
        char kind = info != nullptr ? fd_type_char(info->type) : '?';
        std::snprintf(buf, sizeof(buf), "%s%" PRIu64 ":%c%x", i == 0 ? "" : " ",
                      static_cast<uint64_t>(fd), kind, static_cast<unsigned>(int{flags}));
        out += buf;
    }
}

// The directory a relative path of `evt` is relative to: the dirfd parameter's fd (the cwd for
// AT_FDCWD), else the thread's cwd.
std::string relative_base(const Event& evt, const scap_param_info& info) {
    const ThreadInfo* thread = evt.thread();
    std::string cwd = thread != nullptr ? thread->cwd : std::string();
    if (info.type != SCAP_PT_FSRELPATH || info.dirfd_param < 0) {
        return cwd;
    }
    ParamView dirfd = evt.param(static_cast<uint32_t>(info.dirfd_param));
    if (dirfd.len == 0) {
        return std::string();
    }
    int64_t fd = sign_extend(read_unsigned(dirfd.bytes()), dirfd.len);
    if (fd == kAtFdcwd) {
        return cwd;
    }
    const FdInfo* dir = find_fd(evt, fd);
    return dir != nullptr ? dir->name : std::string();
}

void render_path(const Event& evt, const scap_param_info& info, std::string_view bytes,
                 ParamText& out) {
    std::string_view path = bytes.substr(0, bytes.find('\0'));
    append_printable(path, out.value);
    if (!path.empty() && path.front() == '/') {
        return;
    }
    std::string joined = join_relative(relative_base(evt, info), path);
    if (joined.empty()) {
        return;
    }
    append_dotted(joined, out.resolved);
    out.has_resolved = true;
}

void render_dynamic(const Inspector& in, const Event& evt, const scap_param_info& info,
                    std::string_view bytes, ParamText& out) {
    if (bytes.empty() || info.dynamic_table < 0 || info.dynamic_table >= SCAP_DYNAMIC_TABLE_COUNT) {
        return;
    }
    const scap_dynamic_table& table = scap_dynamic_tables[info.dynamic_table];
    auto index = static_cast<uint8_t>(bytes[0]);
    if (index >= table.count) {
        out.value = "INVALID DYNAMIC PARAMETER";
        return;
    }
    scap_param_info variant = info;
    variant.type = table.variants[index].type;
    variant.format = table.variants[index].format;
    variant.value_table = -1;
    variant.dynamic_table = -1;
    render_value(in, evt, variant, bytes.substr(1), out);
}

void render_flags(const scap_param_info& info, std::string_view bytes, bool exact, ParamText& out) {
    uint64_t v = mask(read_unsigned(bytes), bytes.size());
    if (info.type == SCAP_PT_MODE) {
        append_octal(v, out.value);
    } else {
        append_unsigned(v, out.value);
    }
    if (exact) {
        const char* name = enum_name(info.value_table, static_cast<int64_t>(v));
        if (name != nullptr) {
            out.resolved = name;
            out.has_resolved = true;
        }
        return;
    }
    out.has_resolved = append_flag_names(info.value_table, v, out.resolved);
}

} // namespace

void render_value(const Inspector& in, const Event& evt, const scap_param_info& info,
                  std::string_view bytes, ParamText& out) {
    uint8_t type = info.type;
    if (bytes.empty()) {
        if (type == SCAP_PT_SOCKADDR || type == SCAP_PT_SOCKTUPLE) {
            out.value = "NULL";
        }
        return;
    }
    switch (type) {
    case SCAP_PT_INT8:
    case SCAP_PT_INT16:
    case SCAP_PT_INT32:
    case SCAP_PT_INT64:
    case SCAP_PT_UINT8:
    case SCAP_PT_UINT16:
    case SCAP_PT_UINT32:
    case SCAP_PT_UINT64:
    case SCAP_PT_PORT:
    case SCAP_PT_L4PROTO:
    case SCAP_PT_SOCKFAMILY:
    case SCAP_PT_ABSTIME:
        append_integer(type, info.format, bytes, out.value);
        return;
    case SCAP_PT_ERRNO: {
        int64_t v = sign_extend(read_unsigned(bytes), bytes.size());
        append_signed(v, out.value);
        const char* name = v < 0 ? errno_name(v) : nullptr;
        if (name != nullptr) {
            out.resolved = name;
            out.has_resolved = true;
        }
        return;
    }
    case SCAP_PT_FD:
    case SCAP_PT_FD32: {
        int64_t fd = sign_extend(read_unsigned(bytes), bytes.size());
        append_signed(fd, out.value);
        resolve_fd(evt, fd, out);
        return;
    }
    case SCAP_PT_PID:
    case SCAP_PT_PID32: {
        int64_t pid = sign_extend(read_unsigned(bytes), bytes.size());
        append_signed(pid, out.value);
        resolve_pid(in, pid, out);
        return;
    }
    case SCAP_PT_UID:
    case SCAP_PT_GID: {
        auto id = static_cast<uint32_t>(read_unsigned(bytes));
        append_signed(static_cast<int32_t>(id), out.value);
        resolve_id(in, type, id, out);
        return;
    }
    case SCAP_PT_FLAGS8:
    case SCAP_PT_FLAGS16:
    case SCAP_PT_FLAGS32:
    case SCAP_PT_MODE:
        render_flags(info, bytes, false, out);
        return;
    case SCAP_PT_ENUMFLAGS8:
    case SCAP_PT_ENUMFLAGS16:
    case SCAP_PT_ENUMFLAGS32:
        render_flags(info, bytes, true, out);
        return;
    case SCAP_PT_SIGTYPE: {
        uint64_t sig = mask(read_unsigned(bytes), 1);
        append_unsigned(sig, out.value);
        if (const char* name = signal_name(sig)) {
            out.resolved = name;
            out.has_resolved = true;
        }
        return;
    }
    case SCAP_PT_SIGSET:
        append_sigset(mask(read_unsigned(bytes), bytes.size()), out.value);
        return;
    case SCAP_PT_RELTIME: {
        uint64_t ns = read_unsigned(bytes);
        if (ns == kNoDuration) {
            out.value = "none";
            return;
        }
        append_unsigned(ns, out.value);
        resolve_duration(ns, out);
        return;
    }
    case SCAP_PT_SYSCALLID: {
        uint64_t code = mask(read_unsigned(bytes), 2);
        append_unsigned(code, out.value);
        if (const char* name = syscall_name(static_cast<uint16_t>(code))) {
            out.resolved = name;
            out.has_resolved = true;
        }
        return;
    }
    case SCAP_PT_BOOL:
        out.value = read_unsigned(bytes) != 0 ? "true" : "false";
        return;
    case SCAP_PT_DOUBLE: {
        double d = 0;
        std::memcpy(&d, bytes.data(), bytes.size() < 8 ? bytes.size() : 8);
        char buf[64];
        std::snprintf(buf, sizeof(buf), "%g", d);
        out.value = buf;
        return;
    }
    case SCAP_PT_CHARBUF:
        out.value = bytes.substr(0, bytes.find('\0'));
        return;
    case SCAP_PT_FSPATH:
    case SCAP_PT_FSRELPATH:
        render_path(evt, info, bytes, out);
        return;
    case SCAP_PT_BYTEBUF:
    case SCAP_PT_CHARBUFARRAY:
    case SCAP_PT_CHARBUF_PAIR_ARRAY:
        append_buffer(bytes, out.value);
        return;
    case SCAP_PT_SOCKADDR:
        append_sockaddr(bytes, out.value);
        return;
    case SCAP_PT_SOCKTUPLE:
        append_socktuple(bytes, out.value);
        return;
    case SCAP_PT_FDLIST:
        append_fdlist(evt, bytes, out.value);
        return;
    case SCAP_PT_DYN:
        render_dynamic(in, evt, info, bytes, out);
        return;
    case SCAP_PT_IPV4ADDR:
    case SCAP_PT_IPV6ADDR:
    case SCAP_PT_IPADDR:
    case SCAP_PT_IPV4NET:
    case SCAP_PT_IPV6NET:
    case SCAP_PT_IPNET:
        append_ip(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out.value);
        return;
    default:
        append_buffer(bytes, out.value);
        return;
    }
}

} // namespace sinsp::render
