// The evaluator: every operator with true and false cases on a fake event, missing values,
// multi-valued fields, precedence, and short circuits.
#include <gtest/gtest.h>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/testing/fake_fields.h"

namespace sinsp::filter {
namespace {

using testing::FakeEvent;
using testing::FakeFields;

FakeEvent sample_event() {
    FakeEvent e;
    e.set("evt.type", "open")
        .set("evt.num", Value::uint64(42))
        .set("evt.dir", "<")
        .set("evt.rawres", Value::int64(-2))
        .set("evt.failed", Value::boolean(true))
        .set("evt.latency", Value::uint64(1500))
        .set("evt.buffer", std::string("\x7f"
                                       "ELF\x02\x01"
                                       "Hello"))
        .set("evt.arg[fd]", "3")
        .set("evt.arg[0]", "3")
        .set("evt.rawarg[res]", Value::int64(-2))
        .set("evt.rawarg[name]", "/etc/passwd")
        .set("proc.name", "cat")
        .set("proc.pid", Value::int64(1234))
        .set("proc.fdusage", Value::real(0.25))
        .set("proc.cmdline", "cat /etc/passwd")
        .set_texts("proc.aname", {"cat", "bash", "sshd", "systemd"})
        .set("proc.aname[1]", "bash")
        .set_values("proc.apid", {Value::int64(1234), Value::int64(1000), Value::int64(1)})
        .set("fd.name", "/etc/passwd")
        .set("fd.directory", "/etc")
        .set("fd.sip", Value::ip(*IpAddress::parse("10.1.2.3")))
        .set("fd.cip", Value::ip(*IpAddress::parse("fe80::1")))
        .set_values("fd.ip", {Value::ip(*IpAddress::parse("192.168.0.5")),
                              Value::ip(*IpAddress::parse("10.1.2.3"))})
        .set_values("fd.net", {Value::ip(*IpAddress::parse("192.168.0.5")),
                               Value::ip(*IpAddress::parse("10.1.2.3"))})
        .set("fd.snet", Value::ip(*IpAddress::parse("10.1.2.3")))
        .set("fd.sport", Value::uint64(443))
        .set_values("fd.port", {Value::uint64(51000), Value::uint64(443)})
        .set_texts("fake.list", {"a", "b"})
        .set_empty("container.id");
    return e;
}

struct Case {
    const char* filter;
    bool expected;
};

const Case kCases[] = {
    // Strings.
    {"proc.name = cat", true},
    {"proc.name == cat", true},
    {"proc.name = dog", false},
    {"proc.name = Cat", false},
    {"proc.name != dog", true},
    {"proc.name != cat", false},
    {"proc.name < 5", false}, // byte-wise: "cat" > "5"
    {"proc.name > 5", true},
    {"proc.name >= 5", true},
    {"proc.name <= 5", false},
    {"fd.directory < 9", true}, // "/etc" < "9"
    {"fd.name contains /etc", true},
    {"fd.name contains pass", true},
    {"fd.name contains /usr", false},
    {"fd.name icontains PASSWD", true},
    {"fd.name icontains PaSs", true},
    {"fd.name icontains shadow", false},
    {"fd.name startswith /etc/", true},
    {"fd.name startswith /usr", false},
    {"fd.name endswith passwd", true},
    {"fd.name endswith shadow", false},
    {"fd.name glob /etc/*", true},
    {"fd.name glob '*passw?'", true},
    {"fd.name glob '/etc/[a-p]asswd'", true},
    {"fd.name glob '/etc/[!p]asswd'", false},
    {"fd.name glob /usr/*", false},
    {"fd.name glob /ETC/*", false},
    {"fd.name iglob /ETC/*", true},
    {"fd.name iglob /USR/*", false},
    {"fd.name pmatch (/etc)", true},
    {"fd.name pmatch (/etc/)", true},
    {"fd.name pmatch (/etc/passwd)", true},
    {"fd.name pmatch (/)", true},
    {"fd.name pmatch (/et)", false},
    {"fd.name pmatch (/usr, /var)", false},
    {"fd.name pmatch (/etc/passwd/x)", false},
    {"proc.name in (ls, cat)", true},
    {"proc.name in (ls, dog)", false},
    {"proc.name in ()", false},
    {"proc.name in (a, b, c, d, e, f, g, h, i, j, cat)", true}, // hashed
    {"proc.name in (a, b, c, d, e, f, g, h, i, j, k)", false},
    {"proc.name intersects (cat)", true},
    {"proc.name intersects (dog)", false},
    {"proc.cmdline = 'cat /etc/passwd'", true},
    // Numbers: signed, unsigned, double, hex, mixed signs.
    {"proc.pid = 1234", true},
    {"proc.pid = 0x4d2", true},
    {"proc.pid = 1235", false},
    {"proc.pid != 1235", true},
    {"proc.pid != 1234", false},
    {"proc.pid < 1235", true},
    {"proc.pid < 1234", false},
    {"proc.pid <= 1234", true},
    {"proc.pid <= 1233", false},
    {"proc.pid > 1233", true},
    {"proc.pid > 1234", false},
    {"proc.pid >= 1234", true},
    {"proc.pid >= 1235", false},
    {"proc.pid > -1", true},
    {"evt.rawres < 0", true},
    {"evt.rawres = -2", true},
    {"evt.rawres > -3", true},
    {"evt.rawres >= -1", false},
    {"evt.num = 42", true},
    {"evt.num > 41 and evt.num < 43", true},
    {"evt.num in (1, 2, 42)", true},
    {"evt.num in (1, 2, 3)", false},
    {"evt.num in (1, 2, 3, 4, 5, 6, 7, 8, 9, 42)", true}, // hashed
    {"evt.num in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)", false},
    {"evt.rawres in (1, 2, 3, 4, 5, 6, 7, 8, 9, -2)", true}, // hashed, negative
    {"evt.num intersects (42)", true},
    {"proc.fdusage > 0.2", true},
    {"proc.fdusage < 0.2", false},
    {"proc.fdusage = 0.25", true},
    {"proc.fdusage in (0.5, 0.25)", true},
    {"proc.fdusage > 0", true},
    {"evt.latency >= 1500", true},
    {"evt.latency > 1000", true},
    // Booleans.
    {"evt.failed = true", true},
    {"evt.failed = false", false},
    {"evt.failed != false", true},
    {"evt.failed != true", false},
    {"evt.failed in (false, true)", true},
    // IP addresses and networks.
    {"fd.sip = 10.1.2.3", true},
    {"fd.sip = 10.1.2.4", false},
    {"fd.sip != 10.1.2.4", true},
    {"fd.sip in (1.1.1.1, 10.1.2.3)", true},
    {"fd.sip in (1.1.1.1)", false},
    {"fd.sip = ::ffff:10.1.2.3", false}, // families differ
    {"fd.cip = fe80::1", true},
    {"fd.cip = fe80:0::1", true},
    {"fd.cip = fe80::2", false},
    {"fd.snet = 10.0.0.0/8", true},
    {"fd.snet = 10.1.2.0/24", true},
    {"fd.snet = 10.1.2.3", true},
    {"fd.snet = 11.0.0.0/8", false},
    {"fd.snet = 0.0.0.0/0", true},
    {"fd.snet != 11.0.0.0/8", true},
    {"fd.snet in (\"127.0.0.1/24\", 192.168.0.0/16)", false},
    {"fd.snet in (\"127.0.0.1/24\", 10.1.0.0/16)", true},
    {"fd.snet = ::/0", false},
    // Either endpoint (kAnyOf).
    {"fd.ip = 192.168.0.5", true},
    {"fd.ip = 10.1.2.3", true},
    {"fd.ip = 10.1.2.4", false},
    {"fd.net = 192.168.0.0/16", true},
    {"fd.port = 443", true},
    {"fd.port = 80", false},
    {"fd.port > 50000", true},
    {"fd.sport in (80, 443)", true},
    {"fd.sport in (80, 8080)", false},
    // Ancestors: with an index one of them, without any of them.
    {"proc.aname = sshd", true},
    {"proc.aname = login", false},
    {"proc.aname in (login, systemd)", true},
    {"proc.aname[1] = bash", true},
    {"proc.aname[1] = sshd", false},
    {"proc.aname startswith ssh", true},
    {"proc.apid = 1", true},
    {"proc.apid < 1", false},
    {"proc.aname[2] = sshd", false}, // absent in the fake event
    {"proc.aname[2] exists", false},
    // Lists (kList): in needs every value, intersects any.
    {"fake.list in (a, b, c)", true},
    {"fake.list in (a, c)", false},
    {"fake.list intersects (b, c)", true},
    {"fake.list intersects (c, d)", false},
    {"fake.list = b", true},
    // Bytes.
    {"evt.buffer contains ELF", true},
    {"evt.buffer contains elf", false},
    {"evt.buffer bcontains 454c46", true},
    {"evt.buffer bcontains 454C46", true},
    {"evt.buffer bcontains 00", false},
    {"evt.buffer bstartswith 7f454c46", true},
    {"evt.buffer bstartswith 454c46", false},
    {"evt.buffer startswith ELF", false},
    {"evt.buffer endswith Hello", true},
    // Dynamic values: numbers compare as numbers, text as text.
    {"evt.rawarg.res < 0", true},
    {"evt.rawarg.res = -2", true},
    {"evt.rawarg.res > 0", false},
    {"evt.rawarg.res = abc", false},
    {"evt.rawarg.name = /etc/passwd", true},
    {"evt.rawarg.name startswith /etc", true},
    {"evt.rawarg.name > 0", false}, // text compares byte-wise, and '/' < '0'
    {"evt.arg.fd = 3", true},
    {"evt.arg[0] = 3", true},
    {"evt.arg[1] = 3", false},
    // exists and missing values: every operator is false on a missing value, != too.
    {"proc.name exists", true},
    {"user.name exists", false},
    {"user.name = root", false},
    {"user.name != root", false},
    {"not user.name = root", true},
    {"not user.name != root", true},
    {"user.name in (root)", false},
    {"user.name contains r", false},
    {"user.uid < 10", false},
    {"not user.name exists", true},
    {"container.id exists", true}, // extracted, no values
    {"container.id = x", false},
    {"container.id != x", false},
    // Event types.
    {"evt.type = open", true},
    {"evt.type in (open, openat)", true},
    {"evt.type != open", false},
    {"evt.dir = <", true},
    // Logic: precedence, associativity, not.
    {"proc.name = cat and fd.name = /etc/passwd", true},
    {"proc.name = cat and fd.name = /x", false},
    {"proc.name = dog or fd.name = /etc/passwd", true},
    {"proc.name = dog or fd.name = /x", false},
    {"not proc.name = dog", true},
    {"not proc.name = cat", false},
    {"not not proc.name = cat", true},
    {"proc.name = dog and fd.name = /x or proc.pid = 1234", true}, // (a and b) or c
    {"proc.pid = 1234 or proc.name = dog and fd.name = /x", true}, // a or (b and c)
    {"(proc.pid = 1234 or proc.name = dog) and fd.name = /x", false},
    {"not proc.name = dog and proc.name = dog", false}, // (not a) and a
    {"not (proc.name = dog and proc.name = dog)", true},
    {"not proc.name = cat or proc.name = cat", true},
};

TEST(Evaluator, Operators) {
    FakeFields fields;
    for (const Case& c : kCases) {
        CompileResult r = compile(c.filter, fields);
        if (!r.ok()) {
            ADD_FAILURE() << c.filter << ": " << r.errors[0].to_string();
            continue;
        }
        FakeEvent event = sample_event();
        EXPECT_EQ(r.filter->evaluate(event), c.expected) << c.filter;
    }
}

TEST(Evaluator, ShortCircuits) {
    FakeFields fields;
    CompileResult r = compile("proc.name = dog and fd.name = x and proc.pid = 1", fields);
    ASSERT_TRUE(r.ok());
    FakeEvent event = sample_event();
    EXPECT_FALSE(r.filter->evaluate(event));
    EXPECT_EQ(event.asked, std::vector<std::string>{"proc.name"});

    r = compile("proc.name = cat or fd.name = x", fields);
    ASSERT_TRUE(r.ok());
    event.asked.clear();
    EXPECT_TRUE(r.filter->evaluate(event));
    EXPECT_EQ(event.asked, std::vector<std::string>{"proc.name"});

    r = compile("not (proc.name = dog and fd.name = x) and proc.pid = 1234", fields);
    ASSERT_TRUE(r.ok());
    event.asked.clear();
    EXPECT_TRUE(r.filter->evaluate(event));
    EXPECT_EQ(event.asked, (std::vector<std::string>{"proc.name", "proc.pid"}));
}

TEST(Evaluator, ValuesOfTheWrongKindDoNotMatch) {
    FakeFields fields;
    FakeEvent event;
    event.set("proc.name", Value::int64(3)).set("proc.pid", "1234").set("fd.sip", "10.0.0.1");
    for (const char* f : {"proc.name = 3", "proc.pid = 1234", "fd.sip = 10.0.0.1",
                          "proc.name contains 3", "proc.pid in (1234)"}) {
        CompileResult r = compile(f, fields);
        ASSERT_TRUE(r.ok()) << f;
        EXPECT_FALSE(r.filter->evaluate(event)) << f;
    }
}

TEST(Evaluator, ReusedAcrossEvents) {
    FakeFields fields;
    CompileResult r = compile("proc.name in (cat, ls) and not fd.name startswith /proc", fields);
    ASSERT_TRUE(r.ok());
    FakeEvent a, b, c;
    a.set("proc.name", "cat").set("fd.name", "/etc/passwd");
    b.set("proc.name", "ls").set("fd.name", "/proc/1");
    c.set("proc.name", "ls");
    EXPECT_TRUE(r.filter->evaluate(a));
    EXPECT_FALSE(r.filter->evaluate(b));
    EXPECT_TRUE(r.filter->evaluate(c)); // no fd: startswith is false, negated true
    EXPECT_TRUE(r.filter->evaluate(a));
}

TEST(Evaluator, ValueListOwnsCopies) {
    ValueList list;
    for (int round = 0; round < 3; ++round) {
        list.clear();
        for (int i = 0; i < 100; ++i) {
            list.add_string_copy("value-" + std::to_string(i));
        }
        ASSERT_EQ(list.size(), 100u);
        EXPECT_EQ(list[0].text(), "value-0");
        EXPECT_EQ(list[99].text(), "value-99");
    }
}

} // namespace
} // namespace sinsp::filter
