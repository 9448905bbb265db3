// Macros in conditions: each bare identifier of a parsed condition is replaced by the parsed,
// fully expanded condition of the macro it names.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/rules_model.h"
#include "sinsp/filter/ast.h"

namespace falco {

// Why an expansion failed: the message ("Undefined macro 'x' used in filter.", "reference loop in
// macro 'x'") and the macro whose condition had the problem (nothing: the condition expanded).
struct ExpansionError {
    std::string message;
    std::optional<size_t> macro; // index into the macro list
};

class MacroTable {
public:
    // `parsed[i]` is macro i's condition, parsed after list substitution.
    MacroTable(const std::vector<MacroDef>& macros,
               std::vector<std::unique_ptr<sinsp::filter::ast::Expr>> parsed);
    ~MacroTable();

    // A copy of `expr` with every macro expanded. `visible_before`: only macros first defined
    // before this sequence number may be used (rules pass UINT64_MAX).
    std::unique_ptr<sinsp::filter::ast::Expr> expand(const sinsp::filter::ast::Expr& expr,
                                                     uint64_t visible_before,
                                                     std::optional<ExpansionError>& error);

    // Expands macro i and the macros it uses, so that their errors show and their uses count.
    void expand_macro(size_t i, std::optional<ExpansionError>& error) {
        nodes_ = 0;
        expanded(i, error);
    }

    // Macros used twice by the macro they are used by double at each level: a tree built by one
    // expansion may have this many nodes at most ("Condition is too large ...").
    static constexpr size_t kMaxNodes = 100000;

    bool used(size_t macro) const { return used_[macro]; }

private:
    std::unique_ptr<sinsp::filter::ast::Expr> copy(const sinsp::filter::ast::Expr& expr,
                                                   uint64_t visible_before,
                                                   std::optional<ExpansionError>& error);
    // Macro i's expanded condition, expanded once and cached.
    const sinsp::filter::ast::Expr* expanded(size_t i, std::optional<ExpansionError>& error);

    const std::vector<MacroDef>& macros_;
    std::map<std::string, size_t, std::less<>> index_;
    std::vector<std::unique_ptr<sinsp::filter::ast::Expr>> parsed_;
    std::vector<std::unique_ptr<sinsp::filter::ast::Expr>> expanded_;
    std::vector<bool> in_progress_;
    std::vector<bool> used_;
    size_t nodes_ = 0; // built by the current expand() or expand_macro()
};

} // namespace falco
