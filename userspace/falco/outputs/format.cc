// format_alert_line: the text or JSON line of an alert (spec section 4.2).
#include "engine/json_text.h"
#include "outputs/outputs.h"

namespace falco {

std::string format_alert_line(const Alert& alert, const OutputsConfig& config) {
    using json::append_string;
    if (!config.json_output) {
        return alert.output;
    }
    std::string line = "{\"hostname\":";
    append_string(line, alert.hostname);
    if (config.json_include_output_property) {
        line += ",\"output\":";
        append_string(line, alert.output);
    }
    line += ",\"priority\":";
    append_string(line, priority_name(alert.priority));
    line += ",\"rule\":";
    append_string(line, alert.rule);
    line += ",\"source\":";
    append_string(line, alert.source);
    if (config.json_include_tags_property) {
        line += ",\"tags\":[";
        for (size_t i = 0; i < alert.tags.size(); ++i) {
            if (i > 0) {
                line += ',';
            }
            append_string(line, alert.tags[i]);
        }
        line += ']';
    }
    line += ",\"time\":";
    append_string(line, json::iso8601_utc(alert.time_ns));
    // As falco writes it: a space before the key and after the colon.
    line += ", \"output_fields\": ";
    line += alert.output_fields.empty() ? "{}" : alert.output_fields;
    line += '}';
    return line;
}

} // namespace falco
