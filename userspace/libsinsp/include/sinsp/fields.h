// The field catalogue (evt.*, proc.*, fd.*, ...) as the filter language and the formatter see it,
// and the extractor that gives a field's values for the current event.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sinsp/api.h"
#include "sinsp/filter/extractor.h"
#include "sinsp/filter/field.h"

namespace sinsp {

class Event;
class Inspector;

// One class of fields, for --list: "evt", "proc", ...
struct FieldClassInfo {
    std::string name;
    std::string description;
    std::vector<const filter::FieldInfo*> fields;
};

// Every field libsinsp knows. One instance, built on first use.
class SINSP_API FieldCatalogue final : public filter::FieldResolver {
public:
    static const FieldCatalogue& instance();

    std::optional<filter::FieldMatch> find(std::string_view name) const override;
    std::vector<std::string_view> field_names() const override;
    // Rejects unknown event names compared with evt.type ("unknown event type X").
    std::optional<std::string> check_literal(const filter::BoundField& field, filter::Operator op,
                                             std::string_view literal) const override;

    const std::vector<FieldClassInfo>& classes() const { return classes_; }

    // Binds a field written as in a format ("proc.aname[2]", "evt.arg.fd"); nothing if unknown
    // or if its argument is missing or malformed (then `error` says why).
    std::optional<filter::BoundField>
    bind(std::string_view name, std::optional<std::string> argument, std::string* error) const;

private:
    FieldCatalogue();
    std::unique_ptr<filter::FieldTable> table_;
    std::vector<FieldClassInfo> classes_;
};

// Extracts field values for one inspector's current event. Not for concurrent use.
class SINSP_API FieldExtractor final : public filter::Extractor {
public:
    explicit FieldExtractor(const Inspector& inspector);
    ~FieldExtractor() override;

    // The event the next calls are about (must stay valid meanwhile).
    void bind(const Event& event);

    bool extract(const filter::BoundField& field, filter::ValueList& out) override;

    // The field's value as text, as sysdig prints it in formats; false when it has none (the
    // formatter then prints <NA>).
    bool render(const filter::BoundField& field, std::string& out);

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace sinsp
