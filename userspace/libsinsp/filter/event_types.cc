// Event type sets: finite or co-finite sets of names, closed under and/or/not.
#include "sinsp/filter/event_types.h"

#include <algorithm>
#include <iterator>

namespace sinsp::filter {

namespace {

std::vector<std::string> normalized(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

using Names = std::vector<std::string>;

Names set_union(const Names& a, const Names& b) {
    Names out;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

Names set_intersection(const Names& a, const Names& b) {
    Names out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

Names set_difference(const Names& a, const Names& b) {
    Names out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

} // namespace

EventTypeSet::EventTypeSet(bool complement, std::vector<std::string> names)
    : complement_(complement), names_(std::move(names)) {}

EventTypeSet EventTypeSet::only(std::vector<std::string> names) {
    return EventTypeSet(false, normalized(std::move(names)));
}

EventTypeSet EventTypeSet::all_except(std::vector<std::string> names) {
    return EventTypeSet(true, normalized(std::move(names)));
}

bool EventTypeSet::contains(std::string_view name) const {
    bool listed = std::binary_search(names_.begin(), names_.end(), name,
                                     [](std::string_view a, std::string_view b) { return a < b; });
    return listed != complement_;
}

EventTypeSet EventTypeSet::intersect(const EventTypeSet& o) const {
    if (!complement_ && !o.complement_) {
        return EventTypeSet(false, set_intersection(names_, o.names_));
    }
    if (complement_ && o.complement_) {
        return EventTypeSet(true, set_union(names_, o.names_));
    }
    const EventTypeSet& finite = complement_ ? o : *this;
    const EventTypeSet& cofinite = complement_ ? *this : o;
    return EventTypeSet(false, set_difference(finite.names_, cofinite.names_));
}

EventTypeSet EventTypeSet::unite(const EventTypeSet& o) const {
    // A ∪ B = ¬(¬A ∩ ¬B)
    return complement().intersect(o.complement()).complement();
}

std::vector<std::string> EventTypeSet::resolve(const std::vector<std::string>& universe) const {
    std::vector<std::string> out;
    for (const std::string& name : universe) {
        if (contains(name) && std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(name);
        }
    }
    return out;
}

std::string EventTypeSet::to_string() const {
    if (is_all()) {
        return "all";
    }
    std::string list = "{";
    for (size_t i = 0; i < names_.size(); ++i) {
        list += (i ? ", " : "") + names_[i];
    }
    list += "}";
    return complement_ ? "all except " + list : list;
}

} // namespace sinsp::filter
