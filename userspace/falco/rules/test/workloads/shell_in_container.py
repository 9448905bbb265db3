"""Shell in container. The runner, in a docker-style cgroup, starts a program. Trigger: sh -c
'exit 0'. Clean: true."""
RULE = "Shell in container"
CONTAINER = True


def trigger(w):
    w.run("sh", "-c", "exit 0")


def clean(w):
    w.run("true")
