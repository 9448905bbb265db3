#include "test/field_probe.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "sinsp/filter/filter.h"
#include "test/test_capture.h"

namespace sinsp::testing {

Scenario::Scenario() {
    path_ = temp_capture_path("fields");
}

Scenario::~Scenario() {
    unlink(path_.c_str());
}

ThreadInfo& Scenario::add_thread(ThreadInfo t) {
    for (const ThreadInfo& other : threads) {
        if (other.pid == t.pid) {
            t.fds = other.fds;
            break;
        }
    }
    threads.push_back(std::move(t));
    return threads.back();
}

std::unique_ptr<Inspector> Scenario::open() {
    std::vector<scap_userinfo> u;
    for (const ScenarioUser& x : users) {
        u.push_back({x.uid, x.gid, x.name.c_str(), x.homedir.c_str(), x.shell.c_str()});
    }
    std::vector<scap_groupinfo> g;
    for (const ScenarioGroup& x : groups) {
        g.push_back({x.gid, x.name.c_str()});
    }
    std::vector<scap_ifinfo> ifaces;
    for (const std::string& address : ipv4_interfaces) {
        scap_ifinfo i{};
        i.type = 1;
        if (inet_pton(AF_INET, address.c_str(), i.addr) != 1) {
            throw std::invalid_argument("bad address " + address);
        }
        i.name = "eth";
        ifaces.push_back(i);
    }
    scap_metadata meta{};
    meta.machine.num_cpus = 1;
    std::strcpy(meta.machine.hostname, "fields");
    meta.nusers = static_cast<uint32_t>(u.size());
    meta.users = u.data();
    meta.ngroups = static_cast<uint32_t>(g.size());
    meta.groups = g.data();
    meta.nifaces = static_cast<uint32_t>(ifaces.size());
    meta.ifaces = ifaces.data();

    write_capture(path_, meta, events);
    OpenOptions options;
    options.path = path_;
    auto inspector = Inspector::open(options);
    for (const ThreadInfo& t : threads) {
        inspector->threads().put(std::make_unique<ThreadInfo>(t));
    }
    return inspector;
}

Probe::Probe(const Inspector& inspector) : extractor_(inspector) {}

Probe::~Probe() = default;

void Probe::bind(const Event& event) {
    extractor_.bind(event);
}

std::string Probe::text(const std::string& field) {
    std::string name = field;
    std::optional<std::string> argument;
    size_t bracket = field.find('[');
    if (bracket != std::string::npos && field.back() == ']') {
        name = field.substr(0, bracket);
        argument = field.substr(bracket + 1, field.size() - bracket - 2);
    }
    std::string error;
    auto bound = FieldCatalogue::instance().bind(name, argument, &error);
    if (!bound) {
        ADD_FAILURE() << field << ": " << error;
        return "?";
    }
    std::string out;
    return extractor_.render(*bound, out) ? out : "<NA>";
}

bool Probe::matches(const std::string& filter) {
    auto result = filter::compile(filter, FieldCatalogue::instance());
    if (!result.ok()) {
        ADD_FAILURE() << filter << ": " << result.errors[0].to_string();
        return false;
    }
    return result.filter->evaluate(extractor_);
}

const Event* advance_to(Inspector& inspector, uint64_t num) {
    while (const Event* evt = inspector.next()) {
        if (evt->num() == num) {
            return evt;
        }
    }
    return nullptr;
}

void expect_texts(Scenario& scenario, const std::vector<TextRow>& rows) {
    auto in = scenario.open();
    Probe probe(*in);
    while (const Event* evt = in->next()) {
        probe.bind(*evt);
        for (const TextRow& row : rows) {
            if (row.evt == evt->num()) {
                EXPECT_EQ(probe.text(row.field), row.expected)
                    << row.field << " on event " << row.evt;
            }
        }
    }
}

void expect_filters(Scenario& scenario, const std::vector<FilterRow>& rows) {
    auto in = scenario.open();
    Probe probe(*in);
    while (const Event* evt = in->next()) {
        probe.bind(*evt);
        for (const FilterRow& row : rows) {
            if (row.evt == evt->num()) {
                EXPECT_EQ(probe.matches(row.filter), row.expected)
                    << row.filter << " on event " << row.evt;
            }
        }
    }
}

} // namespace sinsp::testing
