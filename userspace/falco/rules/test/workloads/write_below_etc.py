"""Write below etc. Trigger: touch creates a scratch file in /etc. Clean: the same below a
scratch directory whose path contains "/etc/" without starting with it."""
import os

RULE = "Write below etc"

SCRATCH = "/etc/falco-rules-test.conf"


def setup(w):
    os.makedirs(w.path("etc"), exist_ok=True)


def trigger(w):
    w.run("touch", SCRATCH)


def clean(w):
    w.run("touch", w.path("etc", "falco-rules-test.conf"))


def teardown(w):
    w.remove(SCRATCH)
