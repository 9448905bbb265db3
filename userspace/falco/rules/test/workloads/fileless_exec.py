"""Program run from file descriptor. Trigger: python3 copies true into a memfd and starts it as
/proc/self/fd/N (fexecve-style). Clean: python3 starts /usr/bin/true from its path."""
RULE = "Program run from file descriptor"

TRIGGER = """
import os
fd = os.memfd_create("falco-rules-test", 0)
with open("/usr/bin/true", "rb") as f:
    os.write(fd, f.read())
pid = os.fork()
if pid == 0:
    os.execv("/proc/self/fd/%d" % fd, ["frtool"])
os.waitpid(pid, 0)
"""

CLEAN = """
import os
pid = os.fork()
if pid == 0:
    os.execv("/usr/bin/true", ["frtool"])
os.waitpid(pid, 0)
"""


def trigger(w):
    w.py(TRIGGER)


def clean(w):
    w.py(CLEAN)
