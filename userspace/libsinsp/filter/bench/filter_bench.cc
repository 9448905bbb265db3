// Evaluations per second of `evt.type=open and proc.name=cat and fd.name contains /etc` on
// events served by an extractor that dispatches on field ids, as libsinsp's will.
//
//   bazel run -c opt //userspace/libsinsp:filter_bench [-- EVALUATIONS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "sinsp/filter/filter.h"
#include "userspace/libsinsp/filter/testing/fake_fields.h"

namespace {

using sinsp::filter::BoundField;
using sinsp::filter::Value;
using sinsp::filter::ValueList;

struct Event {
    std::string_view type;
    std::string_view proc_name;
    std::string_view fd_name;
};

// Four events: one matches, three fail at each of the three checks in turn.
constexpr Event kEvents[] = {
    {"open", "cat", "/etc/passwd"},
    {"read", "cat", "/etc/passwd"},
    {"open", "bash", "/etc/passwd"},
    {"open", "cat", "/usr/lib/x86_64-linux-gnu/libc.so.6"},
};

class BenchExtractor final : public sinsp::filter::Extractor {
public:
    BenchExtractor(uint32_t type_id, uint32_t name_id, uint32_t fd_id)
        : type_id_(type_id), name_id_(name_id), fd_id_(fd_id) {}

    void bind(const Event& e) { event_ = &e; }

    bool extract(const BoundField& field, ValueList& out) override {
        if (field.id == type_id_) {
            out.add(Value::string(event_->type));
        } else if (field.id == name_id_) {
            out.add(Value::string(event_->proc_name));
        } else if (field.id == fd_id_) {
            out.add(Value::string(event_->fd_name));
        } else {
            return false;
        }
        return true;
    }

private:
    uint32_t type_id_, name_id_, fd_id_;
    const Event* event_ = nullptr;
};

} // namespace

int main(int argc, char** argv) {
    const char* text = "evt.type=open and proc.name=cat and fd.name contains /etc";
    long evaluations = argc > 1 ? std::atol(argv[1]) : 20'000'000;
    if (evaluations <= 0) {
        std::fprintf(stderr, "filter_bench: EVALUATIONS must be a positive number\n");
        return 2;
    }
    sinsp::filter::testing::FakeFields fields;
    sinsp::filter::CompileResult compiled = sinsp::filter::compile(text, fields);
    if (!compiled.ok()) {
        std::fprintf(stderr, "filter_bench: %s\n", compiled.errors[0].to_string().c_str());
        return 1;
    }
    auto id = [&](const char* name) { return fields.find(name)->info->id; };
    BenchExtractor extractor(id("evt.type"), id("proc.name"), id("fd.name"));

    long matches = 0;
    auto start = std::chrono::steady_clock::now();
    for (long i = 0; i < evaluations; ++i) {
        extractor.bind(kEvents[i & 3]);
        matches += compiled.filter->evaluate(extractor) ? 1 : 0;
    }
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;

    std::printf("filter: %s\n", text);
    std::printf("event types: %s\n", compiled.filter->event_types().to_string().c_str());
    std::printf("evaluations: %ld (%ld matched) in %.3f s\n", evaluations, matches,
                elapsed.count());
    std::printf("evaluations/s: %.0f (%.1f ns each)\n", evaluations / elapsed.count(),
                elapsed.count() * 1e9 / evaluations);
    return 0;
}
