// evt.* timestamps and durations: evt.time, evt.rawtime, evt.reltime, evt.latency, ...
#include <cinttypes>
#include <cstdio>
#include <ctime>

#include "fields/evt_fields_internal.h"
#include "sinsp/thread_info.h"

namespace sinsp::fields::evt {

namespace {

using filter::Value;

constexpr uint64_t kNsPerSecond = 1000000000ull;

// Appends the event's time with strftime `format` in local time (or UTC), then optionally
// ".nnnnnnnnn" and a suffix.
void append_time(uint64_t ts, const char* format, bool utc, bool with_ns, const char* suffix,
                 std::string& out) {
    static const bool tz_ready = [] {
        tzset();
        return true;
    }();
    (void)tz_ready;
    time_t seconds = static_cast<time_t>(ts / kNsPerSecond);
    struct tm parts {};
    if (utc) {
        gmtime_r(&seconds, &parts);
    } else {
        localtime_r(&seconds, &parts);
    }
    char buf[64];
    size_t n = strftime(buf, sizeof(buf), format, &parts);
    out.append(buf, n);
    if (with_ns) {
        std::snprintf(buf, sizeof(buf), ".%09" PRIu64, ts % kNsPerSecond);
        out += buf;
    }
    out += suffix;
}

// The time between the thread's last enter event and this exit event, as sysdig measures it
// (the enter need not be this call's: a capture that starts mid-call measures from the
// previous one); 0 for enter events and threads without an enter event yet.
uint64_t latency_of(const Context& ctx) {
    const Event& evt = ctx.event;
    const ThreadInfo* thread = evt.thread();
    if (evt.is_enter() || thread == nullptr) {
        return 0;
    }
    uint64_t enter = evt.enter_ts() != 0 ? evt.enter_ts() : thread->last_enter_ts;
    if (enter == 0 || enter > evt.ts()) {
        return 0;
    }
    return evt.ts() - enter;
}

uint64_t delta_ns(const Context& ctx) {
    uint64_t previous = ctx.inspector.previous_event_ts();
    uint64_t ts = ctx.event.ts();
    return previous == 0 || previous > ts ? 0 : ts - previous;
}

uint64_t relative_ns(const Context& ctx) {
    uint64_t first = ctx.inspector.first_event_ts();
    uint64_t ts = ctx.event.ts();
    return first > ts ? 0 : ts - first;
}

// "2.50us", "123ms", "1:1" (minutes:seconds), "01:00:00": three significant digits, truncated.
void append_human_duration(uint64_t ns, std::string& out) {
    char buf[64];
    if (ns < 1000) {
        std::snprintf(buf, sizeof(buf), "%" PRIu64 "ns", ns);
    } else if (ns < 1000000) {
        uint64_t whole = ns / 1000;
        if (whole < 10) {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 ".%02" PRIu64 "us", whole, (ns % 1000) / 10);
        } else {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 "us", whole);
        }
    } else if (ns < kNsPerSecond) {
        uint64_t whole = ns / 1000000;
        if (whole < 10) {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 ".%02" PRIu64 "ms", whole,
                          (ns % 1000000) / 10000);
        } else {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 "ms", whole);
        }
    } else {
        uint64_t seconds = ns / kNsPerSecond;
        if (seconds < 60) {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 ".%02" PRIu64 "s", seconds,
                          (ns % kNsPerSecond) / 10000000);
        } else if (seconds < 3600) {
            std::snprintf(buf, sizeof(buf), "%" PRIu64 ":%" PRIu64, seconds / 60, seconds % 60);
        } else {
            std::snprintf(buf, sizeof(buf), "%02" PRIu64 ":%02" PRIu64 ":%02" PRIu64,
                          seconds / 3600, (seconds / 60) % 60, seconds % 60);
        }
    }
    out += buf;
}

} // namespace

bool num(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, ctx.event.num());
}

bool time_text(Context& ctx, const BoundField&, std::string& out) {
    append_time(ctx.event.ts(), "%H:%M:%S", false, true, "", out);
    return true;
}

bool time_s_text(Context& ctx, const BoundField&, std::string& out) {
    append_time(ctx.event.ts(), "%H:%M:%S", false, false, "", out);
    return true;
}

bool time_iso8601_text(Context& ctx, const BoundField&, std::string& out) {
    append_time(ctx.event.ts(), "%Y-%m-%dT%H:%M:%S", true, true, "+0000", out);
    return true;
}

bool datetime_text(Context& ctx, const BoundField&, std::string& out) {
    append_time(ctx.event.ts(), "%Y-%m-%d %H:%M:%S", false, true, "", out);
    return true;
}

bool datetime_s_text(Context& ctx, const BoundField&, std::string& out) {
    append_time(ctx.event.ts(), "%Y-%m-%d %H:%M:%S", false, false, "", out);
    return true;
}

bool rawtime(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, ctx.event.ts());
}

bool rawtime_s(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, ctx.event.ts() / kNsPerSecond);
}

bool rawtime_ns(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, ctx.event.ts() % kNsPerSecond);
}

bool reltime(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, relative_ns(ctx));
}

// sysdig prints the seconds, then the nanoseconds on nine digits; no seconds when there are none.
bool reltime_text(Context& ctx, const BoundField&, std::string& out) {
    uint64_t ns = relative_ns(ctx);
    char buf[48];
    if (ns >= kNsPerSecond) {
        std::snprintf(buf, sizeof(buf), "%" PRIu64 "%09" PRIu64, ns / kNsPerSecond,
                      ns % kNsPerSecond);
    } else {
        std::snprintf(buf, sizeof(buf), "%09" PRIu64, ns);
    }
    out += buf;
    return true;
}

bool reltime_s(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, relative_ns(ctx) / kNsPerSecond);
}

bool reltime_ns(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, relative_ns(ctx) % kNsPerSecond);
}

bool latency(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, latency_of(ctx));
}

bool latency_s(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, latency_of(ctx) / kNsPerSecond);
}

bool latency_ns(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, latency_of(ctx) % kNsPerSecond);
}

bool latency_human_text(Context& ctx, const BoundField&, std::string& out) {
    append_human_duration(latency_of(ctx), out);
    return true;
}

bool deltatime(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, delta_ns(ctx));
}

bool deltatime_s(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, delta_ns(ctx) / kNsPerSecond);
}

bool deltatime_ns(Context& ctx, const BoundField&, ValueList& out) {
    return add_uint(out, delta_ns(ctx) % kNsPerSecond);
}

bool wait_latency(Context& ctx, const BoundField&, ValueList& out) {
    const Event& evt = ctx.event;
    if (evt.is_enter() || (evt.info().flags & SCAP_EF_WAITS) == 0) {
        return false;
    }
    return add_uint(out, latency_of(ctx));
}

} // namespace sinsp::fields::evt
