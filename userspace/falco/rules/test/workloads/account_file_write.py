"""Account or sudo configuration opened for writing. Trigger: python3 opens /etc/passwd for
appending and closes it, writing nothing. Clean: python3 opens /etc/passwd for reading."""
RULE = "Account or sudo configuration opened for writing"


def trigger(w):
    w.py("open('/etc/passwd', 'a').close()")


def clean(w):
    w.py("open('/etc/passwd').close()")
