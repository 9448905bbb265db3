// libFuzzer target: any text through the parser, the printers, the checker, the compiler and
// one evaluation. Also checks that printed filter text parses back to the same tree.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/testing/fake_fields.h"

namespace {

using sinsp::filter::IpAddress;
using sinsp::filter::Value;

sinsp::filter::testing::FakeEvent make_event() {
    sinsp::filter::testing::FakeEvent e;
    e.set("evt.type", "open")
        .set("evt.num", Value::uint64(42))
        .set("evt.rawres", Value::int64(-2))
        .set("evt.failed", Value::boolean(true))
        .set("evt.buffer", std::string("\x7f"
                                       "ELF",
                                       4))
        .set("evt.rawarg[res]", Value::int64(-2))
        .set("proc.name", "cat")
        .set("proc.pid", Value::int64(1234))
        .set("proc.fdusage", Value::real(0.5))
        .set_texts("proc.aname", {"cat", "bash", "sshd"})
        .set("fd.name", "/etc/passwd")
        .set("fd.sip", Value::ip(IpAddress::v4(0x0a010203)))
        .set_values("fd.net", {Value::ip(IpAddress::v4(0x0a010203))})
        .set("fd.sport", Value::uint64(443))
        .set_texts("fake.list", {"a", "b"});
    return e;
}

[[noreturn]] void die(const char* what, const std::string& a, const std::string& b) {
    std::fprintf(stderr, "%s\n  first:  %s\n  second: %s\n", what, a.c_str(), b.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const sinsp::filter::testing::FakeFields fields;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    sinsp::filter::ParseResult parsed = sinsp::filter::parse(text);
    if (!parsed.ok()) {
        if (!parsed.error || parsed.error->message.empty()) {
            die("a parse failure without a message", std::string(text), "");
        }
        return 0;
    }
    std::string tree = sinsp::filter::ast::to_sexpr(*parsed.expr);
    std::string printed = sinsp::filter::ast::to_filter(*parsed.expr);
    sinsp::filter::ParseResult again = sinsp::filter::parse(printed);
    if (!again.ok()) {
        die("printed filter text does not parse", printed, again.error->to_string());
    }
    if (sinsp::filter::ast::to_sexpr(*again.expr) != tree) {
        die("printed filter text parses to another tree", tree,
            sinsp::filter::ast::to_sexpr(*again.expr));
    }
    sinsp::filter::CompileResult compiled = sinsp::filter::compile(*parsed.expr, fields);
    if (compiled.ok() != compiled.errors.empty()) {
        die("compile() disagrees with its errors", printed, "");
    }
    if (compiled.ok()) {
        static sinsp::filter::testing::FakeEvent event = make_event();
        event.asked.clear();
        volatile bool hit = compiled.filter->evaluate(event);
        (void)hit;
        (void)compiled.filter->event_types().to_string();
    }
    return 0;
}
