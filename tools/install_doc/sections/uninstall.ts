import type { DocContext } from "../context";
import type { Block, Section } from "../document";
import { commands, paragraph } from "../document";

function tarballRemoval(ctx: DocContext): Block[] {
  if (ctx.isSource) {
    return [paragraph("Delete the unpacked folder:"), commands(`rm -rf ${ctx.topFolder}`)];
  }
  const prefix = ctx.isLibrary ? "/usr/local" : "";
  const installed = ctx.artifact.contents
    .map((c) => c.path)
    .filter((p) => p !== "/INSTALL" && !p.startsWith("/driver"))
    .map((p) => (ctx.isLibrary ? p.replace(/^\/usr/, prefix) : p));
  return [
    paragraph("Delete the files it copied, then the unpacked folder:"),
    commands(`sudo rm -rf ${installed.join(" ")}`, `rm -rf ${ctx.topFolder}`),
  ];
}

/** How to remove it again. */
export function uninstallSection(ctx: DocContext): Section {
  const { artifact } = ctx;
  const hasConfig = artifact.contents.some((c) => c.path.startsWith("/etc/"));
  let blocks: Block[];
  if (artifact.kind === "deb") {
    blocks = [paragraph("With apt:"), commands(`sudo apt-get remove ${artifact.name}`)];
    if (hasConfig) {
      blocks.push(paragraph("`remove` keeps the configuration in /etc/falco; `purge` deletes it too:"), commands(`sudo apt-get purge ${artifact.name}`));
    }
  } else if (artifact.kind === "rpm") {
    blocks = [paragraph("With the package manager, or with rpm alone:"), commands(`sudo dnf remove ${artifact.name}`, `sudo rpm -e ${artifact.name}`)];
    if (hasConfig) {
      blocks.push(paragraph("Configuration files you changed are kept with the suffix `.rpmsave`."));
    }
  } else {
    blocks = tarballRemoval(ctx);
  }
  if (artifact.properties.includes("kernel-module")) {
    blocks.push(paragraph("Removing the package unloads the module; if falco still holds it, stop falco first or run:"), commands("sudo rmmod falco"));
  }
  if (artifact.properties.includes("daemon")) {
    blocks.unshift(paragraph("Stop the service first:"), commands("sudo systemctl disable --now falco"));
  }
  return { title: "Uninstall", blocks };
}
