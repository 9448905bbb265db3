// Arbitrary bytes as rules files through the whole loader: YAML reading, lists, macros,
// exceptions, appends and overrides, condition and output compilation, the rule index, and the
// load results printed as text and JSON. The input is loaded as one file and, when it holds a
// NUL byte, as two files (before and after the first NUL) into one namespace. Besides crashes,
// leaks and undefined behaviour, the fuzzer stops on broken invariants: a failed load with rules
// left, problems without a location, JSON that does not parse.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load_result.h"
#include "engine/rules_engine.h"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
    std::fprintf(stderr, "rules_fuzz: %s\n%s\n", what, detail.c_str());
    std::abort();
}

// A strict JSON reader that only says whether `text` is one JSON value.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : s_(text) {}

    bool valid() {
        skip_blanks();
        if (!value(0)) {
            return false;
        }
        skip_blanks();
        return at_ == s_.size();
    }

private:
    bool value(int depth) {
        if (depth > 64 || at_ >= s_.size()) {
            return false;
        }
        switch (s_[at_]) {
        case '{':
            return sequence('}', depth, true);
        case '[':
            return sequence(']', depth, false);
        case '"':
            return string();
        case 't':
            return word("true");
        case 'f':
            return word("false");
        case 'n':
            return word("null");
        default:
            return number();
        }
    }

    bool sequence(char close, int depth, bool object) {
        ++at_;
        skip_blanks();
        if (at_ < s_.size() && s_[at_] == close) {
            ++at_;
            return true;
        }
        for (;;) {
            skip_blanks();
            if (object) {
                if (at_ >= s_.size() || s_[at_] != '"' || !string()) {
                    return false;
                }
                skip_blanks();
                if (at_ >= s_.size() || s_[at_++] != ':') {
                    return false;
                }
                skip_blanks();
            }
            if (!value(depth + 1)) {
                return false;
            }
            skip_blanks();
            if (at_ >= s_.size()) {
                return false;
            }
            char c = s_[at_++];
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    bool string() {
        ++at_;
        while (at_ < s_.size()) {
            unsigned char c = static_cast<unsigned char>(s_[at_++]);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false; // control characters must be escaped
            }
            if (c != '\\') {
                continue;
            }
            if (at_ >= s_.size()) {
                return false;
            }
            char e = s_[at_++];
            if (e == 'u') {
                for (int i = 0; i < 4; ++i) {
                    if (at_ >= s_.size() ||
                        std::string_view("0123456789abcdefABCDEF").find(s_[at_++]) ==
                            std::string_view::npos) {
                        return false;
                    }
                }
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                return false;
            }
        }
        return false;
    }

    bool word(std::string_view w) {
        if (s_.substr(at_, w.size()) != w) {
            return false;
        }
        at_ += w.size();
        return true;
    }

    bool number() {
        size_t start = at_;
        if (at_ < s_.size() && s_[at_] == '-') {
            ++at_;
        }
        while (at_ < s_.size() && s_[at_] >= '0' && s_[at_] <= '9') {
            ++at_;
        }
        return at_ > start && s_[at_ - 1] != '-';
    }

    void skip_blanks() {
        while (at_ < s_.size() &&
               (s_[at_] == ' ' || s_[at_] == '\n' || s_[at_] == '\t' || s_[at_] == '\r')) {
            ++at_;
        }
    }

    std::string_view s_;
    size_t at_ = 0;
};

// RULES_FUZZ_PRINT=1 prints every result (text, then JSON) on stderr, to look at what one input
// does: rules_fuzz_test_bin FILE.
bool print_results() {
    static const bool print = std::getenv("RULES_FUZZ_PRINT") != nullptr;
    return print;
}

void check_problem(const falco::Problem& p, bool error) {
    if (falco::is_error(p.code) != error) {
        broken("a problem in the wrong list", p.message);
    }
    if (p.context.empty() || p.context.front().item_type != "rules content") {
        broken("a problem without the rules content location", p.message);
    }
    if (p.message.empty()) {
        broken("a problem without a message", std::string(falco::code_name(p.code)));
    }
}

void check(const falco::RulesEngine& engine, const falco::LoadOutcome& outcome, size_t files) {
    bool all_ok = true;
    if (outcome.results.empty() || outcome.results.size() > files) {
        broken("results do not match the files", std::to_string(outcome.results.size()));
    }
    for (const falco::LoadResult& r : outcome.results) {
        all_ok = all_ok && r.successful();
        for (const falco::Problem& p : r.errors()) {
            check_problem(p, true);
        }
        for (const falco::Problem& p : r.warnings()) {
            check_problem(p, false);
        }
        // falco -V: the text and the JSON of every result.
        std::string text = r.as_text(true, true);
        std::string json = r.as_json();
        if (text.compare(0, r.name().size(), r.name()) != 0) {
            broken("the text result does not start with the file name", text);
        }
        if (!JsonChecker(json).valid()) {
            broken("the JSON result does not parse", json);
        }
        if (print_results()) {
            std::fprintf(stderr, "%s%s\n", text.c_str(), json.c_str());
        }
    }
    if (outcome.ok != all_ok || (outcome.ok && outcome.results.size() != files)) {
        broken("ok does not say whether every file loaded", "");
    }
    if (!outcome.ok && !engine.rules().empty()) {
        broken("a failed load left rules", "");
    }
    for (const falco::CompiledRule& rule : engine.rules()) {
        if (!rule.filter || !rule.formatter) {
            broken("a compiled rule without filter or formatter", rule.name);
        }
        std::string types = rule.event_types.to_string();
        if (types.empty()) {
            broken("an empty event type description", rule.name);
        }
    }
}

void load(std::vector<falco::RulesFile> files, const falco::CompileOptions& options) {
    size_t count = files.size();
    falco::RulesEngine engine;
    falco::LoadOutcome outcome = engine.load_contents(std::move(files), options);
    check(engine, outcome, count);
    if (!engine.rules().empty()) {
        // -D, -T and -t rebuild the index.
        const falco::CompiledRule& first = engine.rules().front();
        engine.disable_matching(first.name.substr(0, first.name.size() / 2));
        if (!first.tags.empty()) {
            engine.disable_tagged(first.tags.front());
        }
        engine.enable_only_tagged(first.tags);
        engine.set_enabled(first.name, true);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    // The options vary with the input: a minimum priority, ISO times, -p and -pc texts.
    falco::CompileOptions options;
    unsigned variant = size % 4;
    options.min_priority = variant == 1 ? falco::Priority::kWarning : falco::Priority::kDebug;
    options.output.time_iso8601 = variant == 2;
    if (variant == 2) {
        options.output.extra = "user=%user.name";
    } else if (variant == 3) {
        options.output.extra = "container=%container.name (id=%container.id)";
        options.output.extra_replaces_container_info = true;
    }
    load({{"fuzz.yaml", text}}, options);
    size_t separator = text.find('\0');
    if (separator != std::string::npos) {
        load({{"first.yaml", text.substr(0, separator)},
              {"second.yaml", text.substr(separator + 1)}},
             options);
    }
    return 0;
}
