// The rules files' content once read: lists, macros and rules with their final definitions
// (after redefinitions, appends and enabled-only items), in definition order.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/load_result.h"
#include "engine/priority.h"

namespace falco {

// Where an item was (last) defined: the file and the position of its mapping.
struct ItemOrigin {
    size_t file_index = 0; // index into RulesContent::files
    SourcePosition position;
};

// Every item remembers the sequence number of its first definition and of its latest
// definition or append: a list or macro may only use lists and macros first defined before its
// own latest definition.
struct ItemSequence {
    uint64_t first = 0;
    uint64_t latest = 0;
};

struct ListDef {
    std::string name;
    std::vector<std::string> items;
    ItemOrigin origin;
    ItemSequence seq;
};

struct MacroDef {
    std::string name;
    std::string condition;
    ItemOrigin origin;
    ItemSequence seq;
};

// One value of an exception tuple: a scalar, or a sequence of scalars.
struct ExceptionValue {
    bool is_sequence = false;
    std::vector<std::string> items; // one item when a scalar
};

struct ExceptionDef {
    std::string name;
    bool fields_is_sequence = false; // tuple form; false: the single-field form
    std::vector<std::string> fields;
    std::vector<std::string> comps;                // as many as fields (defaults filled in)
    std::vector<std::vector<ExceptionValue>> rows; // tuple form: one row per values entry
    std::vector<std::string> single_values;        // single-field form
    ItemOrigin origin;
};

struct RuleDef {
    std::string name;
    std::string desc;
    std::string condition;
    std::string output;
    Priority priority = Priority::kDebug;
    std::vector<std::string> tags; // sorted, unique
    std::string source = "syscall";
    bool enabled = true;
    bool warn_evttypes = true;
    bool skip_if_unknown_filter = false;
    std::vector<ExceptionDef> exceptions;
    ItemOrigin origin;
    ItemSequence seq;
};

// A rules file as given: its name and text (snippets are cut from it).
struct RulesFile {
    std::string name;
    std::string content;
};

struct RulesContent {
    std::vector<RulesFile> files;
    std::vector<ListDef> lists;
    std::vector<MacroDef> macros;
    std::vector<RuleDef> rules;
    std::map<std::string, size_t, std::less<>> list_index;
    std::map<std::string, size_t, std::less<>> macro_index;
    std::map<std::string, size_t, std::less<>> rule_index;
    uint64_t next_sequence = 1;
    uint32_t required_engine_version = 0; // the highest required by any file
};

} // namespace falco
