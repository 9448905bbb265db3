"""Runs one variant of one rules-test workload, in step with record.sh.

    frwork runner.py WORKLOAD.py trigger|clean CONTROL_DIR SCRATCH_DIR

record.sh starts this under a copy of the Python interpreter named `frwork`, and records the
events of `frwork` and of its descendants only. The steps, each waiting for record.sh through
files and FIFOs in CONTROL_DIR:

1. setup: the workload's `setup(w)`, then, for `CONTAINER = True` workloads, the runner moves
   itself into a docker-style cgroup (`docker/<64 hex>`), so that the capture's process list shows
   it in a container;
2. writes `ready`, then blocks reading the FIFO `go` until the recorder is running;
3. the action: the workload's `trigger(w)` or `clean(w)`;
4. writes `done`, then blocks reading the FIFO `stop` until the recorder has stopped;
5. teardown (not recorded): leaves the cgroup and removes it, then the workload's `teardown(w)`;
   also when record.sh gives up and ends the runner with SIGTERM.

A workload module defines RULE (the rule its trigger variant must fire), optional CONTAINER,
optional setup/teardown, and trigger/clean. Actions run real programs through `w.run` so that
the events carry those programs' names; a few act from the runner itself (in-container actions:
the probe records no cgroups for processes created during the capture, so only the runner, which
exists before it, is seen in the container).
"""
import hashlib
import importlib.util
import os
import signal
import subprocess
import sys

# The environment of every program a workload runs: nothing from the recording machine.
BASE_ENV = {
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
}


class Work:
    """What a workload gets: its scratch directory and helpers that run programs."""

    def __init__(self, scratch, control, slug, variant):
        self.variant = variant
        self.scratch = scratch
        self.control = control
        self.slug = slug
        self.home = os.path.join(scratch, "home")
        self.env = dict(BASE_ENV, HOME=self.home)
        self.state = {}

    def path(self, *parts):
        return os.path.join(self.scratch, *parts)

    def run(self, *argv, env=None, check=True, **kwargs):
        """Runs a program to completion, its output discarded, in the scratch directory."""
        full_env = dict(self.env)
        if env:
            full_env.update(env)
        kwargs.setdefault("stdout", subprocess.DEVNULL)
        kwargs.setdefault("stderr", subprocess.DEVNULL)
        kwargs.setdefault("stdin", subprocess.DEVNULL)
        return subprocess.run(list(argv), env=full_env, cwd=self.scratch, check=check, **kwargs)

    def sh(self, script, shell="/bin/sh", **kwargs):
        return self.run(shell, "-c", script, **kwargs)

    def py(self, code, **kwargs):
        """Runs Debian's python3 (no site, no bytecode files) on `code`."""
        return self.run("/usr/bin/python3", "-I", "-B", "-c", code, **kwargs)

    def write(self, path, text="", mode=0o644):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(path, mode)

    def remove(self, path):
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def container_id(slug):
    """A fixed 64-hex docker id per workload: re-recording gives the same container.id."""
    return hashlib.sha256(("falco-rules-test/" + slug).encode()).hexdigest()


def cgroup_root():
    """The hierarchy to put the fake container in: cgroup v2 if mounted, else v1's pids."""
    for root in ("/sys/fs/cgroup", "/sys/fs/cgroup/unified"):
        if os.path.exists(os.path.join(root, "cgroup.controllers")):
            return root
    return "/sys/fs/cgroup/pids"


class Container:
    """Moves this process into <root>/docker/<id> and back out, removing what it created."""

    def __init__(self, slug):
        self.root = cgroup_root()
        self.parent = os.path.join(self.root, "docker")
        self.path = os.path.join(self.parent, container_id(slug))
        self.created_parent = False

    def enter(self):
        if not os.path.isdir(self.parent):
            os.mkdir(self.parent)
            self.created_parent = True
        os.mkdir(self.path)
        self.entered = True
        with open(os.path.join(self.path, "cgroup.procs"), "w", encoding="ascii") as f:
            f.write(str(os.getpid()))

    def leave(self):
        if not getattr(self, "entered", False):
            return
        with open(os.path.join(self.root, "cgroup.procs"), "w", encoding="ascii") as f:
            f.write(str(os.getpid()))
        os.rmdir(self.path)
        if self.created_parent:
            os.rmdir(self.parent)


def load(path):
    spec = importlib.util.spec_from_file_location("workload", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def signal_file(control, name):
    with open(os.path.join(control, name), "w", encoding="ascii") as f:
        f.write("1\n")


def wait_fifo(control, name):
    with open(os.path.join(control, name), encoding="ascii") as f:
        f.read()


def main(argv):
    if len(argv) != 5 or argv[2] not in ("trigger", "clean"):
        sys.stderr.write("usage: runner.py WORKLOAD.py trigger|clean CONTROL_DIR SCRATCH_DIR\n")
        return 2
    workload_path, variant, control, scratch = argv[1:]
    # record.sh ends a runner it gives up on with SIGTERM: leave through the teardown.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("runner.py: terminated"))
    slug = os.path.basename(workload_path)[: -len(".py")].replace("_", "-")
    module = load(workload_path)
    w = Work(scratch, control, slug, variant)
    os.makedirs(w.home, exist_ok=True)
    os.chdir(scratch)
    container = Container(slug) if getattr(module, "CONTAINER", False) else None
    failed = None
    try:
        if hasattr(module, "setup"):
            module.setup(w)
        if container:
            container.enter()
        signal_file(control, "ready")
        wait_fifo(control, "go")
        try:
            getattr(module, variant)(w)
        except Exception as e:  # reported after the recording stops, never left hanging
            failed = e
        signal_file(control, "done")
        wait_fifo(control, "stop")
    finally:
        if container:
            container.leave()
        if hasattr(module, "teardown"):
            module.teardown(w)
    if failed is not None:
        sys.stderr.write(f"runner.py: {slug} {variant}: {failed!r}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
