// Exceptions (spec §2): the condition text they generate, their validation and their appends.
#include <gtest/gtest.h>

#include "engine/test/loader_helpers.h"

namespace falco::testing {
namespace {

// A rule with `condition` and the exceptions block `exceptions` (YAML lines, indented by 2).
std::string with_exceptions(const std::string& condition, const std::string& exceptions,
                            const std::string& name = "r") {
    return rule_yaml(name, condition, "  exceptions:\n" + exceptions);
}

std::string condition_of(const Loaded& l, const std::string& rule = "r") {
    if (!l.outcome.ok) {
        return "load failed: " + problem_summary(l.errors().at(0));
    }
    const CompiledRule* r = l.rule(rule);
    return r == nullptr ? "<no rule>" : r->condition;
}

// ---- generated text --------------------------------------------------------------------------

TEST(Exceptions, TupleForm) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: proc_and_file\n"
                                                     "      fields: [proc.name, fd.name]\n"
                                                     "      comps: [=, in]\n"
                                                     "      values:\n"
                                                     "        - [cat, /etc/passwd]\n"
                                                     "        - [dog, [/a, /b]]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open and not ((proc.name = cat and fd.name in "
                               "(/etc/passwd)) or (proc.name = dog and fd.name in (/a, /b)))");
}

TEST(Exceptions, CompsDefaultToEquals) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: [proc.name, proc.pname]\n"
                                                     "      values: [[cat, bash]]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open and not ((proc.name = cat and proc.pname = bash))");
}

TEST(Exceptions, SingleFieldForm) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: proc.name\n"
                                                     "      values: [cat, dog]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open and not (proc.name in (cat, dog))");
}

TEST(Exceptions, SingleFieldFormWithListOperators) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: fd.name\n"
                                                     "      comps: pmatch\n"
                                                     "      values: [/etc, /usr]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open and not (fd.name pmatch (/etc, /usr))");
    Loaded l2 = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                      "      fields: proc.name\n"
                                                      "      comps: intersects\n"
                                                      "      values: [cat]\n"));
    EXPECT_EQ(condition_of(l2), "evt.type=open and not (proc.name intersects (cat))");
}

TEST(Exceptions, ListNameAsValueOfAListOperator) {
    Loaded l = load("- list: shells\n  items: [bash, sh]\n" +
                    with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: [proc.name, fd.name]\n"
                                                     "      comps: [in, =]\n"
                                                     "      values: [[shells, /dev/null]]\n"));
    EXPECT_EQ(condition_of(l),
              "evt.type=open and not ((proc.name in (shells) and fd.name = /dev/null))");
    EXPECT_TRUE(l.warnings(LoadCode::kUnusedList).empty()); // substituted, so used
}

TEST(Exceptions, ValuesWithSpacesAreQuoted) {
    Loaded l = load(with_exceptions("evt.type=open",
                                    "    - name: e\n"
                                    "      fields: [proc.cmdline]\n"
                                    "      values: [['\"cat /dev/null\"'], [cat /dev/zero]]\n"
                                    "    - name: f\n"
                                    "      fields: proc.cmdline\n"
                                    "      values: [a b, '\"c d\"', e]\n"));
    EXPECT_EQ(condition_of(l),
              "evt.type=open and not ((proc.cmdline = \"cat /dev/null\") or (proc.cmdline = "
              "\"cat /dev/zero\")) and not (proc.cmdline in (\"a b\", \"c d\", e))");
}

TEST(Exceptions, SeveralInDeclarationOrder) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: one\n"
                                                     "      fields: proc.name\n"
                                                     "      values: [a]\n"
                                                     "    - name: two\n"
                                                     "      fields: [fd.name]\n"
                                                     "      values: [[b]]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open and not (proc.name in (a)) and not ((fd.name = b))");
}

