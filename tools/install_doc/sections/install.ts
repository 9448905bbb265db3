import type { DocContext } from "../context";
import type { Block, Section } from "../document";
import { commands, paragraph } from "../document";

function packageInstall(ctx: DocContext): Block[] {
  const { artifact } = ctx;
  const files = [...artifact.depends.map((d) => ctx.siblingFile(d) ?? d), artifact.file];
  const local = files.map((f) => `./${f}`).join(" ");
  if (artifact.kind === "deb") {
    return [
      paragraph("From the folder holding the files, with apt, which also fetches anything else missing from your repositories:"),
      commands(`sudo apt-get install ${local}`),
      paragraph("Or with dpkg alone:"),
      commands(`sudo dpkg -i ${files.join(" ")}`),
    ];
  }
  return [
    paragraph("From the folder holding the files, with the package manager of your system:"),
    commands(`sudo dnf install ${local}`, `sudo yum install ${local}`, `sudo zypper install ${local}`),
    paragraph("Or with rpm alone:"),
    commands(`sudo rpm -i ${files.join(" ")}`),
  ];
}

/** The top-level folders of a tarball's payload (`usr`, `etc`), which get copied onto the system. */
function payloadRoots(ctx: DocContext): string[] {
  const roots = ctx.artifact.contents
    .map((c) => c.path.split("/")[1] ?? "")
    .filter((root) => root && root !== "INSTALL" && root !== "driver");
  return [...new Set(roots)];
}

function tarballInstall(ctx: DocContext): Block[] {
  const top = ctx.topFolder;
  const unpack = `tar -xzf ${ctx.artifact.file}`;
  if (ctx.isSource) {
    return [
      paragraph("Unpack it and build every artifact with the same command as the repository's README:"),
      commands(unpack, `cd ${top}`, "bash tools/setup/run.sh build"),
      paragraph("The packages land in `bazel-bin/packaging/`; install the ones you want with their own INSTALL."),
    ];
  }
  if (ctx.isLibrary) {
    return [
      paragraph("Unpack it and copy the library, headers and pkg-config file below /usr/local:"),
      commands(unpack, `sudo cp -a ${top}/usr/. /usr/local/`, ...(ctx.ships("/usr/lib/" + ctx.artifact.name + ".so.0") ? ["sudo ldconfig"] : [])),
    ];
  }
  const blocks = [
    paragraph("Unpack it and copy its files onto the system:"),
    commands(unpack, `sudo cp -a ${payloadRoots(ctx).map((r) => `${top}/${r}`).join(" ")} /`),
  ];
  if (ctx.ships("/driver/Makefile")) {
    blocks.push(paragraph("Build the drivers from the sources it carries, then load the kernel module:"), commands(`make -C ${top}/driver`, `sudo insmod ${top}/driver/kmod/falco.ko`));
  }
  return blocks;
}

function afterInstall(ctx: DocContext): Block[] {
  const { artifact } = ctx;
  const blocks: Block[] = [];
  if (artifact.properties.includes("kernel-module")) {
    blocks.push(
      paragraph("Installing builds the module for the running kernel (with DKMS when it is there) and loads it. After a kernel upgrade, or to retry, run the loader yourself:"),
      commands("sudo falco-driver-loader"),
    );
  } else if (ctx.ships("/usr/bin/falco-driver-loader")) {
    const mode = artifact.file.startsWith("falco-driver-download") ? " --download" : "";
    blocks.push(paragraph("Then install the driver for the running kernel:"), commands(`sudo falco-driver-loader${mode}`));
  }
  if (artifact.properties.includes("daemon")) {
    blocks.push(paragraph("Start the service now and at every boot:"), commands("sudo systemctl enable --now falco"));
  }
  return blocks;
}

/** How to install it with its own package manager (or tar). */
export function installSection(ctx: DocContext): Section {
  return {
    title: "Install",
    blocks: [...(ctx.isTarball ? tarballInstall(ctx) : packageInstall(ctx)), ...afterInstall(ctx)],
  };
}
