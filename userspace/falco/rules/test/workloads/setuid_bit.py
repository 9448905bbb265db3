"""Setuid or setgid bit set. A scratch copy of true (made before the recording). Trigger: chmod
u+s on it. Clean: chmod 0755 on it."""
import os
import shutil

RULE = "Setuid or setgid bit set"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)
    shutil.copy("/usr/bin/true", w.path("bin", "falco-rules-test"))


def trigger(w):
    w.run("chmod", "u+s", w.path("bin", "falco-rules-test"))


def clean(w):
    w.run("chmod", "0755", w.path("bin", "falco-rules-test"))
