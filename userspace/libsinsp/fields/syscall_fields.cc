// syscall.*: the system call an event is about.
#include "fields/evt_fields_internal.h"

namespace sinsp::fields {

FieldClassDef syscall_fields() {
    return {"syscall",
            "the system call of system-call events",
            {field("syscall.type", filter::FieldType::kString,
                   "the system call's name (open...); not set for scheduler and other "
                   "non-system-call events",
                   evt::extract_text<evt::syscall_type_text>, evt::syscall_type_text)}};
}

} // namespace sinsp::fields
