// FieldExtractor: binds the current event and dispatches each field to its class's extractor.
#include <cinttypes>
#include <cstdio>

#include "fields/catalogue_internal.h"
#include "sinsp/fields.h"

namespace sinsp {

struct FieldExtractor::State {
    explicit State(const Inspector& in) : inspector(in) {}
    const Inspector& inspector;
    const Event* event = nullptr;
    std::string scratch;
    filter::ValueList values;
};

FieldExtractor::FieldExtractor(const Inspector& inspector)
    : state_(std::make_unique<State>(inspector)) {}

FieldExtractor::~FieldExtractor() = default;

void FieldExtractor::bind(const Event& event) {
    state_->event = &event;
}

bool FieldExtractor::extract(const filter::BoundField& field, filter::ValueList& out) {
    const auto& defs = fields::catalogue_data().fields;
    if (field.id >= defs.size() || state_->event == nullptr) {
        return false;
    }
    fields::Context ctx{state_->inspector, *state_->event, state_->scratch};
    return defs[field.id].extract(ctx, field, out);
}

namespace {

// A value as formats print it when its class has no renderer of its own.
void append_value(const filter::Value& v, std::string& out) {
    char buf[64];
    switch (v.kind()) {
    case filter::Value::Kind::kString:
    case filter::Value::Kind::kBytes:
        out += v.text();
        return;
    case filter::Value::Kind::kInt64:
        std::snprintf(buf, sizeof(buf), "%" PRId64, v.int64());
        break;
    case filter::Value::Kind::kUint64:
        std::snprintf(buf, sizeof(buf), "%" PRIu64, v.uint64());
        break;
    case filter::Value::Kind::kDouble:
        std::snprintf(buf, sizeof(buf), "%.2f", v.real());
        break;
    case filter::Value::Kind::kBool:
        out += v.boolean() ? "true" : "false";
        return;
    case filter::Value::Kind::kIpAddr:
        out += v.ip().to_string();
        return;
    }
    out += buf;
}

} // namespace

bool FieldExtractor::render(const filter::BoundField& field, std::string& out) {
    const auto& defs = fields::catalogue_data().fields;
    if (field.id >= defs.size() || state_->event == nullptr) {
        return false;
    }
    const fields::FieldDef& def = defs[field.id];
    fields::Context ctx{state_->inspector, *state_->event, state_->scratch};
    if (def.render != nullptr) {
        return def.render(ctx, field, out);
    }
    filter::ValueList& values = state_->values;
    values.clear();
    if (!def.extract(ctx, field, values) || values.empty()) {
        return false;
    }
    // Several values (an ancestor list without index): the first, as sysdig prints.
    append_value(values[0], out);
    return true;
}

} // namespace sinsp
