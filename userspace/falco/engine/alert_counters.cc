#include "engine/alert_counters.h"

#include "engine/json_text.h"

namespace falco {

std::string AlertCounters::summary_text(const std::vector<CompiledRule>& rules) const {
    std::string out = "Events detected: " + std::to_string(total_) + "\n";
    out += "Rule counts by severity:\n";
    for (int p = 0; p < kPriorityCount; ++p) {
        if (by_priority_[p] > 0) {
            out += "   " + std::string(priority_summary_name(static_cast<Priority>(p))) + ": " +
                   std::to_string(by_priority_[p]) + "\n";
        }
    }
    out += "Triggered rules by rule name:\n";
    for (size_t i = 0; i < rules.size() && i < by_rule_.size(); ++i) {
        if (by_rule_[i] > 0) {
            out += "   " + rules[i].name + ": " + std::to_string(by_rule_[i]) + "\n";
        }
    }
    return out;
}

std::string AlertCounters::summary_json(const std::vector<CompiledRule>& rules) const {
    std::string out = "{\"events_detected\":" + std::to_string(total_);
    out += ",\"rule_counts_by_severity\":{";
    bool first = true;
    for (int p = 0; p < kPriorityCount; ++p) {
        if (by_priority_[p] > 0) {
            out += first ? "" : ",";
            first = false;
            json::append_string(out, priority_summary_name(static_cast<Priority>(p)));
            out += ":" + std::to_string(by_priority_[p]);
        }
    }
    out += "},\"triggered_rules\":{";
    first = true;
    for (size_t i = 0; i < rules.size() && i < by_rule_.size(); ++i) {
        if (by_rule_[i] > 0) {
            out += first ? "" : ",";
            first = false;
            json::append_string(out, rules[i].name);
            out += ":" + std::to_string(by_rule_[i]);
        }
    }
    out += "}}";
    return out;
}

} // namespace falco
