// Owning wrappers of a file descriptor and of a stdio stream.
#pragma once

#include <cstdio>
#include <memory>
#include <unistd.h>
#include <utility>

namespace falco::outputs_detail {

// Closes the descriptor it owns (-1: none).
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset(other.release());
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() { return std::exchange(fd_, -1); }
    void reset(int fd = -1) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

struct FileCloser {
    void operator()(FILE* file) const { std::fclose(file); }
};

// A stdio stream closed (and so flushed) when it goes away.
using UniqueFile = std::unique_ptr<FILE, FileCloser>;

} // namespace falco::outputs_detail
