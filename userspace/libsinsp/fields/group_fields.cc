// group.*: the group the thread runs as, from the capture's group list.
#include "fields/field_class.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("group.gid", T::kUint64, "group id the thread runs as",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          out.add(Value::uint64(t->gid));
                          return true;
                      }));
    f.push_back(field("group.name", T::kString, "name of the group, from the capture's group list",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const ThreadInfo* t = ctx.thread();
                          const GroupInfo* g =
                              t != nullptr ? ctx.inspector.find_group(t->gid) : nullptr;
                          if (g == nullptr) {
                              return false;
                          }
                          out.add(Value::string(g->name));
                          return true;
                      }));
    return f;
}

} // namespace

FieldClassDef group_fields() {
    return {"group", "the group the thread runs as", definitions()};
}

} // namespace sinsp::fields
