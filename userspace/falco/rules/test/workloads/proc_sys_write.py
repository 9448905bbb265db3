"""Kernel parameter written in container. The runner, in a docker-style cgroup, opens
/proc/sys/kernel/core_pattern. Trigger: for writing (it writes nothing). Clean: for reading."""
import os

RULE = "Kernel parameter written in container"
CONTAINER = True

PARAMETER = "/proc/sys/kernel/core_pattern"


def trigger(w):
    os.close(os.open(PARAMETER, os.O_WRONLY))


def clean(w):
    os.close(os.open(PARAMETER, os.O_RDONLY))
