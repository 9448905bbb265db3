#include "config/test_files.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace falco::testing {

std::string write_file(const std::string& name, const std::string& text) {
    const char* dir = std::getenv("TEST_TMPDIR");
    std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
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
    return path;
}

} // namespace falco::testing
