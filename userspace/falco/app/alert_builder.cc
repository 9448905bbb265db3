#include "app/alert_builder.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace falco {

std::string alert_hostname() {
    if (const char* env = std::getenv("FALCO_HOSTNAME"); env != nullptr && *env != '\0') {
        return env;
    }
    char name[HOST_NAME_MAX + 1] = {};
    if (::gethostname(name, sizeof name - 1) != 0) {
        return "";
    }
    return name;
}

Alert build_alert(const CompiledRule& rule, const sinsp::Event& event,
                  sinsp::FieldExtractor& extractor, const std::string& hostname, bool json) {
    Alert alert;
    alert.rule = rule.name;
    alert.priority = rule.priority;
    alert.source = rule.source;
    alert.tags = rule.tags;
    alert.time_ns = event.ts();
    alert.hostname = hostname;
    rule.formatter->format(extractor, alert.output);
    if (json) {
        rule.formatter->format_json(extractor, alert.output_fields, true);
    }
    return alert;
}

} // namespace falco
