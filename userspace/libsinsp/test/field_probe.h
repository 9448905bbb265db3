// Test harness of the field classes: a capture whose process state is built by hand (ThreadInfo
// and FdInfo values put into the inspector's thread table), with user, group and interface lists
// and events built in memory; and a probe that prints a field or evaluates a filter on the
// current event, as sinsp-inspect does.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sinsp/fields.h"
#include "sinsp/inspector.h"

namespace sinsp::testing {

struct ScenarioUser {
    uint32_t uid, gid;
    std::string name, homedir, shell;
};

struct ScenarioGroup {
    uint32_t gid;
    std::string name;
};

// What a test capture holds besides the hand-built threads.
class Scenario {
public:
    Scenario();
    ~Scenario();

    std::vector<ScenarioUser> users;
    std::vector<ScenarioGroup> groups;
    std::vector<std::string> ipv4_interfaces; // addresses of the machine
    // Put into the thread table once the capture is open (the capture's own list is empty).
    std::vector<ThreadInfo> threads;
    std::vector<std::string> events; // records from testing::event()

    // A thread of `pid` sharing the fd table of the thread put before it with the same pid.
    ThreadInfo& add_thread(ThreadInfo t);

    // Writes the capture and opens it with the threads in place.
    std::unique_ptr<Inspector> open();

private:
    std::string path_;
};

// Renders fields and evaluates filters on an inspector's current event.
class Probe {
public:
    explicit Probe(const Inspector& inspector);
    ~Probe();

    void bind(const Event& event);
    // The field as formats print it ("proc.aname[2]", "thread.cgroup.cpuacct"); "<NA>" when it
    // has no value. Fails the test when the field is unknown.
    std::string text(const std::string& field);
    // Whether the filter matches; fails the test when it does not compile.
    bool matches(const std::string& filter);

private:
    FieldExtractor extractor_;
};

// A field as formats print it on event number `evt` (1-based).
struct TextRow {
    uint64_t evt;
    const char* field;
    const char* expected;
};

// Whether a filter matches event number `evt`.
struct FilterRow {
    uint64_t evt;
    const char* filter;
    bool expected;
};

// Opens the scenario, reads every event and checks each row on its event.
void expect_texts(Scenario& scenario, const std::vector<TextRow>& rows);
void expect_filters(Scenario& scenario, const std::vector<FilterRow>& rows);

// Reads events up to and including number `num` (1-based); nullptr if the capture is shorter.
const Event* advance_to(Inspector& inspector, uint64_t num);

} // namespace sinsp::testing
