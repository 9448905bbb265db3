// Alerts counted per rule and per priority, and the end-of-run summary built from them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/priority.h"
#include "engine/rule_compiler.h"

namespace falco {

class AlertCounters {
public:
    explicit AlertCounters(size_t rule_count) : by_rule_(rule_count, 0) {}

    void count(size_t rule_index, Priority priority) {
        ++total_;
        ++by_rule_[rule_index];
        ++by_priority_[static_cast<size_t>(priority)];
    }

    uint64_t total() const { return total_; }
    uint64_t for_rule(size_t rule_index) const { return by_rule_[rule_index]; }
    uint64_t for_priority(Priority p) const { return by_priority_[static_cast<size_t>(p)]; }

    // "Events detected: N", then the non-zero severities (most severe first) and rules (in rule
    // order), indented by three spaces.
    std::string summary_text(const std::vector<CompiledRule>& rules) const;
    // {"events_detected":N,"rule_counts_by_severity":{"WARNING":8},"triggered_rules":{"r":8}}
    std::string summary_json(const std::vector<CompiledRule>& rules) const;

private:
    uint64_t total_ = 0;
    std::vector<uint64_t> by_rule_;
    std::array<uint64_t, kPriorityCount> by_priority_{};
};

} // namespace falco
