"""Ptrace attach to process. python3 forks a child that sleeps. Trigger: the parent attaches to
it with PTRACE_ATTACH, waits, detaches and ends it. Clean: the child itself asks to be traced
(PTRACE_TRACEME) and exits."""
RULE = "Ptrace attach to process"

TRIGGER = """
import ctypes, os, signal, time
libc = ctypes.CDLL(None, use_errno=True)
pid = os.fork()
if pid == 0:
    time.sleep(5)
    os._exit(0)
libc.ptrace(16, pid, None, None)  # PTRACE_ATTACH
os.waitpid(pid, 0)
libc.ptrace(17, pid, None, None)  # PTRACE_DETACH
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
"""

CLEAN = """
import ctypes, os
libc = ctypes.CDLL(None, use_errno=True)
pid = os.fork()
if pid == 0:
    libc.ptrace(0, 0, None, None)  # PTRACE_TRACEME
    os._exit(0)
os.waitpid(pid, 0)
"""


def trigger(w):
    w.py(TRIGGER)


def clean(w):
    w.py(CLEAN)
