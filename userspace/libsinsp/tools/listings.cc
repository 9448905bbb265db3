#include "tools/listings.h"

#include <string>

#include "driver_api/event_table.h"
#include "sinsp/fields.h"

namespace {

// The parameter type's name as the listing shows it ("FD", "FSPATH", ...).
const char* param_type_name(uint8_t type) {
    static const char* const kNames[] = {
        "NONE",
        "INT8",
        "INT16",
        "INT32",
        "INT64",
        "UINT8",
        "UINT16",
        "UINT32",
        "UINT64",
        "CHARBUF",
        "BYTEBUF",
        "ERRNO",
        "SOCKADDR",
        "SOCKTUPLE",
        "FD",
        "PID",
        "FDLIST",
        "FSPATH",
        "SYSCALLID",
        "SIGTYPE",
        "RELTIME",
        "ABSTIME",
        "PORT",
        "L4PROTO",
        "SOCKFAMILY",
        "BOOL",
        "IPV4ADDR",
        "DYN",
        "FLAGS8",
        "FLAGS16",
        "FLAGS32",
        "UID",
        "GID",
        "DOUBLE",
        "SIGSET",
        "CHARBUFARRAY",
        "CHARBUF_PAIR_ARRAY",
        "IPV4NET",
        "IPV6ADDR",
        "IPV6NET",
        "IPADDR",
        "IPNET",
        "MODE",
        "FSRELPATH",
        "ENUMFLAGS8",
        "ENUMFLAGS16",
        "ENUMFLAGS32",
        "FD32",
        "PID32",
    };
    return type < sizeof(kNames) / sizeof(kNames[0]) ? kNames[type] : "UNKNOWN";
}

} // namespace

void list_fields(std::FILE* out) {
    for (const sinsp::FieldClassInfo& cls : sinsp::FieldCatalogue::instance().classes()) {
        std::fprintf(out, "-------------------------------\nField Class: %s\n%s\n\n",
                     cls.name.c_str(), cls.description.c_str());
        for (const sinsp::filter::FieldInfo* f : cls.fields) {
            std::string name = f->name;
            if (f->argument == sinsp::filter::ArgumentPolicy::kRequired) {
                name += f->dotted_argument ? ".<arg>" : "[<arg>]";
            }
            std::fprintf(out, "%-24s %-8s %s\n", name.c_str(),
                         std::string(sinsp::filter::field_type_name(f->type)).c_str(),
                         f->description.c_str());
        }
        std::fprintf(out, "\n");
    }
}

void list_events(std::FILE* out) {
    for (uint32_t code = 0; code < SCAP_EVENT_COUNT; code++) {
        const scap_event_info& e = scap_event_table[code];
        if (e.name == nullptr || std::string(e.name) == "NA" ||
            (e.flags & (SCAP_EF_UNUSED | SCAP_EF_OLD_VERSION)) != 0) {
            continue;
        }
        std::fprintf(out, "%c %s(", (code & 1u) == 0 ? '>' : '<', e.name);
        for (uint16_t i = 0; i < e.nparams; i++) {
            std::fprintf(out, "%s%s %s", i == 0 ? "" : ", ", param_type_name(e.params[i].type),
                         e.params[i].name);
        }
        std::fprintf(out, ")\n");
    }
}
