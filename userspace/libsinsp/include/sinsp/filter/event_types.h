// The event types a filter can match, so that an engine runs it only on those events.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sinsp/filter/api.h"

namespace sinsp::filter {

// A set of event type names (both directions: "open" is open-enter and open-exit), kept either
// as the names it holds or as the names it leaves out, so that "all" and "all but X" need no
// catalogue of event types.
class SINSP_FILTER_API EventTypeSet {
public:
    // Every event type.
    static EventTypeSet all() { return EventTypeSet(true, {}); }
    // Exactly these names.
    static EventTypeSet only(std::vector<std::string> names);
    // Every event type except these names.
    static EventTypeSet all_except(std::vector<std::string> names);

    bool is_all() const { return complement_ && names_.empty(); }
    bool is_empty() const { return !complement_ && names_.empty(); }
    // True when names() lists the types left out rather than the types held.
    bool is_complement() const { return complement_; }
    // Sorted, without duplicates.
    const std::vector<std::string>& names() const { return names_; }

    bool contains(std::string_view name) const;

    EventTypeSet intersect(const EventTypeSet& other) const;
    EventTypeSet unite(const EventTypeSet& other) const;
    EventTypeSet complement() const { return EventTypeSet(!complement_, names_); }

    // The members among `universe` (every event name the engine knows), in universe's order.
    std::vector<std::string> resolve(const std::vector<std::string>& universe) const;

    // "all", "{}", "{execve, open}", "all except {open}".
    std::string to_string() const;

    friend bool operator==(const EventTypeSet& a, const EventTypeSet& b) {
        return a.complement_ == b.complement_ && a.names_ == b.names_;
    }

private:
    EventTypeSet(bool complement, std::vector<std::string> names);

    bool complement_;
    std::vector<std::string> names_;
};

} // namespace sinsp::filter
