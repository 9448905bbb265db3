// "did you mean ...?": the nearest known name by edit distance.
#include <algorithm>
#include <vector>

#include "sinsp/filter/field.h"

namespace sinsp::filter {

size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment over three rolling rows.
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) {
        previous[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> nearest_name(std::string_view name,
                                        const std::vector<std::string_view>& candidates) {
    // A misspelling is a few edits away; a quarter of the name, between 2 and 4.
    const size_t limit = std::clamp<size_t>(name.size() / 4, 2, 4);
    // Names far longer or shorter than the limit cannot be close; skip them cheaply, which
    // also bounds the work on hostile input.
    // Ties go to the longer common prefix ("fd.nam" is nearer "fd.name" than "fd.num"), then
    // to the earlier candidate.
    auto common_prefix = [&](std::string_view c) {
        size_t n = 0;
        while (n < c.size() && n < name.size() && c[n] == name[n]) {
            ++n;
        }
        return n;
    };
    std::optional<std::string_view> best;
    size_t best_distance = limit;
    size_t best_prefix = 0;
    for (std::string_view candidate : candidates) {
        size_t longer = std::max(candidate.size(), name.size());
        size_t shorter = std::min(candidate.size(), name.size());
        if (longer - shorter > best_distance) {
            continue;
        }
        size_t d = edit_distance(name, candidate);
        size_t prefix = common_prefix(candidate);
        if (d > best_distance || (d == best_distance && best && prefix <= best_prefix)) {
            continue;
        }
        best_distance = d;
        best_prefix = prefix;
        best = candidate;
    }
    if (!best || best_distance == 0) {
        return std::nullopt;
    }
    return std::string(*best);
}

} // namespace sinsp::filter
