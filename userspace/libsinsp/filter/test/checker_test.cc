// The checker: fields, arguments, operators and literals against the fake registry, with every
// message and its position.
#include <gtest/gtest.h>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/testing/fake_fields.h"

namespace sinsp::filter {
namespace {

std::string errors_of(std::string_view input) {
    testing::FakeFields fields;
    CompileResult r = compile(input, fields);
    std::string out;
    for (const Diagnostic& d : r.errors) {
        out += (out.empty() ? "" : "\n") + d.to_string();
    }
    if (r.ok() != r.errors.empty()) {
        out += "\n(ok() disagrees with the errors)";
    }
    return out;
}

struct Case {
    const char* input;
    const char* errors; // "" when the filter is fine
};

const Case kCases[] = {
    // Fine.
    {"evt.type=open and proc.name=cat and fd.name contains /etc", ""},
    {"proc.pid > 10 and evt.rawres < -1 and proc.fdusage >= 0.5", ""},
    {"fd.sport in (80, 443) and fd.port = 0x50", ""},
    {"evt.failed = true and evt.failed != false", ""},
    {"fd.sip = 127.0.0.1 or fd.cip = ::1 or fd.ip in (10.0.0.1, fe80::1)", ""},
    {"fd.net = 10.0.0.0/8 or fd.snet in (\"127.0.0.1/24\", 192.168.0.0/16, fd00::/8)", ""},
    {"fd.net = 10.1.2.3", ""},
    {"evt.buffer contains ELF and evt.buffer bcontains 7F454c46", ""},
    {"evt.arg.fd = 3 and evt.arg[0] = 3 and evt.rawarg.res < 0 and evt.rawarg.name = x", ""},
    {"proc.aname = bash and proc.aname[1] = sh and proc.apid[0] > 1", ""},
    {"proc.env exists and proc.env[HOME] = /root", ""},
    {"thread.cgroup.cpuacct = / and thread.cgroup[memory] = /", ""},
    {"evt.latency > 1000000 and evt.rawtime >= 0", ""},
    {"fake.eqonly = x", ""},
    {"evt.type in (open, openat) and evt.type != execve", ""},
    {"fd.name glob '/etc/*' and fd.name iglob '/ETC/*' and fd.name pmatch (/etc)", ""},
    // Unknown fields, with and without a suggestion.
    {"proc.nmae = cat", "filter:1:1: unknown field 'proc.nmae'; did you mean 'proc.name'?"},
    {"evt.type=open and porc.name=cat",
     "filter:1:19: unknown field 'porc.name'; did you mean 'proc.name'?"},
    {"fd.sprot = 80", "filter:1:1: unknown field 'fd.sprot'; did you mean 'fd.sport'?"},
    {"nothing.like.this = 1", "filter:1:1: unknown field 'nothing.like.this'"},
    // Identifiers left by the rules loader.
    {"spawned_process", "filter:1:1: filter error: unexpected identifier 'spawned_process'"},
    {"proc.name in shell_binaries",
     "filter:1:14: filter error: unexpected identifier 'shell_binaries'"},
    // Arguments.
    {"proc.name[1] = x", "filter:1:11: field 'proc.name' does not take an argument"},
    {"evt.arg = x", "filter:1:1: field 'evt.arg' requires an argument"},
    {"proc.aname[x] = bash",
     "filter:1:12: field 'proc.aname' takes a numeric index argument, found 'x'"},
    {"proc.aname[-1] = bash",
     "filter:1:12: field 'proc.aname' takes a numeric index argument, found '-1'"},
    {"evt.arg.fd[0] = 1",
     "filter:1:12: field 'evt.arg' takes one argument, found both .fd and [0]"},
    // Operators the type does not take.
    {"proc.pid contains 1", "filter:1:10: 'contains' not supported for numeric filters"},
    {"proc.pid glob 1*", "filter:1:10: 'glob' not supported for numeric filters"},
    {"fd.sport startswith 8", "filter:1:10: 'startswith' not supported for numeric filters"},
    {"proc.name bcontains 41", "filter:1:11: 'bcontains' not supported for string filters"},
    {"proc.name bstartswith 41", "filter:1:11: 'bstartswith' not supported for string filters"},
    {"evt.failed > 0", "filter:1:12: '>' not supported for boolean filters"},
    {"fd.sip contains 127", "filter:1:8: 'contains' not supported for IP address filters"},
    {"fd.net startswith 10", "filter:1:8: 'startswith' not supported for IP network filters"},
    {"evt.buffer icontains x", "filter:1:12: 'icontains' not supported for buffer filters"},
    {"evt.buffer glob x", "filter:1:12: 'glob' not supported for buffer filters"},
    {"evt.buffer < 1", "filter:1:12: '<' not supported for buffer filters"},
    {"evt.buffer pmatch (/x)", "filter:1:12: 'pmatch' not supported for buffer filters"},
    {"fake.eqonly contains x", "filter:1:13: 'contains' not supported by field 'fake.eqonly'"},
    // Literals that do not fit the type.
    {"proc.pid = abc", "filter:1:12: expected a number value for 'proc.pid', found 'abc'"},
    {"proc.pid in (1, x)", "filter:1:17: expected a number value for 'proc.pid', found 'x'"},
    {"proc.pid = 1.5", "filter:1:12: expected an integer value for 'proc.pid', found '1.5'"},
    {"evt.num = -1", "filter:1:11: expected a non-negative integer for 'evt.num', found '-1'"},
    {"proc.pid = 9223372036854775808",
     "filter:1:12: expected a number in the int64 range for 'proc.pid', found "
     "'9223372036854775808'"},
    {"evt.num = 18446744073709551616",
     "filter:1:11: expected a number value for 'evt.num', found '18446744073709551616'"},
    {"fd.sport = 65536",
     "filter:1:12: expected a port number (0-65535) for 'fd.sport', found '65536'"},
    {"evt.failed = yes", "filter:1:14: expected true or false for 'evt.failed', found 'yes'"},
    {"evt.failed = TRUE", "filter:1:14: expected true or false for 'evt.failed', found 'TRUE'"},
    {"fd.sip = 1.2.3", "filter:1:10: expected an IP address for 'fd.sip', found '1.2.3'"},
    {"fd.sip = 10.0.0.0/8", "filter:1:10: expected an IP address for 'fd.sip', found '10.0.0.0/8'"},
    {"fd.net = 10.0.0.0/33",
     "filter:1:10: expected an IP network (10.0.0.0/8) or address for 'fd.net', found "
     "'10.0.0.0/33'"},
    {"evt.buffer bcontains xyz",
     "filter:1:22: filter error: bcontains and bstartswith operator support hex strings only"},
    {"evt.buffer bstartswith 123",
     "filter:1:24: filter error: bcontains and bstartswith operator support hex strings only"},
    {"evt.arg[0] exists and proc.aname[2] = x and evt.type = opne",
     "filter:1:56: unknown event type opne"},
    {"evt.type in (open, my_list)", "filter:1:20: unknown event type my_list"},
    {"evt.type != opne", "filter:1:13: unknown event type opne"},
    {"evt.type startswith op or evt.type contains pen", ""},
    // Every error, in text order.
    {"proc.nmae = x or proc.pid = y or (evt.failed = 1 and not macro)",
     "filter:1:1: unknown field 'proc.nmae'; did you mean 'proc.name'?\n"
     "filter:1:29: expected a number value for 'proc.pid', found 'y'\n"
     "filter:1:48: expected true or false for 'evt.failed', found '1'\n"
     "filter:1:58: filter error: unexpected identifier 'macro'"},
    // A syntax error comes alone.
    {"proc.nmae = x or", "filter:1:17: expected a '(' token, a field check, or an identifier, "
                         "found end of input"},
};

TEST(Checker, Messages) {
    for (const Case& c : kCases) {
        EXPECT_EQ(errors_of(c.input), c.errors) << "input: " << c.input;
    }
}

TEST(Checker, CheckReportsWithoutCompiling) {
    testing::FakeFields fields;
    ParseResult r = parse("proc.pid = x and fd.nam = y");
    ASSERT_TRUE(r.ok());
    std::vector<Diagnostic> errors = check(*r.expr, fields);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[1].to_string(),
              "filter:1:18: unknown field 'fd.nam'; did you mean 'fd.name'?");
}

TEST(Checker, BoundFields) {
    testing::FakeFields fields;
    CompileResult r = compile("evt.arg.fd = 3 and proc.aname[2] = x and proc.aname = y and "
                              "proc.env['HOME'] exists and fake.list in (a)",
                              fields);
    ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
    const std::vector<BoundField>& f = r.filter->fields();
    ASSERT_EQ(f.size(), 5u);
    EXPECT_EQ(f[0].name, "evt.arg");
    EXPECT_EQ(f[0].argument, "fd");
    EXPECT_FALSE(f[0].index.has_value());
    EXPECT_EQ(f[1].to_string(), "proc.aname[2]");
    EXPECT_EQ(f[1].index, 2u);
    EXPECT_EQ(f[1].multiplicity, Multiplicity::kSingle);
    EXPECT_EQ(f[2].multiplicity, Multiplicity::kAnyOf);
    EXPECT_EQ(f[3].argument, "HOME");
    EXPECT_EQ(f[4].multiplicity, Multiplicity::kList);
    EXPECT_EQ(f[0].id, fields.find("evt.arg")->info->id);
}

TEST(Suggestions, NearestName) {
    std::vector<std::string_view> names = {"proc.name", "proc.pname", "fd.name", "fd.sport"};
    EXPECT_EQ(nearest_name("proc.nmae", names), "proc.name");
    EXPECT_EQ(nearest_name("proc.nam", names), "proc.name");
    EXPECT_EQ(nearest_name("proc.pnme", names), "proc.pname");
    EXPECT_EQ(nearest_name("fd.sprot", names), "fd.sport");
    EXPECT_EQ(nearest_name("FD.NAME", names), std::nullopt);
    EXPECT_EQ(nearest_name("x.y", names), std::nullopt);
    EXPECT_EQ(nearest_name("proc.name", names), std::nullopt); // already known
    EXPECT_EQ(nearest_name(std::string(10000, 'x'), names), std::nullopt);
}

TEST(Suggestions, EditDistance) {
    EXPECT_EQ(edit_distance("", ""), 0u);
    EXPECT_EQ(edit_distance("abc", ""), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("name", "nmae"), 1u); // one swap of neighbours
    EXPECT_EQ(edit_distance("ca", "abc"), 3u);    // optimal string alignment, not full Damerau
}

TEST(FieldTable, DottedArgumentsTakeTheLongestName) {
    testing::FakeFields fields;
    std::optional<FieldMatch> m = fields.find("evt.type.is.open");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->info->name, "evt.type.is");
    EXPECT_EQ(m->dotted_argument, "open");
    m = fields.find("evt.type");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->info->name, "evt.type");
    EXPECT_FALSE(m->dotted_argument);
    m = fields.find("thread.cgroup.cpu.acct");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->dotted_argument, "cpu.acct");
    EXPECT_FALSE(fields.find("proc.name.x")); // proc.name takes no dotted argument
}

} // namespace
} // namespace sinsp::filter
