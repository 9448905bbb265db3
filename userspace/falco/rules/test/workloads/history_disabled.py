"""Shell history disabled. Trigger: bash starts with HISTFILE=/dev/null in its environment.
Clean: bash starts with HISTFILE naming a file in the scratch home."""
RULE = "Shell history disabled"


def trigger(w):
    w.run("bash", "-c", "true", env={"HISTFILE": "/dev/null"})


def clean(w):
    w.run("bash", "-c", "true", env={"HISTFILE": w.home + "/.bash_history"})
