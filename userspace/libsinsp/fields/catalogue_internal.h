// The catalogue's data, shared by the catalogue and the extractor. Internal to libsinsp.
#pragma once

#include <vector>

#include "fields/field_class.h"

namespace sinsp::fields {

using ClassFn = FieldClassDef (*)();

// The field classes in catalogue order (catalogue_classes.cc).
extern const std::vector<ClassFn> kFieldClasses;

struct ClassRange {
    std::string name;
    std::string description;
    size_t begin = 0, end = 0; // indices into fields
};

struct CatalogueData {
    std::vector<FieldDef> fields; // fields[i].info.id == i
    std::vector<ClassRange> classes;
};

// Built once, on first use.
const CatalogueData& catalogue_data();

} // namespace sinsp::fields
