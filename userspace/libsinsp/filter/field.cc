// Field types, their operators, and the table-backed field registry.
#include "sinsp/filter/field.h"

#include <unordered_map>

namespace sinsp::filter {

std::string_view field_type_name(FieldType type) {
    switch (type) {
    case FieldType::kString:
        return "string";
    case FieldType::kInt64:
        return "int64";
    case FieldType::kUint64:
        return "uint64";
    case FieldType::kDouble:
        return "double";
    case FieldType::kBool:
        return "bool";
    case FieldType::kIpAddr:
        return "ipaddr";
    case FieldType::kIpNet:
        return "ipnet";
    case FieldType::kPort:
        return "port";
    case FieldType::kRelTime:
        return "reltime";
    case FieldType::kAbsTime:
        return "abstime";
    case FieldType::kBytes:
        return "bytes";
    case FieldType::kDynamic:
        return "dynamic";
    }
    return "?";
}

bool is_numeric(FieldType type) {
    switch (type) {
    case FieldType::kInt64:
    case FieldType::kUint64:
    case FieldType::kDouble:
    case FieldType::kPort:
    case FieldType::kRelTime:
    case FieldType::kAbsTime:
        return true;
    default:
        return false;
    }
}

OperatorSet default_operators(FieldType type) {
    using O = Operator;
    const OperatorSet equality = {O::kEq, O::kNe, O::kIn, O::kIntersects, O::kExists};
    const OperatorSet relational = {O::kLt, O::kLe, O::kGt, O::kGe};
    const OperatorSet text = {O::kContains, O::kStartsWith, O::kEndsWith};
    const OperatorSet string_only = {O::kIContains, O::kGlob, O::kIGlob, O::kPMatch};
    const OperatorSet binary = {O::kBContains, O::kBStartsWith};
    switch (type) {
    case FieldType::kString:
    case FieldType::kDynamic:
        return equality | relational | text | string_only;
    case FieldType::kBytes:
        return equality | text | binary;
    case FieldType::kBool:
    case FieldType::kIpAddr:
    case FieldType::kIpNet:
        return equality;
    default:
        return equality | relational;
    }
}

FieldInfo make_field(std::string name, FieldType type, uint32_t id, std::string description) {
    FieldInfo f;
    f.name = std::move(name);
    f.type = type;
    f.operators = default_operators(type);
    f.id = id;
    f.description = std::move(description);
    return f;
}

std::string BoundField::to_string() const {
    if (!argument) {
        return name;
    }
    return name + "[" + *argument + "]";
}

std::optional<std::string> FieldResolver::check_literal(const BoundField&, Operator,
                                                        std::string_view) const {
    return std::nullopt;
}

FieldTable::FieldTable(std::vector<FieldInfo> fields) : fields_(std::move(fields)) {}

std::optional<FieldMatch> FieldTable::find(std::string_view name) const {
    // Tables are a few hundred fields and lookups happen at compile time only.
    for (const FieldInfo& f : fields_) {
        if (f.name == name) {
            return FieldMatch{&f, std::nullopt};
        }
    }
    // The longest known prefix that takes its argument after a dot.
    for (size_t dot = name.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = name.rfind('.', dot - 1)) {
        std::string_view prefix = name.substr(0, dot);
        for (const FieldInfo& f : fields_) {
            if (f.dotted_argument && f.name == prefix) {
                return FieldMatch{&f, std::string(name.substr(dot + 1))};
            }
        }
    }
    return std::nullopt;
}

std::vector<std::string_view> FieldTable::field_names() const {
    std::vector<std::string_view> names;
    names.reserve(fields_.size());
    for (const FieldInfo& f : fields_) {
        names.emplace_back(f.name);
    }
    return names;
}

} // namespace sinsp::filter
