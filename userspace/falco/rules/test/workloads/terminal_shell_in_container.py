"""Terminal shell in container. The runner, in a docker-style cgroup, starts bash -c 'exit 0'.
Trigger: with a pseudo terminal as its controlling terminal. Clean: without a terminal."""
import os
import pty

RULE = "Terminal shell in container"
CONTAINER = True


def trigger(w):
    pid, master = pty.fork()  # the child is a session leader with the pty as its terminal
    if pid == 0:
        os.execve("/bin/bash", ["bash", "-c", "exit 0"], w.env)
    while True:
        try:
            if not os.read(master, 1024):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(master)


def clean(w):
    w.run("bash", "-c", "exit 0")
