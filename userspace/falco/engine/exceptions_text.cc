#include "engine/exceptions_text.h"

#include "engine/yaml_decode.h"
#include "sinsp/filter/operators.h"

namespace falco {
namespace {

using sinsp::filter::Operator;

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += separator;
        }
        out += parts[i];
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::vector<std::string> quoted;
    for (const std::string& item : items) {
        quoted.push_back(quote_value(item));
    }
    return "(" + join(quoted, ", ") + ")";
}

Operator checked_operator(const std::string& comp) {
    std::optional<Operator> op = sinsp::filter::operator_from_name(comp);
    if (!op || *op == Operator::kExists) {
        fail_validate("'" + comp + "' is not a supported comparison operator");
    }
    return *op;
}

void check_field(const std::string& field, const sinsp::filter::FieldResolver& fields) {
    std::string name = field.substr(0, field.find('['));
    if (!fields.find(name)) {
        fail_validate("'" + field + "' is not a supported filter field");
    }
}

std::string tuple_condition(const ExceptionDef& ex, const sinsp::filter::FieldResolver& fields) {
    std::vector<std::string> comps = ex.comps;
    if (comps.empty()) {
        comps.assign(ex.fields.size(), "=");
    }
    if (comps.size() != ex.fields.size()) {
        fail_validate("Fields and comps lists must have equal length");
    }
    std::vector<Operator> ops;
    for (size_t i = 0; i < ex.fields.size(); ++i) {
        check_field(ex.fields[i], fields);
        ops.push_back(checked_operator(comps[i]));
    }
    std::vector<std::string> rows;
    for (const std::vector<ExceptionValue>& row : ex.rows) {
        if (row.size() != ex.fields.size()) {
            fail_validate("Fields and values lists must have equal length");
        }
        std::vector<std::string> terms;
        for (size_t i = 0; i < row.size(); ++i) {
            std::string value;
            if (row[i].is_sequence) {
                value = quoted_list(row[i].items);
            } else if (sinsp::filter::takes_list(ops[i])) {
                value = "(" + quote_value(row[i].items[0]) + ")";
            } else {
                value = quote_value(row[i].items[0]);
            }
            terms.push_back(ex.fields[i] + " " + comps[i] + " " + value);
        }
        rows.push_back("(" + join(terms, " and ") + ")");
    }
    return rows.empty() ? "" : " and not (" + join(rows, " or ") + ")";
}

std::string single_condition(const ExceptionDef& ex, const sinsp::filter::FieldResolver& fields) {
    std::string comp = ex.comps.empty() ? "in" : ex.comps[0];
    if (ex.comps.size() > 1) {
        fail_validate("Fields and comps lists must have equal length");
    }
    Operator op = checked_operator(comp);
    if (!sinsp::filter::takes_list(op)) {
        fail_validate("When fields is a single value, comps must be one of (in, pmatch, "
                      "intersects)");
    }
    check_field(ex.fields[0], fields);
    if (ex.single_values.empty()) {
        return "";
    }
    return " and not (" + ex.fields[0] + " " + comp + " " + quoted_list(ex.single_values) + ")";
}

} // namespace

std::string quote_value(const std::string& value) {
    bool quoted = !value.empty() && (value[0] == '"' || value[0] == '\'');
    if (quoted || value.find(' ') == std::string::npos) {
        return value;
    }
    return "\"" + value + "\"";
}

std::string exception_condition(const ExceptionDef& ex,
                                const sinsp::filter::FieldResolver& fields) {
    return ex.fields_is_sequence ? tuple_condition(ex, fields) : single_condition(ex, fields);
}

} // namespace falco
