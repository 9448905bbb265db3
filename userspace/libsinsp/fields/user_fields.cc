// user.*: the user the thread runs as, and its audit login user, from the capture's user list.
#include <string_view>

#include "fields/field_class.h"

namespace sinsp::fields {

namespace {

using filter::BoundField;
using filter::FieldType;
using filter::Value;
using filter::ValueList;

// The user-list entry of the thread's uid, or nullptr (no thread, or a uid the list lacks).
const UserInfo* thread_user(const Context& ctx) {
    const ThreadInfo* t = ctx.thread();
    return t != nullptr ? ctx.inspector.find_user(t->uid) : nullptr;
}

std::vector<FieldDef> definitions() {
    using T = FieldType;
    std::vector<FieldDef> f;
    f.push_back(field("user.uid", T::kUint64, "user id the thread runs as",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          out.add(Value::uint64(t->uid));
                          return true;
                      }));
    f.push_back(field("user.name", T::kString, "name of the user, from the capture's user list",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const UserInfo* u = thread_user(ctx);
                          return u != nullptr && add_text(out, u->name);
                      }));
    f.push_back(field("user.homedir", T::kString, "home directory of the user",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const UserInfo* u = thread_user(ctx);
                          return u != nullptr && add_text(out, u->homedir);
                      }));
    f.push_back(field("user.shell", T::kString, "login shell of the user",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const UserInfo* u = thread_user(ctx);
                          return u != nullptr && add_text(out, u->shell);
                      }));
    f.push_back(field("user.loginuid", T::kInt64, "audit login user id (auid), -1 when unset",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          THREAD_OR_NA
                          out.add(Value::int64(static_cast<int32_t>(t->loginuid)));
                          return true;
                      }));
    f.push_back(field("user.loginname", T::kString, "name of the audit login user",
                      [](Context& ctx, const BoundField&, ValueList& out) {
                          const ThreadInfo* t = ctx.thread();
                          const UserInfo* u =
                              t != nullptr ? ctx.inspector.find_user(t->loginuid) : nullptr;
                          return u != nullptr && add_text(out, u->name);
                      }));
    return f;
}

} // namespace

FieldClassDef user_fields() {
    return {"user", "the user the thread runs as", definitions()};
}

} // namespace sinsp::fields
