"""Scheduled task file changed. Trigger: touch creates an (empty) file in /etc/cron.d. Clean:
cat reads a file of /etc/cron.d (created before the recording)."""
import os

RULE = "Scheduled task file changed"

CRON_DIR = "/etc/cron.d"
SCRATCH = CRON_DIR + "/falco-rules-test"


def setup(w):
    if not os.path.isdir(CRON_DIR):
        os.mkdir(CRON_DIR)
        w.state["created_dir"] = True
    if w.variant == "clean":
        w.write(SCRATCH, "# falco rules test: no jobs\n")


def trigger(w):
    w.run("touch", SCRATCH)


def clean(w):
    w.run("cat", SCRATCH)


def teardown(w):
    w.remove(SCRATCH)
    if w.state.get("created_dir"):
        os.rmdir(CRON_DIR)
