"""Read sensitive file by untrusted program. Trigger: python3 opens /etc/shadow for reading and
closes it without reading (the capture holds no hashes). Clean: the same with /etc/passwd."""
RULE = "Read sensitive file by untrusted program"


def trigger(w):
    w.py("open('/etc/shadow', 'rb').close()")


def clean(w):
    w.py("open('/etc/passwd', 'rb').close()")
