"""Log file cleared. A scratch log in /var/log (created before the recording). Trigger: sh
empties it with a '>' redirection (O_TRUNC). Clean: sh appends a line to it ('>>')."""
RULE = "Log file cleared"

LOG = "/var/log/falco-rules-test.log"


def setup(w):
    w.write(LOG, "falco rules test: first line\n", 0o640)


def trigger(w):
    w.sh(": > " + LOG)


def clean(w):
    w.sh("echo 'falco rules test: second line' >> " + LOG)


def teardown(w):
    w.remove(LOG)
