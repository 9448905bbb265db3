"""Shell history deleted or renamed. Trigger: rm deletes the .bash_history of the scratch home.
Clean: rm deletes another file there."""
RULE = "Shell history deleted or renamed"


def setup(w):
    w.write(w.home + "/.bash_history", "ls\nid\n", 0o600)
    w.write(w.home + "/notes.txt", "nothing\n")


def trigger(w):
    w.run("rm", "-f", w.home + "/.bash_history")


def clean(w):
    w.run("rm", "-f", w.home + "/notes.txt")
