#include "engine/text_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace falco {

FileRead read_text_file(const std::string& path, std::string& text, std::string& reason) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rbe"),
                                                         &std::fclose);
    if (!file) {
        reason = std::strerror(errno);
        return FileRead::kOpenFailed;
    }
    text.clear();
    char buffer[65536];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        text.append(buffer, n);
    }
    if (std::ferror(file.get()) != 0) {
        reason = std::strerror(errno);
        return FileRead::kReadFailed;
    }
    return FileRead::kOk;
}

} // namespace falco
