"""Write below binary dir. Trigger: cp drops a program into /usr/local/bin. Clean: cp drops it
into a bin directory below the scratch directory."""
import os

RULE = "Write below binary dir"

SCRATCH = "/usr/local/bin/falco-rules-test"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)


def trigger(w):
    w.run("cp", "/usr/bin/true", SCRATCH)


def clean(w):
    w.run("cp", "/usr/bin/true", w.path("bin", "falco-rules-test"))


def teardown(w):
    w.remove(SCRATCH)
