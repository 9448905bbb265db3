"""Program run from temporary directory. A copy of true named frtool in /dev/shm and one in the
scratch directory (below /run), made before the recording. Trigger: the runner starts the one in
/dev/shm. Clean: the one in the scratch directory."""
import os
import shutil

RULE = "Program run from temporary directory"

SHM_DIR = "/dev/shm/falco-rules-test"


def setup(w):
    os.makedirs(SHM_DIR, exist_ok=True)
    os.makedirs(w.path("bin"), exist_ok=True)
    shutil.copy("/usr/bin/true", os.path.join(SHM_DIR, "frtool"))
    shutil.copy("/usr/bin/true", w.path("bin", "frtool"))


def trigger(w):
    w.run(os.path.join(SHM_DIR, "frtool"))


def clean(w):
    w.run(w.path("bin", "frtool"))


def teardown(w):
    shutil.rmtree(SHM_DIR, ignore_errors=True)