TEST(Exceptions, ConditionIsNotParenthesised) {
    Loaded l = load(with_exceptions("evt.type=open or evt.type=close", "    - name: e\n"
                                                                       "      fields: proc.name\n"
                                                                       "      values: [cat]\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open or evt.type=close and not (proc.name in (cat))");
}

TEST(Exceptions, NoValuesContributeNothing) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: [proc.name]\n"
                                                     "    - name: f\n"
                                                     "      fields: proc.name\n"
                                                     "      values: []\n"));
    EXPECT_EQ(condition_of(l), "evt.type=open");
}

TEST(Exceptions, NullOrAbsentExceptions) {
    EXPECT_EQ(condition_of(load(with_exceptions("evt.type=open", ""))), "evt.type=open");
    EXPECT_EQ(condition_of(load(rule_yaml("r", "evt.type=open", "  exceptions: []\n"))),
              "evt.type=open");
}

TEST(Exceptions, ExceptionsComeAfterAppendedConditions) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: proc.name\n"
                                                     "      values: [cat]\n") +
                    "- rule: r\n  condition: and fd.num=3\n  append: true\n");
    EXPECT_EQ(condition_of(l), "evt.type=open and fd.num=3 and not (proc.name in (cat))");
}

TEST(Exceptions, AppendValuesToAnExistingException) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: e\n"
                                                     "      fields: [proc.name, fd.name]\n") +
                    "- rule: r\n  append: true\n  exceptions:\n"
                    "    - name: e\n      values: [[cat, /etc]]\n");
    EXPECT_EQ(condition_of(l), "evt.type=open and not ((proc.name = cat and fd.name = /etc))");
}

TEST(Exceptions, AppendANewException) {
    Loaded l = load_files({{"a.yaml", with_exceptions("evt.type=open", "    - name: e\n"
                                                                       "      fields: proc.name\n"
                                                                       "      values: [a]\n")},
                           {"b.yaml", "- rule: r\n  append: true\n  exceptions:\n"
                                      "    - name: e\n      values: [b]\n"
                                      "    - name: f\n      fields: fd.name\n"
                                      "      comps: pmatch\n      values: [/tmp]\n"}});
    EXPECT_EQ(condition_of(l), "evt.type=open and not (proc.name in (a, b)) and not (fd.name "
                               "pmatch (/tmp))");
}

// ---- validation (LOAD_ERR_VALIDATE on the exception) ------------------------------------------

struct Invalid {
    std::string exception; // the exception's YAML lines
    std::string message;
};

TEST(Exceptions, Validation) {
    const std::vector<Invalid> cases = {
        {"      fields: {a: b}\n",
         "Rule exception item must have fields property with a list of fields"},
        {"      fields:\n", "Rule exception item must have fields property with a list of fields"},
        {"      fields: [proc.name, fd.name]\n      comps: [=]\n",
         "Fields and comps lists must have equal length"},
        {"      fields: [proc.name]\n      comps: [~=]\n",
         "'~=' is not a supported comparison operator"},
        {"      fields: [proc.name]\n      comps: [exists]\n",
         "'exists' is not a supported comparison operator"},
        {"      fields: [proc.nmae]\n", "'proc.nmae' is not a supported filter field"},
        {"      fields: proc.nmae\n", "'proc.nmae' is not a supported filter field"},
        {"      fields: [[proc.name]]\n", "Fields and comps must both be strings"},
        {"      fields: [proc.name]\n      comps: [[=]]\n",
         "Fields and comps must both be strings"},
        {"      fields: proc.name\n      comps: =\n",
         "When fields is a single value, comps must be one of (in, pmatch, intersects)"},
        {"      fields: proc.name\n      comps: startswith\n      values: [a]\n",
         "When fields is a single value, comps must be one of (in, pmatch, intersects)"},
        {"      fields: [proc.name, fd.name]\n      values: [[a]]\n",
         "Fields and values lists must have equal length"},
        {"      fields: [proc.name]\n      values: [[a, b]]\n",
         "Fields and values lists must have equal length"},
        {"      fields: [proc.name]\n      values: [a]\n",
         "Expected values array to contain a list of strings"},
        {"      fields: [proc.name]\n      values: [[{a: b}]]\n",
         "Expected values array to contain a list of strings"},
        {"      fields: [proc.name]\n      values: a\n",
         "Expected values array to contain a list of strings"},
        {"      fields: proc.name\n      values: [[a]]\n",
         "Expected values array to contain a list of strings"},
    };
    for (const Invalid& c : cases) {
        Loaded l = load(with_exceptions("evt.type=open", "    - name: ex\n" + c.exception));
        EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate, c.message, "exception", "ex"))
            << c.exception;
    }
}

