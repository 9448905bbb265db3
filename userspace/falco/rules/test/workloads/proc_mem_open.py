"""Process memory opened through proc. python3 starts a sleep. Trigger: it opens the sleep's
/proc/PID/mem for reading (reads nothing). Clean: it opens the sleep's /proc/PID/status."""
RULE = "Process memory opened through proc"

CODE = """
import subprocess
child = subprocess.Popen(["sleep", "5"])
open("/proc/%d/{name}" % child.pid, "rb").close()
child.kill()
child.wait()
"""


def trigger(w):
    w.py(CODE.format(name="mem"))


def clean(w):
    w.py(CODE.format(name="status"))
