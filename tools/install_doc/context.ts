import type { Artifact, Driver, Manifest } from "../manifest/manifest";

/** What every section needs: the artifact, its siblings in the manifest, and facts derived from them. */
export class DocContext {
  constructor(
    readonly artifact: Artifact,
    readonly manifest: Manifest,
  ) {}

  get isTarball(): boolean {
    return this.artifact.kind === "tar.gz";
  }

  /** The folder a tarball unpacks into: its file name without `.tar.gz`. */
  get topFolder(): string {
    return this.artifact.file.replace(/\.tar\.gz$/, "");
  }

  /** Whether it ships a file at exactly this path. */
  ships(path: string): boolean {
    return this.artifact.contents.some((c) => c.path === path);
  }

  get shipsFalco(): boolean {
    return this.ships("/usr/bin/falco");
  }

  /** A libscap or libsinsp artifact (falco's tarballs carry the shared libraries too, but are not libraries). */
  get isLibrary(): boolean {
    return !this.shipsFalco && this.artifact.contents.some((c) => /\.(so|a)(\.\d+)*$/.test(c.path));
  }

  /** Whether it carries the kernel module's source, to be built on the target machine. */
  get buildsKernelModule(): boolean {
    return this.artifact.contents.some((c) => c.path.startsWith("/usr/src/") || c.path === "/driver/");
  }

  get isSource(): boolean {
    return this.ships("/");
  }

  /** The file of a sibling artifact of the same kind (`falco-module` → `falco-module-0.1.0-x86_64.deb`). */
  siblingFile(name: string): string | undefined {
    return this.manifest.artifacts.find((a) => a.name === name && a.kind === this.artifact.kind)?.file;
  }

  /** The package that provides a driver, in this artifact's format (a tarball's user picks deb or rpm). */
  driverPackage(driver: Driver): string {
    const name = DRIVERS[driver].packageName;
    const kinds = this.isTarball ? ["deb", "rpm"] : [this.artifact.kind];
    const files = this.manifest.artifacts.filter((a) => a.name === name && kinds.includes(a.kind)).map((a) => `\`${a.file}\``);
    return files.length > 0 ? files.join(" or ") : `\`${name}\``;
  }

  /** Paths as the user finds them: inside the unpacked folder for a tarball, absolute otherwise. */
  where(path: string): string {
    return this.isTarball ? `${this.topFolder}${path}` : path;
  }
}

/** What the user needs to know about each driver. */
export const DRIVERS: Record<Driver, { title: string; packageName: string; engineKind: string }> = {
  kmod: { title: "the kernel module", packageName: "falco-module", engineKind: "kmod" },
  bpf: { title: "the eBPF probe", packageName: "falco-bpf", engineKind: "ebpf" },
  ptrace: { title: "the ptrace driver", packageName: "falco-ptrace", engineKind: "ptrace" },
};

/** Where falco's configuration lives once installed. */
export const FALCO_YAML = "/etc/falco/falco.yaml";
