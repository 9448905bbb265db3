// Output formats: "%evt.num %proc.name (%thread.tid)" rendered per event, as text or as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sinsp/api.h"
#include "sinsp/fields.h"
#include "sinsp/filter/field.h"

namespace sinsp {

// sysdig's default line: number, time, cpu, process, thread, direction, type and arguments.
SINSP_API extern const char* const kDefaultFormat;

class SINSP_API Formatter {
public:
    // Compiles `format`: text with %field tokens (%proc.name, %evt.arg.fd, %proc.aname[2]), an
    // optional pad width after the % (%20proc.name), and a leading '*' meaning "print the event
    // even when some field has no value". Throws sinsp::Error for an unknown field ("invalid
    // formatting token X" where X is the rest of the format from the token on) or a trailing %.
    explicit Formatter(std::string_view format,
                       const FieldCatalogue& catalogue = FieldCatalogue::instance());

    // Appends the event's line to `out` (no newline). Returns false, leaving `out` as it was,
    // when the format has no '*' and a field has no value: the event is then not printed.
    bool format(FieldExtractor& extractor, std::string& out) const;

    // Appends the fields as one JSON object (keys sorted, numbers as numbers, no value as null).
    // With `raw_times`, the time-of-day fields (evt.time, evt.time.s, evt.time.iso8601,
    // evt.datetime, evt.datetime.s) are the event's ns since the epoch, as Falco's
    // output_fields write them.
    bool format_json(FieldExtractor& extractor, std::string& out, bool raw_times = false) const;

    // The fields the format uses, in order.
    std::vector<filter::BoundField> fields() const;

private:
    struct Segment {
        std::string text; // literal text before the field (or the whole tail)
        bool has_field = false;
        filter::BoundField field; // when has_field
        std::string key;          // the field as written, for JSON
        unsigned pad = 0;
        bool time_text = false; // a time-of-day field (format_json's raw_times)
    };
    std::vector<Segment> segments_;
    filter::BoundField rawtime_; // evt.rawtime, for raw_times
    bool print_all_ = false;
};

} // namespace sinsp
