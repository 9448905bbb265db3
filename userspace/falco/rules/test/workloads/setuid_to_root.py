"""Non-root process setuid to root. setpriv starts python3 as nobody (uid 65534). Trigger: it
calls setuid(0), which fails. Clean: it calls setuid(65534), its own uid."""
RULE = "Non-root process setuid to root"

CODE = """
import os
try:
    os.setuid({uid})
except PermissionError:
    pass
"""


def as_nobody(w, uid):
    w.run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
          "/usr/bin/python3", "-I", "-B", "-c", CODE.format(uid=uid))


def trigger(w):
    as_nobody(w, 0)


def clean(w):
    as_nobody(w, 65534)
