// The event table as sysdig 0.29.3 shows it, where it differs from ours: fewer parameters for
// events that gained some since, a few older parameter names and types, event names of unused
// codes, and value-table entries it does not know yet. Internal to libsinsp.
//
// The differences were measured by running sysdig 0.29.3 on captures built for the purpose, and
// come from the older_table section of the event table specification.
#pragma once

#include <cstdint>
#include <string_view>

#include "driver_api/event_table.h"

namespace sinsp::render {

// sysdig 0.29.3 knows event codes below this one (its last is clone3) and skips the others.
constexpr uint16_t kLegacyEventCount = 336;

// How many parameters of event `code` sysdig 0.29.3 knows (and so prints in evt.args).
uint32_t legacy_param_count(uint16_t code);

// Parameter `index` of event `code` as sysdig 0.29.3 describes it: its name, type, print format,
// value table and directory-fd parameter. `index` must be below scap_event_table[code].nparams.
const scap_param_info& legacy_param_info(uint16_t code, uint32_t index);

// The name sysdig 0.29.3 gives event `code` ("NA1" for some unused codes).
const char* legacy_event_name(uint16_t code);

// The category sysdig 0.29.3 shows for a generic event of system call `ppm_sc` ("file",
// "IPC"...), or nullptr when it names none.
const char* legacy_syscall_category(uint16_t ppm_sc);

// False for value-table entries sysdig 0.29.3 does not know (O_F_CREATED, ...): they are left
// out of flag names.
bool legacy_knows_value(int16_t table, std::string_view name);

} // namespace sinsp::render
