// The field classes, in the order --list shows them. A class file adds its function here.
#include "fields/catalogue_internal.h"

namespace sinsp::fields {

const std::vector<ClassFn> kFieldClasses = {
    evt_fields,   syscall_fields,   proc_fields, thread_fields, user_fields,
    group_fields, container_fields, fd_fields,   fs_fields,
};

} // namespace sinsp::fields
