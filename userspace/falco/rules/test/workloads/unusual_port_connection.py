"""Shell or interpreter connected to unusual port. The runner listens on the machine's first
global IPv4 address (before the recording). Trigger: python3 connects to it on a random high
port. Clean: on an ordinary web port (443, else 8443 or 8080)."""
import socket
import subprocess

RULE = "Shell or interpreter connected to unusual port"


def global_address():
    out = subprocess.run(["ip", "-4", "-o", "addr", "show", "scope", "global"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if "inet" in fields:
            return fields[fields.index("inet") + 1].split("/")[0]
    raise RuntimeError("no global IPv4 address to connect to")


def setup(w):
    address = global_address()
    ports = [0] if w.variant == "trigger" else [443, 8443, 8080]
    for port in ports:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind((address, port))
        except OSError:
            listener.close()
            continue
        listener.listen(4)
        w.state["listener"] = listener
        return
    raise RuntimeError("no free port among %s on %s" % (ports, address))


def connect(w):
    address, port = w.state["listener"].getsockname()[:2]
    w.py("import socket; socket.create_connection((%r, %d)).close()" % (address, port))


trigger = connect
clean = connect


def teardown(w):
    w.state["listener"].close()
