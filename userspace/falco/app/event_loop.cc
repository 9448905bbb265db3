#include "app/event_loop.h"

#include <chrono>
#include <csignal>

#include "app/alert_builder.h"
#include "driver_api/event_table.h"
#include "sinsp/event.h"
#include "sinsp/fields.h"

namespace falco {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop_signal(int) {
    g_stop = 1;
}

} // namespace

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        sigaction(sig, &action, nullptr);
    }
    std::signal(SIGPIPE, SIG_IGN);
}

bool is_high_volume(uint16_t event_code) {
    if (event_code >= SCAP_EVENT_COUNT) {
        return false;
    }
    uint32_t category = scap_event_table[event_code].category;
    uint32_t base = category & 0x7fu;
    return base == SCAP_EC_IO_READ || base == SCAP_EC_IO_WRITE || base == SCAP_EC_SLEEP ||
           (category & (SCAP_EC_WAIT | SCAP_EC_SCHEDULER)) != 0;
}

LoopStats run_events(sinsp::Inspector& inspector, RulesEngine& engine, Outputs& outputs,
                     AlertCounters& counters, const LoopSettings& settings) {
    using Clock = std::chrono::steady_clock;
    LoopStats stats;
    Clock::time_point start = Clock::now();
    Clock::time_point deadline =
        start + std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(settings.duration_seconds));
    sinsp::FieldExtractor extractor(inspector);
    std::string hostname = alert_hostname();
    const std::vector<CompiledRule>& rules = engine.rules();
    while (g_stop == 0) {
        if (settings.duration_seconds > 0 && Clock::now() >= deadline) {
            break;
        }
        const sinsp::Event* event = inspector.next();
        if (event == nullptr) {
            if (inspector.eof()) {
                break;
            }
            continue; // a live source had nothing for a while
        }
        ++stats.events;
        if (settings.skip_high_volume && is_high_volume(event->type())) {
            ++stats.skipped;
            continue;
        }
        extractor.bind(*event);
        int matched = engine.match(*event, extractor);
        if (matched < 0) {
            continue;
        }
        const CompiledRule& rule = rules[static_cast<size_t>(matched)];
        counters.count(static_cast<size_t>(matched), rule.priority);
        outputs.emit(build_alert(rule, *event, extractor, hostname, settings.json));
    }
    stats.interrupted = g_stop != 0;
    outputs.flush();
    stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return stats;
}

} // namespace falco
