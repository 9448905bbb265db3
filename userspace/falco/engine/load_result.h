// What loading rules files says: per file, the errors that stopped it and the warnings, each
// with a code, a message and where it happened, printed as falco -V prints them (text or JSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace falco {

enum class LoadCode {
    // Errors: loading stops.
    kErrFileRead,
    kErrYamlParse,
    kErrYamlValidate,
    kErrCompileCondition,
    kErrCompileOutput,
    kErrValidate,
    // Warnings: loading goes on.
    kUnknownSource,
    kUnsafeNaCheck,
    kNoEvttype,
    kUnknownField,
    kUnusedMacro,
    kUnusedList,
    kUnknownItem,
};

bool is_error(LoadCode code);
// "LOAD_ERR_YAML_VALIDATE", "LOAD_NO_EVTTYPE", ...
std::string_view code_name(LoadCode code);
// "Error validating internal structure of YAML file", "Unused macro", ...
std::string_view code_description(LoadCode code);

// A place in a rules file (name = file name) or inside a condition (name = the condition's
// first 20 characters, quoted). line and column count from 1, offset from 0.
struct SourcePosition {
    std::string name;
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t offset = 0;
};

// One level of where a problem is: "rule 'Write below etc'", "exception 'proc_names'"...
struct Location {
    std::string item_type; // "rules content", "rule", "rule condition", "exception", ...
    std::string item_name;
    SourcePosition position;
};

struct Problem {
    LoadCode code;
    std::string message;
    std::vector<Location> context; // outer to inner
    std::string snippet;           // the file's lines around the innermost file position
};

// The outcome of loading one rules file.
class LoadResult {
public:
    explicit LoadResult(std::string name) : name_(std::move(name)) {}

    const std::string& name() const { return name_; }
    bool successful() const { return errors_.empty(); }
    bool has_warnings() const { return !warnings_.empty(); }
    const std::vector<Problem>& errors() const { return errors_; }
    const std::vector<Problem>& warnings() const { return warnings_; }

    void add(Problem problem);

    // "FILE: Ok", "FILE: Ok, with warnings", "FILE: Invalid"; with `verbose` followed by every
    // error (and, when `with_warnings`, warning): location lines, snippet, "CODE (desc): msg".
    std::string as_text(bool verbose, bool with_warnings) const;
    // {"name":..,"successful":..,"errors":[..],"warnings":[..]}
    std::string as_json() const;

private:
    std::string name_;
    std::vector<Problem> errors_;
    std::vector<Problem> warnings_;
};

// The lines of `content` around `line` (1-based) with a '^' under `column`, as the snippet of a
// problem: "- rule: x\n  ^\n".
std::string snippet_at(std::string_view content, uint32_t line, uint32_t column);

} // namespace falco
