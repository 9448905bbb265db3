// One parameter value of any schema type as text, the core of param_render. Internal to libsinsp.
#pragma once

#include <string_view>

#include "event/param_render.h"

namespace sinsp::render {

// Renders `bytes`, a value of type `info.type` printed per `info.format`, from event `evt`
// (whose thread, fds and other parameters resolve fds, pids and relative paths).
void render_value(const Inspector& in, const Event& evt, const scap_param_info& info,
                  std::string_view bytes, ParamText& out);

} // namespace sinsp::render
