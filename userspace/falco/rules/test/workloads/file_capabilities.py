"""File capabilities set. A scratch copy of true (made before the recording). Trigger: setcap
cap_net_raw+ep on it. Clean: getcap reads its capabilities."""
import os
import shutil

RULE = "File capabilities set"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)
    shutil.copy("/usr/bin/true", w.path("bin", "falco-rules-test"))


def trigger(w):
    w.run("setcap", "cap_net_raw+ep", w.path("bin", "falco-rules-test"))


def clean(w):
    w.run("getcap", w.path("bin", "falco-rules-test"))
