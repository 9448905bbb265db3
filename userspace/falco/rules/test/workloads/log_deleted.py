"""Log file deleted. Trigger: rm deletes a scratch log in /var/log. Clean: rm deletes a scratch
log in the scratch directory. Both are created before the recording."""
RULE = "Log file deleted"

LOG = "/var/log/falco-rules-test.log"


def setup(w):
    w.write(LOG, "falco rules test\n", 0o640)
    w.write(w.path("falco-rules-test.log"), "falco rules test\n", 0o640)


def trigger(w):
    w.run("rm", LOG)


def clean(w):
    w.run("rm", w.path("falco-rules-test.log"))


def teardown(w):
    w.remove(LOG)