TEST(Exceptions, ValidationOfRulesDroppedByPriority) {
    // The exception is wrong whatever the minimum priority.
    CompileOptions options;
    options.min_priority = Priority::kCritical;
    Loaded l = load(with_exceptions("evt.type=open", "    - name: ex\n"
                                                     "      fields: [proc.nmae]\n"),
                    options);
    EXPECT_TRUE(fails_with(l, LoadCode::kErrValidate, "'proc.nmae' is not a supported filter field",
                           "exception", "ex"));
}

TEST(Exceptions, ExceptionLocationIsInTheRule) {
    Loaded l = load(with_exceptions("evt.type=open", "    - name: ex\n"
                                                     "      fields: [proc.nmae]\n"));
    ASSERT_FALSE(l.outcome.ok);
    Problem p = l.errors().at(0);
    ASSERT_GE(p.context.size(), 3u);
    EXPECT_EQ(p.context[0].item_type, "rules content");
    EXPECT_EQ(p.context[p.context.size() - 2].item_type, "rule");
    EXPECT_EQ(p.context[p.context.size() - 2].item_name, "r");
    EXPECT_EQ(innermost(p).position.name, "rules.yaml");
    EXPECT_EQ(innermost(p).position.line, 8u); // the exception's mapping
    EXPECT_EQ(p.snippet, "    - name: ex\n      ^\n");
}

TEST(Exceptions, Structure) {
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open", "  exceptions: {a: b}\n")),
                           LoadCode::kErrYamlValidate, "Rule exceptions must be a sequence", "rule",
                           "r"));
    EXPECT_TRUE(fails_with(load(rule_yaml("r", "evt.type=open", "  exceptions: [a]\n")),
                           LoadCode::kErrYamlValidate, "Rule exception must be a mapping",
                           "exception", ""));
    EXPECT_TRUE(fails_with(load(with_exceptions("evt.type=open", "    - fields: [proc.name]\n")),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'name'",
                           "exception", ""));
    EXPECT_TRUE(fails_with(load(with_exceptions("evt.type=open", "    - name: ex\n"
                                                                 "      values: [[a]]\n")),
                           LoadCode::kErrYamlValidate, "Item has no mapping for key 'fields'",
                           "exception", "ex"));
}

TEST(Exceptions, AppendErrors) {
    const std::string base = with_exceptions("evt.type=open", "    - name: ex\n"
                                                              "      fields: [proc.name]\n");
    const std::string append = "- rule: r\n  append: true\n  exceptions:\n";
    EXPECT_TRUE(fails_with(
        load(base + append + "    - name: ex\n      fields: [fd.name]\n"), LoadCode::kErrValidate,
        "Can not append exception fields to existing exception, only values", "exception", "ex"));
    EXPECT_TRUE(fails_with(
        load(base + append + "    - name: ex\n      comps: [in]\n"), LoadCode::kErrValidate,
        "Can not append exception comps to existing exception, only values", "exception", "ex"));
    EXPECT_TRUE(fails_with(
        load(base + append + "    - name: new\n      values: [[a]]\n"), LoadCode::kErrValidate,
        "Rule exception must have fields property with a list of fields", "exception", "new"));
    EXPECT_TRUE(fails_with(
        load(base + append + "    - name: new\n      fields: [fd.name]\n"), LoadCode::kErrValidate,
        "Rule exception must have values property with a list of values", "exception", "new"));
    // Appended values are validated like defined ones.
    EXPECT_TRUE(fails_with(load(base + append + "    - name: ex\n      values: [[a, b]]\n"),
                           LoadCode::kErrValidate, "Fields and values lists must have equal length",
                           "exception", "ex"));
}

} // namespace
} // namespace falco::testing
