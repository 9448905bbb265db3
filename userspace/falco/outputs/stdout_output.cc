// stdout_output: alert lines on falco's standard output.
#include <cstdio>

#include "outputs/output_kinds.h"

namespace falco::outputs_detail {
namespace {

class StdoutOutput : public Output {
public:
    void write(const Alert&, const std::string& line) override {
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fputc('\n', stdout);
    }

    void flush() override { std::fflush(stdout); }
};

} // namespace

std::unique_ptr<Output> make_stdout_output() {
    return std::make_unique<StdoutOutput>();
}

} // namespace falco::outputs_detail
