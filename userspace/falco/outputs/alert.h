// One alert: what the engine hands to the outputs when a rule matches an event.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/priority.h"

namespace falco {

struct Alert {
    std::string rule;
    Priority priority = Priority::kDebug;
    std::string source = "syscall";
    std::vector<std::string> tags; // sorted, without duplicates
    uint64_t time_ns = 0;          // event time, ns since the epoch
    std::string hostname;
    // The text alert without newline: "16:17:57.882054739: Warning An open was seen (...)".
    std::string output;
    // Every %field of the full format as one JSON object ({"proc.name":"cat",...}), keys
    // sorted, numbers as numbers, missing values as null.
    std::string output_fields;
};

} // namespace falco
