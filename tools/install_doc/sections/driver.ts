import type { Driver } from "../../manifest/manifest";
import { DRIVERS as DRIVER_LIST } from "../../manifest/manifest";
import type { DocContext } from "../context";
import { DRIVERS, FALCO_YAML } from "../context";
import type { Block, Section } from "../document";
import { commands, list, paragraph } from "../document";

const PROVIDED: Partial<Record<string, Driver>> = {
  "kernel-module": "kmod",
  "ebpf-probe": "bpf",
  "ptrace-driver": "ptrace",
};

function howToUse(ctx: DocContext, driver: Driver): string {
  const { title, engineKind } = DRIVERS[driver];
  if (driver === "ptrace") {
    return `${title}: install ${ctx.driverPackage(driver)} and run \`falco-ptrace -- PROGRAM ARGS\`, which traces that program and its children only`;
  }
  return `${title}: install ${ctx.driverPackage(driver)}, then set \`engine.kind: ${engineKind}\` in ${FALCO_YAML} or run \`falco -o engine.kind=${engineKind}\``;
}

/** Which driver it uses, and how to switch to another. */
export function driverSection(ctx: DocContext): Section {
  const { artifact } = ctx;
  const provided = artifact.properties.map((p) => PROVIDED[p]).find((d) => d !== undefined);
  const blocks: Block[] = [];
  if (provided !== undefined) {
    const { title, engineKind } = DRIVERS[provided];
    blocks.push(paragraph(`This package is ${title}, one of falco's three drivers. falco captures with it when \`engine.kind\` is \`${engineKind}\` in ${FALCO_YAML}:`), commands(`sudo falco -o engine.kind=${engineKind}`));
  } else if (ctx.isLibrary) {
    blocks.push(paragraph(`${artifact.name} carries no driver. Programs built on it choose their event source when they open one: a capture file (no driver needed), or the kernel module, the eBPF probe or the ptrace driver, each shipped in its own package.`));
  } else if (ctx.isSource) {
    blocks.push(paragraph("The sources hold all three drivers: `driver/kmod` (the kernel module), `driver/bpf` (the eBPF probe) and `driver/ptrace` (the ptrace driver). Building gives a package for each."));
  } else if (artifact.driver !== "") {
    const { title, engineKind } = DRIVERS[artifact.driver];
    blocks.push(paragraph(`falco here captures with ${title} (\`engine.kind: ${engineKind}\` in ${FALCO_YAML}).`));
  }
  if (ctx.shipsFalco || provided !== undefined) {
    const others = DRIVER_LIST.filter((d) => d !== (provided ?? artifact.driver));
    blocks.push(
      paragraph("To use another driver:"),
      list([...others.map((d) => howToUse(ctx, d)), "no driver at all: replay a capture file with `falco -e FILE.scap`"]),
    );
  }
  return { title: "Driver", blocks };
}
