#include "format/json_writer.h"

#include <cinttypes>
#include <cstdio>

namespace sinsp::json {

std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", c);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    out += '"';
    return out;
}

std::string value(const filter::Value& v) {
    char buf[64];
    switch (v.kind()) {
    case filter::Value::Kind::kInt64:
        std::snprintf(buf, sizeof(buf), "%" PRId64, v.int64());
        return buf;
    case filter::Value::Kind::kUint64:
        std::snprintf(buf, sizeof(buf), "%" PRIu64, v.uint64());
        return buf;
    case filter::Value::Kind::kDouble:
        std::snprintf(buf, sizeof(buf), "%.17g", v.real());
        return buf;
    case filter::Value::Kind::kBool:
        return v.boolean() ? "true" : "false";
    case filter::Value::Kind::kIpAddr:
        return quoted(v.ip().to_string());
    case filter::Value::Kind::kString:
    case filter::Value::Kind::kBytes:
        break;
    }
    return quoted(v.text());
}

} // namespace sinsp::json
