"""Write below root. Trigger: touch creates a scratch file in /root. Clean: the same below a
scratch directory whose path contains "/root/" without starting with it."""
import os

RULE = "Write below root"

SCRATCH = "/root/falco-rules-test"


def setup(w):
    os.makedirs(w.path("root"), exist_ok=True)


def trigger(w):
    w.run("touch", SCRATCH)


def clean(w):
    w.run("touch", w.path("root", "falco-rules-test"))


def teardown(w):
    w.remove(SCRATCH)
