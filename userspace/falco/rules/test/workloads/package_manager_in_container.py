"""Package manager in container. The runner, in a docker-style cgroup, starts a program.
Trigger: apt-get --version. Clean: dpkg-query -W coreutils (a query tool, no package
manager)."""
RULE = "Package manager in container"
CONTAINER = True


def trigger(w):
    w.run("apt-get", "--version")


def clean(w):
    w.run("dpkg-query", "-W", "coreutils")
