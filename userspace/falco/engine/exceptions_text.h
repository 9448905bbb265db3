// A rule's exceptions as condition text: each one with values becomes
// ` and not ((f1 = v1 and f2 in (v2)) or (...))`, appended to the rule's condition before lists
// and macros are resolved.
#pragma once

#include <string>

#include "engine/rules_model.h"
#include "sinsp/filter/field.h"

namespace falco {

// The text to append for one exception ("" when it has no values). Throws ItemError
// (LOAD_ERR_VALIDATE) for inconsistent fields, comps and values.
std::string exception_condition(const ExceptionDef& ex, const sinsp::filter::FieldResolver& fields);

// `value` as a filter value: double-quoted when it holds a space and is not quoted already.
std::string quote_value(const std::string& value);

} // namespace falco
