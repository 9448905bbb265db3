#include "engine/exceptions_reader.h"

#include "engine/yaml_decode.h"

namespace falco {
namespace {

// Runs `read` for each exception mapping, adding the exception's location to any error.
template <typename Read>
void for_each_exception(const YAML::Node& node, const ItemOrigin& origin,
                        const std::string& file_name, Read read) {
    if (!node.IsDefined() || node.IsNull()) {
        return;
    }
    if (!node.IsSequence()) {
        fail_yaml("Rule exceptions must be a sequence");
    }
    for (const YAML::Node& item : node) {
        std::string name;
        try {
            if (!item.IsMap()) {
                fail_yaml("Rule exception must be a mapping");
            }
            name = *decode_scalar(item, "name", true, true);
            ItemOrigin here = origin;
            here.position = node_position(item, file_name);
            read(item, name, here);
        } catch (ItemError& e) {
            e.context.insert(e.context.begin(),
                             Location{"exception", name, node_position(item, file_name)});
            throw;
        }
    }
}

// `fields`: a sequence of strings (tuple form) or one string.
void read_fields(const YAML::Node& item, ExceptionDef& ex) {
    YAML::Node fields = item["fields"];
    if (fields.IsScalar()) {
        ex.fields_is_sequence = false;
        ex.fields = {fields.Scalar()};
        return;
    }
    if (!fields.IsSequence()) {
        fail_validate("Rule exception item must have fields property with a list of fields");
    }
    ex.fields_is_sequence = true;
    for (const YAML::Node& f : fields) {
        if (!f.IsScalar()) {
            fail_validate("Fields and comps must both be strings");
        }
        ex.fields.push_back(f.Scalar());
    }
}

void read_comps(const YAML::Node& item, ExceptionDef& ex) {
    YAML::Node comps = item["comps"];
    if (!comps.IsDefined() || comps.IsNull()) {
        ex.comps.clear(); // defaults are filled in when the condition is built
        return;
    }
    if (comps.IsScalar()) {
        ex.comps = {comps.Scalar()};
        return;
    }
    if (!comps.IsSequence()) {
        fail_validate("Fields and comps must both be strings");
    }
    for (const YAML::Node& c : comps) {
        if (!c.IsScalar()) {
            fail_validate("Fields and comps must both be strings");
        }
        ex.comps.push_back(c.Scalar());
    }
}

ExceptionValue read_value(const YAML::Node& v) {
    ExceptionValue value;
    if (v.IsScalar()) {
        value.items = {v.Scalar()};
        return value;
    }
    if (!v.IsSequence()) {
        fail_validate("Expected values array to contain a list of strings");
    }
    value.is_sequence = true;
    for (const YAML::Node& s : v) {
        if (!s.IsScalar()) {
            fail_validate("Expected values array to contain a list of strings");
        }
        value.items.push_back(s.Scalar());
    }
    return value;
}

// `values`: rows of tuples (tuple form) or scalars (single-field form).
void read_values(const YAML::Node& item, ExceptionDef& ex) {
    YAML::Node values = item["values"];
    if (!values.IsDefined() || values.IsNull()) {
        return;
    }
    if (!values.IsSequence()) {
        fail_validate("Expected values array to contain a list of strings");
    }
    for (const YAML::Node& row : values) {
        if (!ex.fields_is_sequence) {
            if (!row.IsScalar()) {
                fail_validate("Expected values array to contain a list of strings");
            }
            ex.single_values.push_back(row.Scalar());
            continue;
        }
        if (!row.IsSequence()) {
            fail_validate("Expected values array to contain a list of strings");
        }
        std::vector<ExceptionValue> tuple;
        for (const YAML::Node& v : row) {
            tuple.push_back(read_value(v));
        }
        ex.rows.push_back(std::move(tuple));
    }
}

} // namespace

std::vector<ExceptionDef> read_exceptions(const YAML::Node& node, const ItemOrigin& origin,
                                          const std::string& file_name) {
    std::vector<ExceptionDef> out;
    for_each_exception(node, origin, file_name,
                       [&](const YAML::Node& item, const std::string& name, const ItemOrigin& at) {
                           ExceptionDef ex;
                           ex.name = name;
                           ex.origin = at;
                           if (!item["fields"].IsDefined()) {
                               fail_yaml("Item has no mapping for key 'fields'");
                           }
                           read_fields(item, ex);
                           read_comps(item, ex);
                           read_values(item, ex);
                           out.push_back(std::move(ex));
                       });
    return out;
}

void append_exceptions(const YAML::Node& node, const ItemOrigin& origin,
                       const std::string& file_name, std::vector<ExceptionDef>& existing) {
    for_each_exception(
        node, origin, file_name,
        [&](const YAML::Node& item, const std::string& name, const ItemOrigin& at) {
            for (ExceptionDef& ex : existing) {
                if (ex.name != name) {
                    continue;
                }
                if (item["fields"].IsDefined()) {
                    fail_validate("Can not append exception fields to existing "
                                  "exception, only "
                                  "values");
                }
                if (item["comps"].IsDefined()) {
                    fail_validate("Can not append exception comps to existing "
                                  "exception, only "
                                  "values");
                }
                read_values(item, ex);
                return;
            }
            if (!item["fields"].IsDefined()) {
                fail_validate("Rule exception must have fields property with a list of fields");
            }
            if (!item["values"].IsDefined()) {
                fail_validate("Rule exception must have values property with a list of values");
            }
            ExceptionDef ex;
            ex.name = name;
            ex.origin = at;
            read_fields(item, ex);
            read_comps(item, ex);
            read_values(item, ex);
            existing.push_back(std::move(ex));
        });
}

} // namespace falco
