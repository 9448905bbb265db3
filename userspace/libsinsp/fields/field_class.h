// How a class of fields (evt, proc, fd, ...) plugs into the catalogue: each class file lists its
// fields with the functions that extract them. Internal to libsinsp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sinsp/event.h"
#include "sinsp/filter/field.h"
#include "sinsp/filter/value.h"
#include "sinsp/inspector.h"
#include "sinsp/thread_info.h"

namespace sinsp::fields {

// What an extraction may look at: the inspector's state and the current event.
struct Context {
    const Inspector& inspector;
    const Event& event;
    // Scratch text an extractor may build a value in; values pointing into it stay valid until the
    // next extraction (use ValueList::add_string_copy for more than one such value).
    std::string& scratch;

    ThreadInfo* thread() const { return event.thread(); }
    FdInfo* fd() const { return event.fd(); }
};

// Appends the field's values for ctx.event to `out`; false when it has none.
using ExtractFn = bool (*)(Context& ctx, const filter::BoundField& field, filter::ValueList& out);

// Writes the field as formats print it; false when it has none. Optional: without it the
// formatter prints the extracted values (see render_values in catalogue.cc).
using RenderFn = bool (*)(Context& ctx, const filter::BoundField& field, std::string& out);

struct FieldDef {
    filter::FieldInfo info; // info.id is assigned by the catalogue
    ExtractFn extract = nullptr;
    RenderFn render = nullptr;
};

struct FieldClassDef {
    std::string name;        // "evt"
    std::string description; // one line for --list
    std::vector<FieldDef> fields;
};

// Extractor helpers: add one value to `out` and report that the field has a value.
inline bool add_text(filter::ValueList& out, std::string_view s) {
    out.add(filter::Value::string(s));
    return true;
}
inline bool add_int(filter::ValueList& out, int64_t v) {
    out.add(filter::Value::int64(v));
    return true;
}
inline bool add_uint(filter::ValueList& out, uint64_t v) {
    out.add(filter::Value::uint64(v));
    return true;
}
inline bool add_bool(filter::ValueList& out, bool v) {
    out.add(filter::Value::boolean(v));
    return true;
}

// Opens an extractor body that needs the event's thread: declares `t`, or reports no value.
#define THREAD_OR_NA                                                                               \
    const ThreadInfo* t = ctx.thread();                                                            \
    if (t == nullptr) {                                                                            \
        return false;                                                                              \
    }

// Shorthand for a field definition with the type's default operators.
FieldDef field(std::string name, filter::FieldType type, std::string description, ExtractFn extract,
               RenderFn render = nullptr);

// The classes, one file each.
FieldClassDef evt_fields();
FieldClassDef syscall_fields();
FieldClassDef proc_fields();
FieldClassDef thread_fields();
FieldClassDef user_fields();
FieldClassDef group_fields();
FieldClassDef fd_fields();
FieldClassDef fs_fields();
FieldClassDef container_fields();

} // namespace sinsp::fields
