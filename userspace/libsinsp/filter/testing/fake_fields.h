// Test doubles: a field table with a sample of the spec's fields, and an event whose field
// values a test sets by hand. Used by the tests, the fuzzer and the benchmark.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sinsp/filter/extractor.h"
#include "sinsp/filter/field.h"

namespace sinsp::filter::testing {

// The event names the fake registry knows for evt.type.
const std::vector<std::string>& fake_event_names();

// A FieldTable with about forty fields of every type, argument form and multiplicity, whose
// check_literal rejects unknown event names compared with evt.type by =, !=, in or intersects
// ("unknown event type X").
class FakeFields final : public FieldTable {
public:
    FakeFields();
    std::optional<std::string> check_literal(const BoundField& field, Operator op,
                                             std::string_view literal) const override;
};

// One event: field values by their written form ("proc.name", "proc.aname[2]", "evt.arg[fd]");
// a field with no entry has no value.
class FakeEvent final : public Extractor {
public:
    FakeEvent& set(const std::string& field, const std::string& text);
    FakeEvent& set(const std::string& field, const Value& value);
    FakeEvent& set_texts(const std::string& field, std::vector<std::string> texts);
    FakeEvent& set_values(const std::string& field, std::vector<Value> values);
    // The field extracts successfully but yields no values.
    FakeEvent& set_empty(const std::string& field);

    bool extract(const BoundField& field, ValueList& out) override;

    // Every field asked for, in order (to see short circuits).
    std::vector<std::string> asked;

private:
    struct Entry {
        std::vector<std::string> texts;
        std::vector<Value> values;
    };
    std::map<std::string, Entry> entries_;
};

} // namespace sinsp::filter::testing
