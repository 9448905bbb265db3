"""Decoded payload piped to shell. Trigger: bash runs echo BASE64 | base64 -d | sh (the payload
is `echo decoded`). Clean: bash runs echo BASE64 | base64 -d | wc -c."""
RULE = "Decoded payload piped to shell"

PAYLOAD = "ZWNobyBkZWNvZGVkCg=="  # echo decoded


def trigger(w):
    w.run("bash", "-c", "echo %s | base64 -d | sh" % PAYLOAD)


def clean(w):
    w.run("bash", "-c", "echo %s | base64 -d | wc -c" % PAYLOAD)
