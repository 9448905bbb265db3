#include "event/value_names.h"

#include "driver_api/event_table.h"
#include "event/legacy_schema.h"

namespace sinsp::render {

namespace {

const scap_value_table* table_at(int16_t table) {
    if (table < 0 || table >= SCAP_VALUE_TABLE_COUNT) {
        return nullptr;
    }
    return &scap_value_tables[table];
}

} // namespace

bool append_flag_names(int16_t table, uint64_t value, std::string& out) {
    const scap_value_table* t = table_at(table);
    if (t == nullptr) {
        return false;
    }
    uint64_t left = value;
    bool any = false;
    for (uint32_t i = 0; i < t->count; i++) {
        const scap_named_value& entry = t->values[i];
        if (!legacy_knows_value(table, entry.name)) {
            continue;
        }
        auto bits = static_cast<uint64_t>(entry.value);
        bool whole = bits == value;
        if (!whole && (bits == 0 || (left & bits) != bits)) {
            continue;
        }
        if (any) {
            out += '|';
        }
        out += entry.name;
        any = true;
        if (whole) {
            break;
        }
        left &= ~bits;
    }
    return any;
}

const char* enum_name(int16_t table, int64_t value) {
    const scap_value_table* t = table_at(table);
    if (t == nullptr) {
        return nullptr;
    }
    for (uint32_t i = 0; i < t->count; i++) {
        if (t->values[i].value == value && legacy_knows_value(table, t->values[i].name)) {
            return t->values[i].name;
        }
    }
    return nullptr;
}

const char* errno_name(int64_t value) {
    return enum_name(SCAP_VT_ERRNO_NAMES, value);
}

const char* signal_name(uint64_t signal) {
    if (signal > 0xff) {
        return nullptr;
    }
    return enum_name(SCAP_VT_SIGNAL_NAMES, static_cast<int64_t>(signal));
}

const char* syscall_name(uint16_t code) {
    // Two codes sysdig 0.29.3 names differently from today's table.
    if (code == 0) {
        return "<unknown>";
    }
    if (code == 298) {
        return "sigreturn";
    }
    // Its table ends with clone3.
    if (code > 328) {
        return nullptr;
    }
    return enum_name(SCAP_VT_PPM_SC_CODES, code);
}

} // namespace sinsp::render
