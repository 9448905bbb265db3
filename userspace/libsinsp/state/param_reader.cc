#include "state/param_reader.h"

namespace sinsp::state {

std::vector<std::string> split_nul_list(std::string_view bytes) {
    std::vector<std::string> out;
    while (!bytes.empty()) {
        size_t nul = bytes.find('\0');
        out.emplace_back(bytes.substr(0, nul));
        if (nul == std::string_view::npos) {
            break;
        }
        bytes.remove_prefix(nul + 1);
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> split_key_values(std::string_view bytes) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& item : split_nul_list(bytes)) {
        size_t eq = item.find('=');
        if (eq == std::string::npos) {
            out.emplace_back(item, std::string());
        } else {
            out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        }
    }
    return out;
}

std::string_view base_name(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace sinsp::state
