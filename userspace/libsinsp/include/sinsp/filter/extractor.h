// The evaluator's view of the event under test: one call per checked field.
#pragma once

#include "sinsp/filter/api.h"
#include "sinsp/filter/field.h"
#include "sinsp/filter/value.h"

namespace sinsp::filter {

// Gives the value(s) of a field for the current event. libsinsp implements it over its thread
// and fd state; an implementation is bound to one event at a time by its owner.
class SINSP_FILTER_API Extractor {
public:
    virtual ~Extractor() = default;

    // Appends the values of `field` for the current event to `out` (one for a single-valued
    // field, any number for kAnyOf and kList fields). Returns false when the field has no value
    // for this event (no fd, no container, parameter absent): every check on it is then false,
    // except that `exists` is false too and `not` inverts as usual.
    virtual bool extract(const BoundField& field, ValueList& out) = 0;
};

} // namespace sinsp::filter
