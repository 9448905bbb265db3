#include "event/legacy_schema.h"

#include <array>
#include <cstring>
#include <vector>

namespace sinsp::render {

namespace {

// Events whose sysdig 0.29.3 table lists fewer parameters than ours: {code, count}.
constexpr std::array<std::array<uint16_t, 2>, 84> kLegacyCounts = {{
    {1, 1},    {3, 5},   {5, 1},    {7, 2},   {9, 2},   {19, 1},   {21, 2},   {23, 2},   {25, 1},
    {29, 2},   {31, 2},  {33, 2},   {35, 3},  {37, 1},  {43, 5},   {49, 2},   {51, 0},   {53, 4},
    {55, 0},   {59, 4},  {63, 1},   {65, 1},  {71, 1},  {79, 1},   {81, 2},   {87, 1},   {89, 1},
    {97, 1},   {113, 2}, {115, 2},  {117, 3}, {119, 2}, {121, 3},  {123, 2},  {127, 1},  {129, 1},
    {131, 1},  {133, 1}, {135, 1},  {137, 1}, {139, 1}, {141, 3},  {143, 3},  {145, 5},  {151, 1},
    {159, 4},  {161, 4}, {163, 4},  {165, 4}, {167, 1}, {169, 3},  {171, 1},  {186, 4},  {189, 2},
    {191, 14}, {193, 1}, {195, 1},  {199, 1}, {201, 1}, {223, 20}, {225, 20}, {227, 20}, {237, 1},
    {239, 1},  {241, 1}, {243, 1},  {251, 8}, {253, 1}, {255, 2},  {257, 4},  {263, 1},  {265, 2},
    {277, 2},  {285, 1}, {293, 20}, {295, 1}, {298, 1}, {299, 1},  {307, 6},  {327, 6},  {329, 1},
    {331, 20}, {333, 3}, {335, 20},
}};

// A parameter sysdig 0.29.3 describes differently. Negative `dirfd` keeps ours; a null name keeps
// ours.
struct ParamOverride {
    uint16_t code;
    uint8_t index;
    const char* name;
    uint8_t type;
    uint8_t format;
    int8_t dirfd;
};

constexpr int8_t kSame = -2;

constexpr ParamOverride kOverrides[] = {
    {18, 0, nullptr, SCAP_PT_FLAGS32, SCAP_PF_DEC, kSame},
    {24, 1, nullptr, SCAP_PT_UINT32, SCAP_PF_DEC, kSame},
    {36, 1, nullptr, SCAP_PT_FLAGS8, SCAP_PF_HEX, kSame},
    {42, 0, nullptr, SCAP_PT_FLAGS32, SCAP_PF_DEC, kSame},
    {45, 2, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {45, 3, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {47, 2, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {47, 3, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {62, 1, nullptr, SCAP_PT_FLAGS32, SCAP_PF_HEX, kSame},
    {86, 2, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {88, 2, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {126, 2, nullptr, SCAP_PT_FLAGS8, SCAP_PF_HEX, kSame},
    {136, 1, nullptr, SCAP_PT_FLAGS8, SCAP_PF_HEX, kSame},
    {138, 0, nullptr, SCAP_PT_FLAGS8, SCAP_PF_HEX, kSame},
    {140, 0, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {142, 0, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {144, 1, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {150, 1, nullptr, SCAP_PT_FLAGS8, SCAP_PF_DEC, kSame},
    {161, 0, nullptr, SCAP_PT_UINT64, SCAP_PF_HEX, kSame},
    {163, 0, nullptr, SCAP_PT_UINT64, SCAP_PF_HEX, kSame},
    {168, 0, nullptr, SCAP_PT_FLAGS16, SCAP_PF_DEC, kSame},
    {293, 16, nullptr, SCAP_PT_INT32, SCAP_PF_DEC, kSame},
    {293, 17, "pgid", SCAP_PT_PID, SCAP_PF_DEC, kSame},
    {293, 18, nullptr, SCAP_PT_INT32, SCAP_PF_DEC, kSame},
    {295, 0, nullptr, SCAP_PT_PID, SCAP_PF_DEC, kSame},
    // openat and execveat enter events resolve their path against the dirfd parameter.
    {306, 1, nullptr, SCAP_PT_FSRELPATH, SCAP_PF_NA, 0},
    {322, 0, "plugin ID", SCAP_PT_UINT32, SCAP_PF_DEC, kSame},
    {330, 1, nullptr, SCAP_PT_FSRELPATH, SCAP_PF_NA, 0},
    {331, 16, nullptr, SCAP_PT_INT32, SCAP_PF_DEC, kSame},
    {331, 17, "pgid", SCAP_PT_PID, SCAP_PF_DEC, kSame},
    {331, 18, nullptr, SCAP_PT_INT32, SCAP_PF_DEC, kSame},
};

struct NameOverride {
    uint16_t code;
    const char* name;
};

constexpr NameOverride kEventNames[] = {
    {17, "NA1"},          {147, "NA2"},       {153, "NA2"},           {187, "NA1"},
    {197, "scapevent"},   {229, "container"}, {233, "signaldeliver"}, {235, "NA2"},
    {245, "NA2"},         {261, "NA3"},       {269, "tracer"},        {271, "NA4"},
    {273, "container"},   {281, "NA4"},       {287, "NA4"},           {291, "NA5"},
    {323, "pluginevent"}, {325, "container"},
};

struct UnknownValue {
    int16_t table;
    const char* name;
};

constexpr UnknownValue kUnknownValues[] = {
    {SCAP_VT_FILE_FLAGS, "O_F_CREATED"},       {SCAP_VT_FILE_FLAGS, "FD_UPPER_LAYER"},
    {SCAP_VT_FILE_FLAGS, "FD_LOWER_LAYER"},    {SCAP_VT_CLONE_FLAGS, "CLONE_CHILD_IN_PIDNS"},
    {SCAP_VT_EXECVE_FLAGS, "EXE_UPPER_LAYER"}, {SCAP_VT_EXECVE_FLAGS, "EXE_FROM_MEMFD"},
    {SCAP_VT_EXECVE_FLAGS, "EXE_LOWER_LAYER"},
};

// The categories of system calls shown through generic events, by PPM system-call code, one
// letter each: o other, f file, n net, i IPC, m memory, p process, s sleep, y system, g signal,
// r user, t time, w wait; u unknown (I/O calls, whose category comes from an fd they do not
// name). sysdig 0.29.3 knows codes up to 329.
constexpr std::string_view kSyscallCategories =
    "oypuufffffftffffpfotfwtfuifffuitmpuwppifupppyppttfffppyfffffppff"
    "yttyowyyuyymyyypfypfwfuuupummmmppppspppsfwpggggggfppfpfrrrrrrrrf"
    "rrrrfrrrrpmmpffffffffffffgippppuuuuuuwwwfpttttttttsgfiiiiiiywyyy"
    "ppiiiffffffffffffwwpppiiipwfgtittgiwuiiuuooipofpinnnnnnnnnnnnnnn"
    "nnniiiiiiiiiiffffpoginfffffwgggyfgptfwffpiguuuuuuuuuuuuuuuyoouuu"
    "ffffyyfppp";

// The parameters with an override, as full entries, built once.
struct OverriddenParam {
    uint16_t code;
    uint32_t index;
    scap_param_info info;
};

const std::vector<OverriddenParam>& overridden_params() {
    static const std::vector<OverriddenParam> params = [] {
        std::vector<OverriddenParam> out;
        for (const ParamOverride& o : kOverrides) {
            const scap_event_info& event = scap_event_table[o.code];
            if (o.index >= event.nparams) {
                continue;
            }
            scap_param_info info = event.params[o.index];
            if (o.name != nullptr) {
                info.name = o.name;
            }
            info.type = o.type;
            info.format = o.format;
            if (o.dirfd != kSame) {
                info.dirfd_param = o.dirfd;
            }
            out.push_back({o.code, o.index, info});
        }
        return out;
    }();
    return params;
}

} // namespace

uint32_t legacy_param_count(uint16_t code) {
    if (code >= SCAP_EVENT_COUNT) {
        return 0;
    }
    uint32_t count = scap_event_table[code].nparams;
    if (code >= kLegacyEventCount) {
        return count;
    }
    for (const auto& entry : kLegacyCounts) {
        if (entry[0] == code) {
            return entry[1] < count ? entry[1] : count;
        }
    }
    return count;
}

const scap_param_info& legacy_param_info(uint16_t code, uint32_t index) {
    for (const OverriddenParam& p : overridden_params()) {
        if (p.code == code && p.index == index) {
            return p.info;
        }
    }
    return scap_event_table[code].params[index];
}

const char* legacy_event_name(uint16_t code) {
    for (const NameOverride& o : kEventNames) {
        if (o.code == code) {
            return o.name;
        }
    }
    return code < SCAP_EVENT_COUNT ? scap_event_table[code].name : "NA";
}

const char* legacy_syscall_category(uint16_t ppm_sc) {
    if (ppm_sc >= kSyscallCategories.size()) {
        return nullptr;
    }
    switch (kSyscallCategories[ppm_sc]) {
    case 'o':
        return "other";
    case 'f':
        return "file";
    case 'n':
        return "net";
    case 'i':
        return "IPC";
    case 'm':
        return "memory";
    case 'p':
        return "process";
    case 's':
        return "sleep";
    case 'y':
        return "system";
    case 'g':
        return "signal";
    case 'r':
        return "user";
    case 't':
        return "time";
    case 'w':
        return "wait";
    default:
        return "unknown";
    }
}

bool legacy_knows_value(int16_t table, std::string_view name) {
    for (const UnknownValue& v : kUnknownValues) {
        if (v.table == table && name == v.name) {
            return false;
        }
    }
    return true;
}

} // namespace sinsp::render
