// Reading a whole file as text, for rules files and falco.yaml.
#pragma once

#include <string>

namespace falco {

enum class FileRead { kOk, kOpenFailed, kReadFailed };

// The file's bytes in `text`; on failure which step failed, with strerror's text in `reason`.
FileRead read_text_file(const std::string& path, std::string& text, std::string& reason);

} // namespace falco
