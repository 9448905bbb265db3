#include "engine/priority.h"

#include <array>
#include <cctype>

namespace falco {
namespace {

struct Spelling {
    std::string_view key; // lower case, as parsed
    std::string_view display;
    std::string_view summary;
};

constexpr std::array<Spelling, kPriorityCount> kSpellings = {{
    {"emergency", "Emergency", "EMERGENCY"},
    {"alert", "Alert", "ALERT"},
    {"critical", "Critical", "CRITICAL"},
    {"error", "Error", "ERROR"},
    {"warning", "Warning", "WARNING"},
    {"notice", "Notice", "NOTICE"},
    {"informational", "Informational", "INFO"},
    {"debug", "Debug", "DEBUG"},
}};

bool equals_lower(std::string_view text, std::string_view lower) {
    if (text.size() != lower.size()) {
        return false;
    }
    for (size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<Priority> parse_priority(std::string_view text) {
    for (size_t i = 0; i < kSpellings.size(); ++i) {
        if (equals_lower(text, kSpellings[i].key)) {
            return static_cast<Priority>(i);
        }
    }
    if (equals_lower(text, "info")) {
        return Priority::kInformational;
    }
    return std::nullopt;
}

std::string_view priority_name(Priority p) {
    return kSpellings[static_cast<size_t>(p)].display;
}

std::string_view priority_summary_name(Priority p) {
    return kSpellings[static_cast<size_t>(p)].summary;
}

} // namespace falco
