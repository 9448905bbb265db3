"""Reverse shell. The runner listens on a loopback port (before the recording). Trigger: bash
connects to it through /dev/tcp and makes the connection its stdout, stderr and stdin. Clean:
bash makes a scratch file its stdout, stderr and stdin."""
import socket

RULE = "Reverse shell"


def setup(w):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    w.state["listener"] = listener


def trigger(w):
    port = w.state["listener"].getsockname()[1]
    w.run("bash", "-c", "exec 1>/dev/tcp/127.0.0.1/%d 2>&1 0<&1; echo connected" % port)


def clean(w):
    w.run("bash", "-c", "exec 1>%s 2>&1 0<&1; echo not connected" % w.path("out.txt"))


def teardown(w):
    w.state["listener"].close()
