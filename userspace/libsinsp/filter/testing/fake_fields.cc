// Test doubles: the fake field table and the hand-filled event.
#include "userspace/libsinsp/filter/testing/fake_fields.h"

#include <algorithm>

namespace sinsp::filter::testing {

namespace {

FieldInfo field(const char* name, FieldType type) {
    return make_field(name, type);
}

FieldInfo with_argument(FieldInfo f, ArgumentPolicy policy, ArgumentKind kind, bool dotted) {
    f.argument = policy;
    f.argument_kind = kind;
    f.dotted_argument = dotted;
    return f;
}

// proc.aname and friends: an index picks one ancestor; without one, any ancestor may match.
FieldInfo ancestors(const char* name, FieldType type) {
    FieldInfo f =
        with_argument(field(name, type), ArgumentPolicy::kOptional, ArgumentKind::kIndex, false);
    f.multiplicity = Multiplicity::kAnyOf;
    return f;
}

// fd.ip, fd.port, fd.net: either endpoint; filters only, so no ordering.
FieldInfo either_endpoint(const char* name, FieldType type) {
    FieldInfo f = field(name, type);
    f.multiplicity = Multiplicity::kAnyOf;
    return f;
}

std::vector<FieldInfo> catalogue() {
    using T = FieldType;
    using P = ArgumentPolicy;
    using K = ArgumentKind;
    FieldInfo type = field("evt.type", T::kString);
    type.event_type = true;
    FieldInfo list = field("fake.list", T::kString);
    list.multiplicity = Multiplicity::kList;
    FieldInfo restricted = field("fake.eqonly", T::kString);
    restricted.operators = {Operator::kEq, Operator::kNe, Operator::kExists};
    std::vector<FieldInfo> fields = {
        type,
        field("evt.num", T::kUint64),
        field("evt.dir", T::kString),
        field("evt.rawres", T::kInt64),
        field("evt.res", T::kString),
        field("evt.failed", T::kBool),
        field("evt.latency", T::kRelTime),
        field("evt.rawtime", T::kAbsTime),
        field("evt.buffer", T::kBytes),
        field("evt.buflen", T::kUint64),
        with_argument(field("evt.arg", T::kString), P::kRequired, K::kIndexOrName, true),
        with_argument(field("evt.rawarg", T::kDynamic), P::kRequired, K::kAny, true),
        with_argument(field("evt.type.is", T::kUint64), P::kRequired, K::kAny, true),
        field("proc.name", T::kString),
        field("proc.pid", T::kInt64),
        field("proc.ppid", T::kInt64),
        field("proc.pname", T::kString),
        field("proc.cmdline", T::kString),
        field("proc.args", T::kString),
        field("proc.exepath", T::kString),
        field("proc.tty", T::kInt64),
        field("proc.fdusage", T::kDouble),
        with_argument(field("proc.env", T::kString), P::kOptional, K::kAny, false),
        ancestors("proc.aname", T::kString),
        ancestors("proc.apid", T::kInt64),
        field("user.name", T::kString),
        field("user.uid", T::kUint64),
        field("fd.num", T::kInt64),
        field("fd.name", T::kString),
        field("fd.directory", T::kString),
        field("fd.filename", T::kString),
        field("fd.typechar", T::kString),
        field("fd.sip", T::kIpAddr),
        field("fd.cip", T::kIpAddr),
        either_endpoint("fd.ip", T::kIpAddr),
        field("fd.sport", T::kPort),
        either_endpoint("fd.port", T::kPort),
        field("fd.snet", T::kIpNet),
        either_endpoint("fd.net", T::kIpNet),
        field("container.id", T::kString),
        with_argument(field("container.mount.dest", T::kString), P::kOptional, K::kAny, false),
        with_argument(field("thread.cgroup", T::kString), P::kOptional, K::kAny, true),
        list,
        restricted,
    };
    for (size_t i = 0; i < fields.size(); ++i) {
        fields[i].id = static_cast<uint32_t>(i);
    }
    return fields;
}

} // namespace

const std::vector<std::string>& fake_event_names() {
    static const std::vector<std::string> names = {
        "open",    "openat",   "openat2", "creat",    "execve", "execveat", "connect",  "accept",
        "accept4", "read",     "write",   "close",    "clone",  "clone3",   "fork",     "vfork",
        "unlink",  "unlinkat", "rename",  "renameat", "mkdir",  "sendto",   "recvfrom", "container",
    };
    return names;
}

FakeFields::FakeFields() : FieldTable(catalogue()) {}

std::optional<std::string> FakeFields::check_literal(const BoundField& field, Operator op,
                                                     std::string_view literal) const {
    bool names_types = op == Operator::kEq || op == Operator::kNe || op == Operator::kIn ||
                       op == Operator::kIntersects;
    if (!field.event_type || !names_types) {
        return std::nullopt;
    }
    const auto& names = fake_event_names();
    if (std::find(names.begin(), names.end(), literal) == names.end()) {
        return "unknown event type " + std::string(literal);
    }
    return std::nullopt;
}

FakeEvent& FakeEvent::set(const std::string& field, const std::string& text) {
    return set_texts(field, {text});
}

FakeEvent& FakeEvent::set(const std::string& field, const Value& value) {
    return set_values(field, {value});
}

FakeEvent& FakeEvent::set_texts(const std::string& field, std::vector<std::string> texts) {
    Entry& e = entries_[field];
    e.texts = std::move(texts);
    e.values.clear();
    return *this;
}

FakeEvent& FakeEvent::set_values(const std::string& field, std::vector<Value> values) {
    Entry& e = entries_[field];
    e.texts.clear();
    e.values = std::move(values);
    return *this;
}

FakeEvent& FakeEvent::set_empty(const std::string& field) {
    entries_[field] = Entry{};
    return *this;
}

bool FakeEvent::extract(const BoundField& field, ValueList& out) {
    std::string key = field.to_string();
    asked.push_back(key);
    auto it = entries_.find(key);
    if (it == entries_.end()) {
        return false;
    }
    for (const std::string& t : it->second.texts) {
        out.add(field.type == FieldType::kBytes ? Value::bytes(t) : Value::string(t));
    }
    for (const Value& v : it->second.values) {
        out.add(v);
    }
    return true;
}

} // namespace sinsp::filter::testing
