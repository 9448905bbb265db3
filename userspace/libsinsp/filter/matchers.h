// Compiled comparisons: one Matcher per check, built once from its typed literals and run on
// every extracted value.
#pragma once

#include <memory>

#include "sinsp/filter/value.h"
#include "userspace/libsinsp/filter/checker.h"

namespace sinsp::filter {

class Matcher {
public:
    virtual ~Matcher() = default;
    // True when `v` satisfies the comparison. A value of a kind the comparison cannot take
    // (a number where a string is expected) does not satisfy it.
    virtual bool match(const Value& v) const = 0;
};

// The matcher for a checked comparison; null for `exists`, which needs none.
std::unique_ptr<Matcher> make_matcher(const TypedCheck& check);

} // namespace sinsp::filter
