// program_output: alert lines on the standard input of a shell command.
#include <cerrno>
#include <optional>
#include <stdexcept>

#include "outputs/child_process.h"
#include "outputs/failure_report.h"
#include "outputs/output_kinds.h"

namespace falco::outputs_detail {
namespace {

class ProgramOutput : public Output {
public:
    explicit ProgramOutput(const ProgramOutputConfig& config)
        : command_(config.program), keep_alive_(config.keep_alive) {
        if (keep_alive_) {
            try {
                child_.emplace(command_);
            } catch (const std::runtime_error& e) {
                throw std::runtime_error(std::string("program_output: ") + e.what());
            }
        }
    }

    void write(const Alert&, const std::string& line) override {
        std::string text = line + "\n";
        if (!keep_alive_) {
            // One process per alert, waited for before the next alert.
            try {
                ChildProcess child(command_);
                check(child.write(text) && child.flush());
            } catch (const std::runtime_error& e) {
                report_.failed(e.what());
            }
            return;
        }
        if (!child_) {
            // The long-lived process went away: start another one.
            try {
                child_.emplace(command_);
            } catch (const std::runtime_error& e) {
                report_.failed(e.what());
                return;
            }
        }
        check(child_->write(text));
    }

    void flush() override {
        if (child_) {
            check(child_->flush());
        }
    }

private:
    void check(bool ok) {
        if (ok) {
            return;
        }
        report_.failed(with_errno("cannot write to '" + command_ + "'", errno));
        child_.reset(); // waits for it; the next alert starts a new one (keep_alive)
    }

    std::string command_;
    bool keep_alive_;
    std::optional<ChildProcess> child_; // with keep_alive
    FailureReport report_{"program_output"};
};

} // namespace

std::unique_ptr<Output> make_program_output(const ProgramOutputConfig& config) {
    return std::make_unique<ProgramOutput>(config);
}

} // namespace falco::outputs_detail
