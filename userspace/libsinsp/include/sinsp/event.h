// One event as libsinsp hands it out: the capture record plus the thread and fd it concerns.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "driver_api/event_table.h"
#include "scap/scap_event.h"
#include "sinsp/api.h"

namespace sinsp {

struct ThreadInfo;
struct FdInfo;

// A parameter's raw bytes, with its schema entry. An empty value means "not recorded".
struct SINSP_API ParamView {
    const uint8_t* data = nullptr;
    uint32_t len = 0;
    const scap_param_info* info = nullptr;

    std::string_view bytes() const { return {reinterpret_cast<const char*>(data), len}; }
    // The value as an integer of the parameter's width (1, 2, 4 or 8 bytes), sign-extended for
    // signed types; nothing when the width is not one of those.
    std::optional<int64_t> as_int() const;
    std::optional<uint64_t> as_uint() const;
    // CHARBUF/FSPATH values without the trailing NUL.
    std::string_view as_string() const;
};

// Valid until the inspector's next call to next().
class SINSP_API Event {
public:
    const scap_evt& raw() const { return *raw_; }
    uint64_t num() const { return num_; } // 1 for the first event of the capture
    uint64_t ts() const { return raw_->ts; }
    int64_t tid() const { return static_cast<int64_t>(raw_->tid); }
    uint16_t type() const { return raw_->type; }
    uint16_t cpu() const { return cpu_; }
    uint32_t dump_flags() const { return dump_flags_; }
    bool is_enter() const { return (raw_->type & 1u) == 0; }
    const scap_event_info& info() const { return scap_event_table[raw_->type]; }
    const char* name() const { return info().name; }

    // Parameters recorded (may be fewer than the schema lists, for older versions).
    uint32_t param_count() const { return raw_->nparams; }
    // Parameter `index`; an empty view past the recorded ones.
    ParamView param(uint32_t index) const;
    // The index of the parameter called `name` in the schema, if any.
    std::optional<uint32_t> param_index(std::string_view name) const;
    ParamView param(std::string_view name) const;

    // The thread that made the event (nullptr when unknown: no tid, or a thread the capture
    // never described), after the event updated the state.
    ThreadInfo* thread() const { return thread_; }
    // The fd the event uses or creates, and its number (-1 when none).
    FdInfo* fd() const { return fd_; }
    int64_t fd_num() const { return fd_num_; }

    // The enter event's timestamp for an exit event whose enter was seen, else 0.
    uint64_t enter_ts() const { return enter_ts_; }
    // True when the event changed its fd's name (a UDP socket's tuple, a connect...).
    bool fd_name_changed() const { return fd_name_changed_; }

private:
    friend class EventParser;
    friend class Inspector;
    const scap_evt* raw_ = nullptr;
    uint64_t num_ = 0;
    uint16_t cpu_ = 0;
    uint32_t dump_flags_ = 0;
    ThreadInfo* thread_ = nullptr;
    FdInfo* fd_ = nullptr;
    int64_t fd_num_ = -1;
    uint64_t enter_ts_ = 0;
    bool fd_name_changed_ = false;
};

} // namespace sinsp
