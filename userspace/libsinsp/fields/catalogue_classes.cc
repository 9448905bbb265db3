// The field classes, in the order --list shows them. A class file adds its function here.
#include "fields/catalogue_internal.h"

namespace sinsp::fields {

const std::vector<ClassFn> kFieldClasses = {};

} // namespace sinsp::fields
