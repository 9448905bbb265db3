// Parameter access for Event.
#include <cstring>

#include "driver_api/param_width.h"
#include "sinsp/event.h"

namespace sinsp {

std::optional<uint64_t> ParamView::as_uint() const {
    // Old captures may record a parameter narrower than the schema says: read what is there.
    if (data == nullptr || (len != 1 && len != 2 && len != 4 && len != 8)) {
        return std::nullopt;
    }
    uint64_t v = 0;
    std::memcpy(&v, data, len); // little-endian host
    return v;
}

std::optional<int64_t> ParamView::as_int() const {
    auto u = as_uint();
    if (!u) {
        return std::nullopt;
    }
    if (info != nullptr && scap_param_is_signed(info->type) && len < 8) {
        unsigned shift = 64 - 8 * len;
        return static_cast<int64_t>(*u << shift) >> shift;
    }
    return static_cast<int64_t>(*u);
}

std::string_view ParamView::as_string() const {
    std::string_view s = bytes();
    size_t nul = s.find('\0');
    return nul == std::string_view::npos ? s : s.substr(0, nul);
}

ParamView Event::param(uint32_t index) const {
    ParamView view;
    const scap_event_info& ei = info();
    if (index < ei.nparams) {
        view.info = &ei.params[index];
    }
    scap_param p;
    if (index < raw_->nparams && scap_event_param(raw_, index, &p) == 0) {
        view.data = p.data;
        view.len = p.len;
    }
    return view;
}

std::optional<uint32_t> Event::param_index(std::string_view name) const {
    if (name.empty()) {
        return std::nullopt;
    }
    const scap_event_info& ei = info();
    // Compared without measuring the schema's names first: this runs for every state update.
    for (uint32_t i = 0; i < ei.nparams; i++) {
        const char* candidate = ei.params[i].name;
        if (candidate[0] == name[0] && std::strncmp(candidate, name.data(), name.size()) == 0 &&
            candidate[name.size()] == '\0') {
            return i;
        }
    }
    return std::nullopt;
}

ParamView Event::param(std::string_view name) const {
    auto index = param_index(name);
    return index ? param(*index) : ParamView{};
}

} // namespace sinsp
