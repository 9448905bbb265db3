import type { DocContext } from "../context";
import type { Section } from "../document";
import { commands, paragraph } from "../document";

/** How to check that the installation worked. */
export function verifySection(ctx: DocContext): Section {
  const { artifact } = ctx;
  const checks: string[] = [];
  if (artifact.kind === "deb") {
    checks.push(`dpkg -s ${artifact.name}`, `dpkg -L ${artifact.name}`);
  } else if (artifact.kind === "rpm") {
    checks.push(`rpm -q ${artifact.name}`, `rpm -ql ${artifact.name}`);
  } else if (!ctx.isSource) {
    checks.push(`ls -R ${ctx.topFolder}`);
  }
  if (ctx.shipsFalco) {
    checks.push(ctx.isTarball && ctx.ships("/driver/Makefile") ? `${ctx.topFolder}/usr/bin/falco --version` : "falco --version");
  }
  if (artifact.properties.includes("daemon")) {
    checks.push("systemctl status falco", "ls -l /run/falco/falco.sock");
  }
  if (artifact.properties.includes("kernel-module") || ctx.ships("/usr/bin/falco-driver-loader")) {
    checks.push("lsmod | grep falco");
  }
  if (artifact.properties.includes("ebpf-probe")) {
    checks.push("ls -l /usr/share/falco/bpf/falco.bpf.o", "sudo falco -o engine.kind=ebpf -M 5");
  }
  if (artifact.properties.includes("ptrace-driver")) {
    checks.push("falco-ptrace -- true");
  }
  if (ctx.isLibrary) {
    const path = ctx.isTarball ? "PKG_CONFIG_PATH=/usr/local/lib/pkgconfig " : "";
    checks.push(`${path}pkg-config --modversion --cflags --libs${artifact.name.endsWith("-static") ? " --static" : ""} ${artifact.name.replace(/-static$/, "")}`);
  }
  if (ctx.isSource) {
    checks.push(`cd ${ctx.topFolder} && bash tools/setup/run.sh test`);
  }
  return {
    title: "Verify",
    blocks: [paragraph(ctx.isSource ? "Run every test of the tree:" : "Each of these should succeed:"), commands(...checks)],
  };
}
