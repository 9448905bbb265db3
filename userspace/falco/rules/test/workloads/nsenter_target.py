"""Namespace entered with nsenter. Trigger: nsenter -t RUNNER_PID -u true enters the UTS
namespace of the runner (the one it is already in: nothing changes). Clean: nsenter --version."""
import os

RULE = "Namespace entered with nsenter"


def trigger(w):
    w.run("nsenter", "-t", str(os.getpid()), "-u", "true")


def clean(w):
    w.run("nsenter", "--version")
