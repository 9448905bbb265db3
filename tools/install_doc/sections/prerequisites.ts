import type { DocContext } from "../context";
import type { Section } from "../document";
import { commands, list, paragraph } from "../document";

const SYSTEMS: Record<string, string> = {
  deb: "A Debian-based x86_64 system (Debian, Ubuntu and their derivatives) with dpkg and apt.",
  rpm: "An RPM-based x86_64 system (Fedora, RHEL and its rebuilds, openSUSE) with rpm and dnf, yum or zypper.",
  "tar.gz": "An x86_64 Linux system with glibc.",
};

function kernelBuildTools(ctx: DocContext): string[] {
  return ctx.artifact.kind === "rpm"
    ? ["sudo dnf install kernel-devel-$(uname -r) gcc make"]
    : ["sudo apt-get install linux-headers-$(uname -r) gcc make"];
}

/** What must be there before installing: the system, the packages it depends on, driver needs. */
export function prerequisitesSection(ctx: DocContext): Section {
  const { artifact } = ctx;
  const needs: string[] = [SYSTEMS[artifact.kind] ?? "", "Root rights (`sudo`) to install."];
  const dependencies = artifact.depends.map((name) => `\`${ctx.siblingFile(name) ?? name}\``);
  if (dependencies.length > 0) {
    needs.push(`The packages it depends on, released beside it: ${dependencies.join(", ")}.`);
  }
  for (const other of ctx.isTarball ? [] : artifact.conflicts) {
    needs.push(`\`${other}\` must not be installed: both ship the same files. Remove it first.`);
  }
  const blocks = [list(needs)];
  if (ctx.buildsKernelModule) {
    blocks.push(paragraph("To build the kernel module for the running kernel: its headers, a compiler and make (and `dkms`, to rebuild the module on kernel upgrades):"), commands(...kernelBuildTools(ctx)));
  }
  if (artifact.properties.includes("ebpf-probe")) {
    blocks.push(paragraph("A kernel with BTF type information (Linux 5.8 or newer; the file `/sys/kernel/btf/vmlinux` exists), which the probe needs to load on any kernel without being rebuilt."));
  }
  if (artifact.properties.includes("ptrace-driver")) {
    blocks.push(paragraph("Permission to trace processes: root, or `/proc/sys/kernel/yama/ptrace_scope` at 0 or 1."));
  }
  if (artifact.properties.includes("daemon")) {
    blocks.push(paragraph("systemd to run it as a service (`/etc/init.d/falco` serves systems without it)."));
  }
  if (ctx.isLibrary) {
    blocks.push(paragraph("To build against it: a C or C++ compiler and `pkg-config`."));
  }
  if (ctx.isSource) {
    blocks.push(paragraph("To build it: Node.js with npm, and on Debian nothing else: `tools/setup/setup.sh` installs Bazel and the rest of the toolchain."));
  }
  return { title: "Prerequisites", blocks };
}
