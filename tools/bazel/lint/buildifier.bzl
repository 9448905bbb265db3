"""buildifier_test: every BUILD, .bzl and WORKSPACE file must be buildifier-formatted and lint-clean."""

load(":workspace_check.bzl", "workspace_check_test")

def buildifier_test(name, **kwargs):
    """Runs buildifier (npm @bazel/buildifier) in check mode, with lint warnings as failures.

    Fix what it reports with `npx buildifier -r --lint=fix .`.

    Args:
      name: the test's name.
      **kwargs: passed to the test (tags, visibility).
    """
    workspace_check_test(
        name = name,
        checker = "@npm//:node_modules/@bazel/buildifier/buildifier-linux_amd64",
        # Bazel 4 has sh_binary, sh_test and CcInfo built in; the repositories newer Bazels load
        # them from (@rules_shell, @rules_cc's cc/common) do not exist for it.
        checker_args = ["--mode=check", "--lint=warn", "--warnings=-native-sh-binary,-native-sh-test,-native-cc-info"],
        patterns = ["WORKSPACE", "*.bzl", "*BUILD.bazel", "*BUILD"],
        **kwargs
    )
