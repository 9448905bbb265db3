// Test helper: configuration files written under the test's temporary directory.
#pragma once

#include <string>

namespace falco::testing {

// Writes `text` to TEST_TMPDIR/name (replacing it) and returns the file's path.
std::string write_file(const std::string& name, const std::string& text);

} // namespace falco::testing
