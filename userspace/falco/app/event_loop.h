// The event loop: every event of the source through the rules, every alert to the outputs,
// until the source ends, -M elapses or a signal asks falco to stop.
#pragma once

#include <cstdint>

#include "engine/alert_counters.h"
#include "engine/rules_engine.h"
#include "outputs/outputs.h"
#include "sinsp/inspector.h"

namespace falco {

struct LoopSettings {
    double duration_seconds = 0;   // -M; 0: no limit
    bool json = false;             // build output_fields for JSON alerts
    bool skip_high_volume = false; // live without -A: I/O, wait and sleep events skip the rules
};

struct LoopStats {
    uint64_t events = 0;
    uint64_t skipped = 0; // high-volume events not evaluated
    double seconds = 0;
    bool interrupted = false; // SIGINT/SIGTERM/SIGHUP ended it
};

// Installs handlers for SIGINT, SIGTERM and SIGHUP that make run_events() return.
void install_stop_handlers();

// Runs the loop; throws sinsp::Error when the source fails.
LoopStats run_events(sinsp::Inspector& inspector, RulesEngine& engine, Outputs& outputs,
                     AlertCounters& counters, const LoopSettings& settings);

// True for the events -A adds on live sources: reads and writes of data, waits and sleeps.
bool is_high_volume(uint16_t event_code);

} // namespace falco
