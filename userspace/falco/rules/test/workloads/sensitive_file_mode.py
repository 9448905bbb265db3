"""Permissions of sensitive file changed. Trigger: chmod sets /etc/shadow's mode to the mode it
already has (nothing changes). Clean: the same on /etc/hostname."""
import os
import stat

RULE = "Permissions of sensitive file changed"


def same_mode(w, path):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    w.run("chmod", format(mode, "04o"), path)


def trigger(w):
    same_mode(w, "/etc/shadow")


def clean(w):
    same_mode(w, "/etc/hostname")
