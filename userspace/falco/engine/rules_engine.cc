#include "engine/rules_engine.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>

#include "driver_api/event_table.h"
#include "engine/text_file.h"
#include "sinsp/event.h"
#include "sinsp/fields.h"

namespace falco {
namespace {

bool is_directory(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The regular files directly inside `dir`, sorted by name.
std::vector<std::string> directory_files(const std::string& dir) {
    std::vector<std::string> out;
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        return out;
    }
    while (const dirent* entry = ::readdir(d)) {
        std::string path = dir + "/" + entry->d_name;
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            out.push_back(path);
        }
    }
    ::closedir(d);
    std::sort(out.begin(), out.end());
    return out;
}

bool has_tag(const CompiledRule& rule, const std::string& tag) {
    return std::binary_search(rule.tags.begin(), rule.tags.end(), tag);
}

} // namespace

LoadOutcome RulesEngine::load_paths(const std::vector<std::string>& paths,
                                    const CompileOptions& options) {
    std::vector<RulesFile> files;
    LoadOutcome unreadable;
    for (const std::string& path : paths) {
        std::vector<std::string> expanded =
            is_directory(path) ? directory_files(path) : std::vector<std::string>{path};
        for (const std::string& file : expanded) {
            RulesFile f{file, ""};
            std::string reason;
            FileRead read = read_text_file(file, f.content, reason);
            if (read != FileRead::kOk) {
                std::string error = read == FileRead::kOpenFailed
                                        ? "Could not open file " + file + " for reading: " + reason
                                        : "Could not read file " + file + ": " + reason;
                LoadResult result(file);
                result.add(Problem{LoadCode::kErrFileRead,
                                   error,
                                   {Location{"rules content", "", SourcePosition{file, 0, 0, 0}}},
                                   ""});
                unreadable.results.push_back(std::move(result));
                // Like a failed load_contents(): no rules are left from an earlier load.
                content_ = RulesContent{};
                plugins_.clear();
                rules_.clear();
                build_index();
                return unreadable;
            }
            files.push_back(std::move(f));
        }
    }
    return load_contents(std::move(files), options);
}

LoadOutcome RulesEngine::load_contents(std::vector<RulesFile> files,
                                       const CompileOptions& options) {
    content_ = RulesContent{};
    plugins_.clear();
    rules_.clear();
    LoadOutcome outcome;
    bool read_ok = true;
    for (RulesFile& file : files) {
        outcome.results.emplace_back(file.name);
        read_ok = read_rules_file(std::move(file), content_, plugins_, outcome.results.back());
        if (!read_ok) {
            break; // the files after it are not read
        }
    }
    outcome.ok = read_ok && compile_rules(content_, options, outcome.results, rules_);
    if (!outcome.ok) {
        rules_.clear();
    }
    build_index();
    return outcome;
}

void RulesEngine::disable_matching(const std::string& substring) {
    for (CompiledRule& rule : rules_) {
        if (rule.name.find(substring) != std::string::npos) {
            rule.enabled = false;
        }
    }
    build_index();
}

void RulesEngine::disable_tagged(const std::string& tag) {
    for (CompiledRule& rule : rules_) {
        if (has_tag(rule, tag)) {
            rule.enabled = false;
        }
    }
    build_index();
}

void RulesEngine::enable_only_tagged(const std::vector<std::string>& tags) {
    for (CompiledRule& rule : rules_) {
        rule.enabled = std::any_of(tags.begin(), tags.end(),
                                   [&](const std::string& tag) { return has_tag(rule, tag); });
    }
    build_index();
}

void RulesEngine::set_enabled(const std::string& name, bool enabled) {
    for (CompiledRule& rule : rules_) {
        if (rule.name == name) {
            rule.enabled = enabled;
        }
    }
    build_index();
}

void RulesEngine::build_index() {
    by_code_.assign(SCAP_EVENT_COUNT, {});
    for (uint32_t code = 0; code < SCAP_EVENT_COUNT; ++code) {
        const char* name = scap_event_table[code].name;
        if (name == nullptr) {
            continue;
        }
        for (uint32_t i = 0; i < rules_.size(); ++i) {
            if (rules_[i].enabled && rules_[i].event_types.contains(name)) {
                by_code_[code].push_back(i);
            }
        }
    }
}

int RulesEngine::match(const sinsp::Event& event, sinsp::FieldExtractor& extractor) {
    uint16_t code = event.type();
    if (code >= by_code_.size()) {
        return -1;
    }
    for (uint32_t i : by_code_[code]) {
        ++evaluations_;
        if (rules_[i].filter->evaluate(extractor)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

} // namespace falco
