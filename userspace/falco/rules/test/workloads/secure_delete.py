"""Secure deletion tool run. A scratch file (made before the recording). Trigger: shred -u
overwrites and deletes it. Clean: rm deletes it."""
RULE = "Secure deletion tool run"


def setup(w):
    w.write(w.path("secret.txt"), "falco rules test\n")


def trigger(w):
    w.run("shred", "-u", w.path("secret.txt"))


def clean(w):
    w.run("rm", w.path("secret.txt"))
