"""Helpers for locating files in a runfiles tree."""

def runfiles_path(ctx, file):
    """Returns the path of `file` relative to the root of a runfiles tree.

    Args:
      ctx: the rule context (for the main repository's name).
      file: a File in the runfiles.

    Returns:
      "<repository>/<path>", the form that `$RUNFILES_DIR/<path>` expects.
    """
    if file.short_path.startswith("../"):
        return file.short_path[len("../"):]
    return ctx.workspace_name + "/" + file.short_path
