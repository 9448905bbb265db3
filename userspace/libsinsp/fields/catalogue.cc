// The catalogue: every class's fields in one FieldTable, ids pointing back at their extractors.
#include <cstring>

#include "driver_api/event_table.h"
#include "fields/catalogue_internal.h"
#include "fields/field_class.h"
#include "sinsp/fields.h"

namespace sinsp {

namespace fields {

FieldDef field(std::string name, filter::FieldType type, std::string description, ExtractFn extract,
               RenderFn render) {
    FieldDef def;
    def.info = filter::make_field(std::move(name), type, 0, std::move(description));
    def.extract = extract;
    def.render = render;
    return def;
}

const CatalogueData& catalogue_data() {
    static const CatalogueData* data = [] {
        auto* out = new CatalogueData();
        for (ClassFn make : kFieldClasses) {
            FieldClassDef def = make();
            ClassRange range{def.name, def.description, out->fields.size(), 0};
            for (FieldDef& f : def.fields) {
                f.info.id = static_cast<uint32_t>(out->fields.size());
                out->fields.push_back(std::move(f));
            }
            range.end = out->fields.size();
            out->classes.push_back(std::move(range));
        }
        return out;
    }();
    return *data;
}

} // namespace fields

FieldCatalogue::FieldCatalogue() {
    const fields::CatalogueData& data = fields::catalogue_data();
    std::vector<filter::FieldInfo> infos;
    for (const fields::FieldDef& def : data.fields) {
        infos.push_back(def.info);
    }
    table_ = std::make_unique<filter::FieldTable>(std::move(infos));
    // Classes for --list, pointing at the table's copies (ids are table indices too).
    for (const fields::ClassRange& range : data.classes) {
        FieldClassInfo info{range.name, range.description, {}};
        for (size_t i = range.begin; i < range.end; i++) {
            info.fields.push_back(&table_->fields()[i]);
        }
        classes_.push_back(std::move(info));
    }
}

const FieldCatalogue& FieldCatalogue::instance() {
    static const FieldCatalogue* catalogue = new FieldCatalogue();
    return *catalogue;
}

std::optional<filter::FieldMatch> FieldCatalogue::find(std::string_view name) const {
    return table_->find(name);
}

std::vector<std::string_view> FieldCatalogue::field_names() const {
    return table_->field_names();
}

std::optional<std::string> FieldCatalogue::check_literal(const filter::BoundField& field,
                                                         filter::Operator op,
                                                         std::string_view literal) const {
    if (!field.event_type) {
        return std::nullopt;
    }
    // Only comparisons that name events must name known ones.
    if (op != filter::Operator::kEq && op != filter::Operator::kNe && op != filter::Operator::kIn &&
        op != filter::Operator::kIntersects) {
        return std::nullopt;
    }
    for (uint32_t code = 0; code < SCAP_EVENT_COUNT; code++) {
        const char* name = scap_event_table[code].name;
        if (name != nullptr && literal == name) {
            return std::nullopt;
        }
    }
    return "unknown event type " + std::string(literal);
}

std::optional<filter::BoundField> FieldCatalogue::bind(std::string_view name,
                                                       std::optional<std::string> argument,
                                                       std::string* error) const {
    auto match = table_->find(name);
    if (!match) {
        if (error != nullptr) {
            *error = "unknown field " + std::string(name);
        }
        return std::nullopt;
    }
    const filter::FieldInfo& info = *match->info;
    if (match->dotted_argument) {
        argument = match->dotted_argument;
    }
    if (argument && info.argument == filter::ArgumentPolicy::kNone) {
        if (error != nullptr) {
            *error = "field " + info.name + " does not take an argument";
        }
        return std::nullopt;
    }
    if (!argument && info.argument == filter::ArgumentPolicy::kRequired) {
        if (error != nullptr) {
            *error = "field " + info.name + " requires an argument";
        }
        return std::nullopt;
    }
    filter::BoundField bound;
    bound.id = info.id;
    bound.name = info.name;
    bound.type = info.type;
    bound.event_type = info.event_type;
    bound.multiplicity = argument ? info.multiplicity_with_argument : info.multiplicity;
    bound.argument = argument;
    if (argument && !argument->empty() &&
        argument->find_first_not_of("0123456789") == std::string::npos && argument->size() < 19) {
        bound.index = std::stoull(*argument);
    }
    if (argument && info.argument_kind == filter::ArgumentKind::kIndex && !bound.index) {
        if (error != nullptr) {
            *error = "field " + info.name + " takes a numeric index, not '" + *argument + "'";
        }
        return std::nullopt;
    }
    return bound;
}

} // namespace sinsp
