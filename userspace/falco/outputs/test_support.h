// Test helpers: sample alerts, a configuration with every output off, files and directories.
#pragma once

#include <string>

#include "outputs/outputs.h"

namespace falco::testing {

// The alert of the spec's JSON example (section 4.2).
Alert sample_alert();

// The sample alert with another text output.
Alert alert_with(const std::string& output);

// Every output disabled, no rate limit, unbuffered.
OutputsConfig quiet_config();

// A fresh empty directory, removed with its contents when this goes away. Under /tmp rather
// than TEST_TMPDIR, so that socket paths in it stay short.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// The file's bytes ("" when it cannot be read).
std::string read_file(const std::string& path);

// Replaces the file's contents, through a temporary file and a rename.
void write_file(const std::string& path, const std::string& text);

// Permission bits of a file, e.g. 0640.
unsigned file_mode(const std::string& path);

} // namespace falco::testing
