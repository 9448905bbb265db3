// The one exception type libsinsp throws for bad input and failed sources.
#pragma once

#include <stdexcept>
#include <string>

#include "sinsp/api.h"

namespace sinsp {

// A one-line message naming the input and the problem ("x.scap: offset 120: truncated block").
class SINSP_API Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace sinsp
