#include "outputs/test_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace falco::testing {

Alert sample_alert() {
    Alert alert;
    alert.rule = "open_from_cat";
    alert.priority = Priority::kWarning;
    alert.source = "syscall";
    alert.tags = {"filesystem", "process", "testing"};
    alert.time_ns = 1470327477881781397ull;
    alert.hostname = "test-falco-hostname";
    alert.output = "2016-08-04T16:17:57.881781397+0000: Warning An open was seen "
                   "(command=cat /dev/null)";
    alert.output_fields =
        R"({"evt.time.iso8601":1470327477881781397,"proc.cmdline":"cat /dev/null"})";
    return alert;
}

Alert alert_with(const std::string& output) {
    Alert alert = sample_alert();
    alert.output = output;
    return alert;
}

OutputsConfig quiet_config() {
    OutputsConfig config;
    config.stdout_enabled = false;
    config.syslog_enabled = false;
    return config;
}

TempDir::TempDir() : path_("/tmp/falco-outputs-XXXXXX") {
    if (::mkdtemp(path_.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            throw std::runtime_error("cannot write " + temp);
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        throw std::runtime_error("cannot rename " + temp);
    }
}

unsigned file_mode(const std::string& path) {
    struct stat info = {};
    if (::stat(path.c_str(), &info) != 0) {
        return 0;
    }
    return info.st_mode & 07777;
}

} // namespace falco::testing
