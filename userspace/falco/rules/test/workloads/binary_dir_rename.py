"""Binary dir file removed or renamed. A scratch program in /usr/local/bin and one in the
scratch directory (copied before the recording). Trigger: mv renames the one in /usr/local/bin.
Clean: mv renames the other."""
import os
import shutil

RULE = "Binary dir file removed or renamed"

SCRATCH = "/usr/local/bin/falco-rules-test"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)
    shutil.copy("/usr/bin/true", SCRATCH)
    shutil.copy("/usr/bin/true", w.path("bin", "falco-rules-test"))


def trigger(w):
    w.run("mv", SCRATCH, SCRATCH + ".old")


def clean(w):
    w.run("mv", w.path("bin", "falco-rules-test"), w.path("bin", "falco-rules-test.old"))


def teardown(w):
    w.remove(SCRATCH)
    w.remove(SCRATCH + ".old")
