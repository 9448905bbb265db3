// Turns "rule R matched this event" into the Alert the outputs receive.
#pragma once

#include <string>

#include "engine/rule_compiler.h"
#include "outputs/alert.h"
#include "sinsp/event.h"
#include "sinsp/fields.h"

namespace falco {

// The name alerts carry: $FALCO_HOSTNAME, else the machine's host name.
std::string alert_hostname();

// The alert for `rule` on the event `extractor` is bound to; output_fields only when `json`.
Alert build_alert(const CompiledRule& rule, const sinsp::Event& event,
                  sinsp::FieldExtractor& extractor, const std::string& hostname, bool json);

} // namespace falco
