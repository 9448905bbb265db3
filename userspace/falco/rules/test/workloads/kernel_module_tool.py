"""Kernel module loaded with insmod or modprobe. No kmod is installed here (and this kernel
takes no modules), and the rule looks at the program start only, so copies of true named insmod
and lsmod stand in. Trigger: insmod SCRATCH/falco_rules_test.ko. Clean: lsmod."""
import os
import shutil

RULE = "Kernel module loaded with insmod or modprobe"


def setup(w):
    os.makedirs(w.path("bin"), exist_ok=True)
    for name in ("insmod", "lsmod"):
        shutil.copy("/usr/bin/true", w.path("bin", name))


def trigger(w):
    w.run(w.path("bin", "insmod"), w.path("falco_rules_test.ko"))


def clean(w):
    w.run(w.path("bin", "lsmod"))
