// Which event types a checked filter can match.
#pragma once

#include <vector>

#include "sinsp/filter/ast.h"
#include "sinsp/filter/event_types.h"
#include "userspace/libsinsp/filter/checker.h"

namespace sinsp::filter {

// `evt.type = X` / `in (...)` give those names, `!=` all but them; any other check gives all;
// `and` intersects, `or` unites, and `not` is pushed down to the checks (De Morgan), where a
// negated neutral check stays all. `checks` is the checker's output for `expr`.
EventTypeSet event_types_of(const ast::Expr& expr, const std::vector<TypedCheck>& checks);

} // namespace sinsp::filter
