// file_output: alert lines appended to a file.
#include <cerrno>
#include <fcntl.h>
#include <stdexcept>

#include "outputs/failure_report.h"
#include "outputs/output_kinds.h"
#include "outputs/unique_fd.h"

namespace falco::outputs_detail {
namespace {

constexpr mode_t kFileMode = 0640;

UniqueFd open_for_append(const std::string& path) {
    return UniqueFd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, kFileMode));
}

bool write_all(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

class FileOutput : public Output {
public:
    explicit FileOutput(const FileOutputConfig& config) : path_(config.filename) {
        UniqueFd fd = open_for_append(path_);
        if (!fd) {
            throw std::runtime_error("file_output: " + with_errno("cannot open " + path_, errno));
        }
        if (config.keep_alive) {
            file_.reset(::fdopen(fd.get(), "a"));
            if (!file_) {
                throw std::runtime_error("file_output: " +
                                         with_errno("cannot open " + path_, errno));
            }
            fd.release(); // the stream owns it now
        }
    }

    void write(const Alert&, const std::string& line) override {
        if (file_) {
            std::fwrite(line.data(), 1, line.size(), file_.get());
            std::fputc('\n', file_.get());
            check_stream();
            return;
        }
        UniqueFd fd = open_for_append(path_);
        if (!fd) {
            report_.failed(with_errno("cannot open " + path_, errno));
            return;
        }
        if (!write_all(fd.get(), line + "\n")) {
            report_.failed(with_errno("cannot write to " + path_, errno));
        }
    }

    void flush() override {
        if (file_) {
            std::fflush(file_.get());
            check_stream();
        }
    }

private:
    void check_stream() {
        if (std::ferror(file_.get())) {
            report_.failed(with_errno("cannot write to " + path_, errno));
            std::clearerr(file_.get());
        }
    }

    std::string path_;
    UniqueFile file_; // with keep_alive
    FailureReport report_{"file_output"};
};

} // namespace

std::unique_ptr<Output> make_file_output(const FileOutputConfig& config) {
    return std::make_unique<FileOutput>(config);
}

} // namespace falco::outputs_detail
