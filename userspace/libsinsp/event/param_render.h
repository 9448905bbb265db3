// Event parameters as text, exactly as sysdig 0.29.3 prints them in evt.args, evt.arg and
// evt.info ("fd=3(<f>/etc/passwd) flags=4097(O_RDONLY|O_CLOEXEC)"), and as native values for
// evt.rawarg. Internal to libsinsp: the evt.* fields, other field classes and the formatter use it.
//
// Parameters are described as sysdig 0.29.3 describes them (event/legacy_schema.h): only those
// its table knows are visible, with its names and print formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "driver_api/event_table.h"
#include "sinsp/event.h"
#include "sinsp/filter/value.h"
#include "sinsp/inspector.h"

namespace sinsp::render {

// A parameter as text: its value ("3", "-2", "4097") and, for the kinds sysdig resolves (fds,
// pids, errnos, flags, users, signals, relative paths, durations), the resolved form it shows
// in parentheses ("<f>/etc/passwd", "ENOENT", "O_RDONLY|O_CLOEXEC").
struct ParamText {
    std::string value;
    std::string resolved;
    bool has_resolved = false;

    void clear() {
        value.clear();
        resolved.clear();
        has_resolved = false;
    }
};

// How many parameters sysdig 0.29.3 sees in `evt`: those its table knows, of those recorded (all
// recorded ones for events it does not know). evt.arg and evt.rawarg reach these.
uint32_t visible_param_count(const Event& evt);

// How many parameters evt.args shows: the visible ones, but none for generic system-call events,
// which sysdig shows by name only.
uint32_t shown_param_count(const Event& evt);

// Parameter `index` of `evt` as sysdig 0.29.3 describes it (name, type, format, tables), or
// nullptr when the schema has no such parameter.
const scap_param_info* param_info(const Event& evt, uint32_t index);

// The index of the visible parameter called `name`: sysdig 0.29.3's name first ("pgid"), then
// ours.
std::optional<uint32_t> param_index(const Event& evt, std::string_view name);

// Parameter `index` in its two parts. A parameter that was not recorded gives an empty value.
void param_text(const Inspector& in, const Event& evt, uint32_t index, ParamText& out);

// Appends parameter `index` as evt.args shows it: "value(resolved)" or "value".
void param(const Inspector& in, const Event& evt, uint32_t index, std::string& out);

// Appends parameter `index` as evt.arg shows it: the resolved form when there is one, else the
// value. False (nothing appended) when the event has no such visible parameter.
bool arg(const Inspector& in, const Event& evt, uint32_t index, std::string& out);

// Appends evt.args: "name=value " for each shown parameter (each one followed by a space).
void args(const Inspector& in, const Event& evt, std::string& out);

// Appends evt.info: evt.args, except for messages written to the syslog socket (/dev/log),
// which are decoded ("syslog sev=info msg=...").
void info(const Inspector& in, const Event& evt, std::string& out);

// Adds parameter `index` in its native type (numbers as numbers, paths and strings as text up to
// their NUL, buffers as bytes, addresses as addresses). Text values point into the event. False
// when the parameter is not visible or was not recorded.
bool raw_value(const Event& evt, uint32_t index, filter::ValueList& out);

// The bytes sysdig 0.29.3 reads for parameter `index` when it was not recorded: those that
// follow its place in the capture (the next parameters, then the block's padding and length),
// `limit` of them at most.
std::string bytes_in_place_of(const Event& evt, uint32_t index, size_t limit);

// Appends a data buffer as sysdig prints one: printable ASCII as is, other bytes as '.', and
// buffers over 80 bytes cut to 77 followed by "...".
void append_buffer(std::string_view bytes, std::string& out);

} // namespace sinsp::render
