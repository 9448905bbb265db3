"""Download piped to shell. A script in the scratch directory, fetched by curl through a file://
URL (no network needed). Trigger: bash runs curl ... | sh. Clean: bash runs curl ... | wc -c."""
RULE = "Download piped to shell"


def setup(w):
    w.write(w.path("install.sh"), "echo installed\n")


def trigger(w):
    w.run("bash", "-c", "curl -fsS file://%s | sh" % w.path("install.sh"))


def clean(w):
    w.run("bash", "-c", "curl -fsS file://%s | wc -c" % w.path("install.sh"))
