"""Link to sensitive file created. Trigger: ln -s /etc/shadow into the scratch directory. Clean:
ln -s /etc/hostname there."""
RULE = "Link to sensitive file created"


def trigger(w):
    w.run("ln", "-s", "/etc/shadow", w.path("shadow-link"))


def clean(w):
    w.run("ln", "-s", "/etc/hostname", w.path("hostname-link"))
