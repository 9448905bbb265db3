"""File created below dev. Trigger: touch creates a file in /dev. Clean: touch creates one in
/dev/shm."""
import os

RULE = "File created below dev"

IN_DEV = "/dev/falco-rules-test"
IN_SHM = "/dev/shm/falco-rules-test"


def trigger(w):
    w.run("touch", IN_DEV)


def clean(w):
    w.run("touch", IN_SHM)


def teardown(w):
    for path in (IN_DEV, IN_SHM):
        if os.path.lexists(path):
            os.unlink(path)
