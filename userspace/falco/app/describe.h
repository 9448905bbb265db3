// What falco prints about its rules and fields instead of running: -L, -l RULE, --list, -i.
#pragma once

#include <cstdio>
#include <string>

#include "engine/rules_engine.h"

namespace falco {

// -L: every loaded rule with its description (a table, or JSON with rules, macros and lists).
void describe_rules(const RulesEngine& engine, bool json, std::FILE* out);

// -l RULE: one rule in detail; false when there is no such rule.
bool describe_rule(const RulesEngine& engine, const std::string& name, bool json, std::FILE* out);

// --list[=SOURCE] -N: the field names, one per line.
void list_field_names(std::FILE* out);

// -i: the events that live capture skips without -A.
void list_high_volume_events(std::FILE* out);

} // namespace falco
