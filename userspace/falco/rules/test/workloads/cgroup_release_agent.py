"""Cgroup release agent written in container. The runner, in a docker-style cgroup, opens the
release_agent file of a cgroup v1 hierarchy. Trigger: for writing (it writes nothing). Clean:
for reading."""
import glob
import os

RULE = "Cgroup release agent written in container"
CONTAINER = True


def setup(w):
    agents = sorted(glob.glob("/sys/fs/cgroup/*/release_agent"))
    if not agents:
        raise RuntimeError("no cgroup v1 release_agent file on this machine")
    w.state["agent"] = agents[0]


def trigger(w):
    os.close(os.open(w.state["agent"], os.O_WRONLY))


def clean(w):
    os.close(os.open(w.state["agent"], os.O_RDONLY))
