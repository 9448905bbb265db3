"""Shell configuration file changed. Trigger: sh appends an alias to the .bashrc of the scratch
home. Clean: sh sources that .bashrc (opens it for reading)."""
RULE = "Shell configuration file changed"


def setup(w):
    w.write(w.home + "/.bashrc", "# falco rules test\n")


def trigger(w):
    w.sh("echo \"alias ll='ls -l'\" >> \"$HOME/.bashrc\"")


def clean(w):
    w.sh(". \"$HOME/.bashrc\"")
