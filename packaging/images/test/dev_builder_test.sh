#!/usr/bin/env bash
# falcosecurity/dev-builder under runc: the toolchain it promises works inside it. gcc and clang
# compile and run a C program, g++ a C++ one, make drives a build, node runs a script, bazel
# builds a genrule, and the Debian kernel's headers build a kernel module with kbuild.
#
# dev_builder_test.sh IMAGE
source packaging/images/test/lib.sh
image=$1

unpack_image "$image" dev-builder
work="$scratch/work"
mkdir -p "$work/module"
cat >"$work/hello.c" <<'C'
#include <stdio.h>
int main(void) { printf("hello from %s\n", __VERSION__); return 0; }
C
cat >"$work/hello.cc" <<'CXX'
#include <iostream>
#include <string_view>
int main() { std::cout << std::string_view("hello from c++17") << '\n'; }
CXX
cat >"$work/Makefile" <<'MAKE'
all: hello-gcc hello-clang hello-cxx
hello-gcc: hello.c
	cc -O2 -o $@ $<
hello-clang: hello.c
	clang -O2 -o $@ $<
hello-cxx: hello.cc
	c++ -std=c++17 -O2 -o $@ $<
MAKE
cat >"$work/module/hello_mod.c" <<'C'
#include <linux/module.h>
static int __init hello_init(void) { return 0; }
static void __exit hello_exit(void) {}
module_init(hello_init);
module_exit(hello_exit);
MODULE_LICENSE("GPL");
C
echo 'obj-m := hello_mod.o' >"$work/module/Kbuild"

configure --mount "$work:/work" -- /bin/bash -euc '
cd /work
make -s
./hello-gcc && ./hello-clang && ./hello-cxx
node -e "console.log(\"node \" + process.version)"
mkdir -p /tmp/ws && cd /tmp/ws && touch WORKSPACE
echo "genrule(name = \"x\", outs = [\"x.txt\"], cmd = \"echo built by bazel > \$@\")" >BUILD
bazel --batch --output_user_root=/tmp/bazel-root build --spawn_strategy=local //:x >/tmp/bazel.log 2>&1 || { cat /tmp/bazel.log; exit 1; }
cat bazel-bin/x.txt
cd /work
krel=$(ls /usr/src | sed -n "s/^linux-headers-\(.*-amd64\)$/\1/p")
make -s -C /usr/src/linux-headers-$krel M=/work/module modules
echo "vermagic: $(grep -ao "vermagic=[^[:cntrl:]]*" /work/module/hello_mod.ko)"
'
run_container toolchain
expect_status 0
expect_out "hello from 12."
expect_out "hello from Debian Clang 14."
expect_out "hello from c++17"
expect_out "node v18."
expect_out "built by bazel"
expect_out "vermagic=6.1.0-56-amd64 SMP preempt mod_unload modversions"

finish
