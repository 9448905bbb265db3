"""Search for private keys or passwords. Trigger: find looks for id_rsa files below the scratch
home. Clean: find looks for *.log files there."""
RULE = "Search for private keys or passwords"


def trigger(w):
    w.run("find", w.home, "-name", "id_rsa")


def clean(w):
    w.run("find", w.home, "-name", "*.log")
