#include "test/field_probe.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "scap/scap_dumper.h"
#include "scap/scap_event.h"
#include "sinsp/filter/filter.h"

namespace sinsp::testing {

Scenario::Scenario() {
    static std::atomic<int> counter{0};
    const char* dir = std::getenv("TEST_TMPDIR");
    path_ = std::string(dir != nullptr ? dir : "/tmp") + "/fields-" + std::to_string(getpid()) +
            "-" + std::to_string(counter++) + ".scap";
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

    char err[SCAP_ERRMSG_SIZE] = "";
    scap_dumper* d = scap_dumper_open(path_.c_str(), false, err);
    if (d == nullptr) {
        throw std::runtime_error(err);
    }
    if (scap_dump_section(d, &meta) != SCAP_OK) {
        scap_dumper_abort(d);
        throw std::runtime_error("cannot write the metadata");
    }
    for (const std::string& e : events) {
        if (scap_dump_event(d, reinterpret_cast<const scap_evt*>(e.data()), 0, 0) != SCAP_OK) {
            scap_dumper_abort(d);
            throw std::runtime_error("cannot write an event");
        }
    }
    if (scap_dumper_close(d, err) != SCAP_OK) {
        throw std::runtime_error(err);
    }
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

} // namespace sinsp::testing
