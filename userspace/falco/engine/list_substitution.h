// Lists in conditions: a list name written where a value or list may stand is replaced, as
// text and before parsing, by the list's items ("proc.name in (shell_binaries, ps)").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rules_model.h"

namespace falco {

// The final items of every list: lists named among a list's items are replaced by their own
// items (one level) when first defined before that list's latest definition; items with a space
// are double-quoted unless quoted already.
class ListTable {
public:
    explicit ListTable(const std::vector<ListDef>& lists);

    // `text` with every list name replaced by its items. A name counts only when both
    // neighbours are the text's ends, blanks, '(', ')', ',' or '='. A name right after `in`,
    // `pmatch` or `intersects` becomes the parenthesised items. Marks the lists it used.
    std::string substitute(std::string_view text);

    // True when some substitute() call (or another list) used the list.
    bool used(const std::string& name) const;

private:
    std::map<std::string, std::vector<std::string>, std::less<>> items_;
    std::map<std::string, bool, std::less<>> used_;
};

} // namespace falco
