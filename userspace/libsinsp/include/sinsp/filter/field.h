// Fields as the filter language sees them: their types, the operators they take, their
// arguments, and the registry (FieldResolver) that knows them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sinsp/filter/api.h"
#include "sinsp/filter/operators.h"

namespace sinsp::filter {

// The type of a field's values, which decides how literals are read and compared.
enum class FieldType : uint8_t {
    kString,  // CHARBUF, FSPATH...: byte strings
    kInt64,   // INT8..INT64: signed integers
    kUint64,  // UINT8..UINT64: unsigned integers
    kDouble,  // DOUBLE
    kBool,    // BOOL: literals true/false
    kIpAddr,  // IPADDR: literals are addresses
    kIpNet,   // IPNET: literals are CIDR networks; an address matches when inside
    kPort,    // PORT: integers 0..65535
    kRelTime, // RELTIME: nanoseconds, unsigned
    kAbsTime, // ABSTIME: nanoseconds since the epoch, unsigned
    kBytes,   // BYTEBUF: raw bytes
    kDynamic, // DYNAMIC: the type of the value extracted (evt.rawarg.*), known only per event
};

// "string", "int64", "ipnet", ...
SINSP_FILTER_API std::string_view field_type_name(FieldType type);

// True for the integer, time, port and double types.
SINSP_FILTER_API bool is_numeric(FieldType type);

// The operators a type supports: the default for FieldInfo::operators.
SINSP_FILTER_API OperatorSet default_operators(FieldType type);

// How many values a field yields for one event, and what a check means then.
enum class Multiplicity : uint8_t {
    kSingle, // one value
    kAnyOf,  // several candidates (every ancestor, either endpoint): true if any one matches
    kList,   // a set of values: `in` needs all of them in the list, every other operator any
};

// Whether a field takes an argument, as `proc.aname[2]`, `evt.arg[0]` or `evt.arg.name`.
enum class ArgumentPolicy : uint8_t { kNone, kOptional, kRequired };

// What an argument may be.
enum class ArgumentKind : uint8_t {
    kAny,         // any text: proc.env[HOME], container.mount.dest[/var/run/docker.sock]
    kIndex,       // a non-negative decimal integer: proc.aname[2]
    kIndexOrName, // either; evt.arg[0], evt.arg.fd
};

// What the registry knows about one field.
struct FieldInfo {
    std::string name; // "proc.name"
    FieldType type = FieldType::kString;
    // The operators it takes; default_operators(type) unless narrowed.
    OperatorSet operators = default_operators(FieldType::kString);
    ArgumentPolicy argument = ArgumentPolicy::kNone;
    ArgumentKind argument_kind = ArgumentKind::kAny;
    // The argument may also follow the name after a dot: evt.arg.fd, thread.cgroup.cpuacct.
    bool dotted_argument = false;
    Multiplicity multiplicity = Multiplicity::kSingle;               // without an argument
    Multiplicity multiplicity_with_argument = Multiplicity::kSingle; // with one
    // The field is the event type (evt.type): its comparisons give a filter's event types.
    bool event_type = false;
    // Chosen by the registry and handed back to the Extractor: a table index, an enum...
    uint32_t id = 0;
    std::string description;
};

// Builds a FieldInfo with the type's default operators.
SINSP_FILTER_API FieldInfo make_field(std::string name, FieldType type, uint32_t id = 0,
                                      std::string description = {});

// A field as one check uses it: the field, its argument, and what the extractor needs.
struct SINSP_FILTER_API BoundField {
    uint32_t id = 0;
    std::string name; // the registry's name, without the argument: "evt.arg"
    FieldType type = FieldType::kString;
    Multiplicity multiplicity = Multiplicity::kSingle;
    bool event_type = false;
    std::optional<std::string> argument; // "2", "fd", "HOME"
    std::optional<uint64_t> index;       // the argument as a number, when it is one

    // "proc.aname[2]", "evt.arg.fd" is written "evt.arg[fd]".
    std::string to_string() const;
};

// What a registry found for a name as written in a filter.
struct FieldMatch {
    const FieldInfo* info = nullptr;
    // The argument written after a dot (evt.arg.fd gives "fd"), if the name had one.
    std::optional<std::string> dotted_argument;
};

// The field registry the checker consults. libsinsp implements it over its field tables; tests
// use FieldTable with a few fields.
class SINSP_FILTER_API FieldResolver {
public:
    virtual ~FieldResolver() = default;

    // The field written `name` (dotted: "proc.name", "evt.arg.fd"), or nothing if unknown.
    // The FieldInfo must stay valid while the resolver lives.
    virtual std::optional<FieldMatch> find(std::string_view name) const = 0;

    // Every field name, to suggest the nearest one for a misspelling.
    virtual std::vector<std::string_view> field_names() const = 0;

    // A chance to reject a literal compared with `field` by `op` (evt.type = opne: unknown event
    // type): returns the message, or nothing when the literal is fine. The default accepts all.
    virtual std::optional<std::string> check_literal(const BoundField& field, Operator op,
                                                     std::string_view literal) const;
};

// A FieldResolver over a fixed list of fields: exact names first, then the longest name that
// takes a dotted argument ("evt.arg.fd" is evt.arg with "fd").
class SINSP_FILTER_API FieldTable : public FieldResolver {
public:
    explicit FieldTable(std::vector<FieldInfo> fields);

    std::optional<FieldMatch> find(std::string_view name) const override;
    std::vector<std::string_view> field_names() const override;

    const std::vector<FieldInfo>& fields() const { return fields_; }

private:
    std::vector<FieldInfo> fields_;
};

// The candidate nearest to `name` by edit distance (insert, delete, replace, swap of neighbours),
// when it is close enough to be a likely misspelling; ties go to the earlier candidate.
SINSP_FILTER_API std::optional<std::string>
nearest_name(std::string_view name, const std::vector<std::string_view>& candidates);

// Edit distance with adjacent transpositions (optimal string alignment).
SINSP_FILTER_API size_t edit_distance(std::string_view a, std::string_view b);

} // namespace sinsp::filter
