// Where alerts go: stdout, a file, a program, syslog, a Unix socket; with rate limiting,
// buffering and the text or JSON line format of falco.yaml.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/config.h"
#include "outputs/alert.h"

namespace falco {

// One destination. write() receives the formatted line without newline.
class Output {
public:
    virtual ~Output() = default;
    virtual void write(const Alert& alert, const std::string& line) = 0;
    // Makes every line written so far reach its destination.
    virtual void flush() {}
};

// Every enabled output of a configuration. Not thread-safe; used by falco's event loop.
class Outputs {
public:
    // Opens the enabled outputs; throws std::runtime_error naming the output and the problem
    // (e.g. "file_output: cannot open /x/y: Permission denied").
    explicit Outputs(const OutputsConfig& config);
    ~Outputs();
    Outputs(const Outputs&) = delete;
    Outputs& operator=(const Outputs&) = delete;

    // Formats the alert (text or JSON) and writes it to every output, unless the rate limiter
    // (outputs.rate / outputs.max_burst) drops it. Flushes at once unless buffered_outputs.
    void emit(const Alert& alert);
    // Flushes every output: called at exit and on SIGTERM/SIGINT before exiting.
    void flush();

    // Alerts dropped by the rate limiter so far.
    uint64_t dropped() const { return dropped_; }

    // For tests: adds an output beside the configured ones.
    void add(std::unique_ptr<Output> output);

private:
    OutputsConfig config_;
    std::vector<std::unique_ptr<Output>> outputs_;
    struct RateLimiter;
    std::unique_ptr<RateLimiter> limiter_;
    uint64_t dropped_ = 0;
};

// The line an alert is written as: its text output, or with json_output the JSON object
// {"hostname":..,"output":..,"priority":..,"rule":..,"source":..,"tags":[..],"time":..,
// "output_fields":{..}} (output and tags as json_include_* say).
std::string format_alert_line(const Alert& alert, const OutputsConfig& config);

} // namespace falco
