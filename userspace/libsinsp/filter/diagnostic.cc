// Diagnostic formatting.
#include "sinsp/filter/diagnostic.h"

namespace sinsp::filter {

std::string Diagnostic::to_string(std::string_view source) const {
    std::string out(source);
    out += ':';
    out += std::to_string(position.line);
    out += ':';
    out += std::to_string(position.column);
    out += ": ";
    out += message;
    return out;
}

} // namespace sinsp::filter
