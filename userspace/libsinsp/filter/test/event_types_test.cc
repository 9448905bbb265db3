// Event type sets: the set algebra, and the sets of filters (spec §3.4).
#include <gtest/gtest.h>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/testing/fake_fields.h"

namespace sinsp::filter {
namespace {

std::string types_of(std::string_view text) {
    testing::FakeFields fields;
    CompileResult r = compile(text, fields);
    if (!r.ok()) {
        return "error: " + r.errors[0].to_string();
    }
    return r.filter->event_types().to_string();
}

struct Case {
    const char* filter;
    const char* types;
};

const Case kCases[] = {
    {"evt.type=open and proc.name=cat", "{open}"},
    {"evt.type==open", "{open}"},
    {"not evt.type=open and proc.name=cat", "all except {open}"},
    {"evt.type != open", "all except {open}"},
    {"not evt.type != open", "{open}"},
    {"proc.name=cat", "all"},
    {"not proc.name=cat", "all"},
    {"evt.type in (open, execve) or evt.type=connect", "{connect, execve, open}"},
    {"evt.type in (open, execve) and evt.type in (execve, connect)", "{execve}"},
    {"evt.type = open and evt.type = execve", "{}"},
    {"evt.type = open or proc.name = cat", "all"},
    {"evt.type = open and not evt.type = open", "{}"},
    {"evt.type = open or not evt.type = open", "all"},
    {"not (evt.type = open or evt.type = execve)", "all except {execve, open}"},
    {"not (evt.type = open and proc.name = cat)", "all"},
    {"not (evt.type in (open, openat) and not evt.type = openat)", "all except {open}"},
    {"evt.type != open and evt.type != execve", "all except {execve, open}"},
    {"evt.type != open or evt.type != execve", "all"},
    {"(evt.type = open or evt.type = openat) and evt.dir = <", "{open, openat}"},
    {"evt.type in ()", "{}"},
    {"evt.type startswith open", "all"}, // only =, == and in name types
    {"evt.type exists", "all"},
    {"not evt.type exists", "all"},
    {"evt.type intersects (open)", "all"},
    {"evt.type = open and (proc.name = a or evt.type = execve)", "{open}"},
    {"not not evt.type = open", "{open}"},
};

TEST(EventTypes, OfFilters) {
    for (const Case& c : kCases) {
        EXPECT_EQ(types_of(c.filter), c.types) << c.filter;
    }
}

TEST(EventTypes, Algebra) {
    EventTypeSet open = EventTypeSet::only({"open", "open"});
    EventTypeSet exec_open = EventTypeSet::only({"execve", "open"});
    EventTypeSet not_open = EventTypeSet::all_except({"open"});
    EXPECT_EQ(open.names(), std::vector<std::string>{"open"});
    EXPECT_TRUE(EventTypeSet::all().is_all());
    EXPECT_TRUE(EventTypeSet::only({}).is_empty());
    EXPECT_TRUE(open.contains("open"));
    EXPECT_FALSE(open.contains("execve"));
    EXPECT_TRUE(not_open.contains("execve"));
    EXPECT_FALSE(not_open.contains("open"));
    EXPECT_EQ(exec_open.intersect(not_open), EventTypeSet::only({"execve"}));
    EXPECT_EQ(not_open.intersect(exec_open), EventTypeSet::only({"execve"}));
    EXPECT_EQ(exec_open.unite(not_open), EventTypeSet::all());
    EXPECT_EQ(not_open.unite(EventTypeSet::all_except({"execve"})), EventTypeSet::all());
    EXPECT_EQ(not_open.intersect(EventTypeSet::all_except({"execve"})),
              EventTypeSet::all_except({"execve", "open"}));
    EXPECT_EQ(open.complement(), not_open);
    EXPECT_EQ(not_open.resolve({"open", "execve", "connect", "execve"}),
              (std::vector<std::string>{"execve", "connect"}));
    EXPECT_EQ(exec_open.resolve({"open", "connect", "execve"}),
              (std::vector<std::string>{"open", "execve"}));
}

} // namespace
} // namespace sinsp::filter
