"""Read SSH private key. The scratch home has a .ssh directory with a dummy id_ed25519 (no key
in it) and its .pub. Trigger: cat reads id_ed25519. Clean: cat reads id_ed25519.pub."""
import os

RULE = "Read SSH private key"


def setup(w):
    ssh = os.path.join(w.home, ".ssh")
    os.makedirs(ssh, mode=0o700, exist_ok=True)
    w.write(os.path.join(ssh, "id_ed25519"), "not a key: falco rules test\n", 0o600)
    w.write(os.path.join(ssh, "id_ed25519.pub"), "ssh-ed25519 AAAA falco-rules-test\n")


def trigger(w):
    w.run("cat", os.path.join(w.home, ".ssh", "id_ed25519"))


def clean(w):
    w.run("cat", os.path.join(w.home, ".ssh", "id_ed25519.pub"))
