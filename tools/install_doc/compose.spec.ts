import { readFileSync } from "node:fs";
import type { Artifact } from "../manifest/manifest";
import { isInstallable, parseManifest } from "../manifest/manifest";
import { composeInstallDoc } from "./compose";
import { renderMarkdown, renderText } from "./render";

const MANIFEST_PATH = "packaging/artifacts.json";
const manifest = parseManifest(readFileSync(MANIFEST_PATH, "utf8"), MANIFEST_PATH);

function markdown(file: string): string {
  const artifact = manifest.artifacts.find((a) => a.file === file);
  if (artifact === undefined) {
    throw new Error(`${file} is not in the manifest`);
  }
  return renderMarkdown(composeInstallDoc(artifact, manifest));
}

function fileOf(name: string, kind: string): string {
  return manifest.artifacts.find((a) => a.name === name && a.kind === kind)?.file ?? `(no ${kind} of ${name})`;
}

describe("every INSTALL", () => {
  for (const artifact of manifest.artifacts.filter(isInstallable)) {
    describe(artifact.file, () => {
      const doc = composeInstallDoc(artifact, manifest);
      const text = renderText(doc);
      const md = renderMarkdown(doc);

      it("names each file the artifact ships", () => {
        for (const entry of artifact.contents) {
          const path = artifact.kind === "tar.gz" ? entry.path.slice(1) : entry.path;
          if (path) {
            expect(md).withContext(entry.path).toContain(`\`${path}\``);
          }
        }
      });

      it("names the file it installs from and every package it depends on", () => {
        expect(md).toContain(artifact.file);
        for (const dependency of artifact.depends) {
          expect(md).toContain(fileOf(dependency, artifact.kind));
        }
      });

      it("has the sections a user looks for, in order", () => {
        const titles = doc.sections.map((s) => s.title);
        expect(titles).toEqual(["What is inside", "Prerequisites", "Install", "Driver", "Verify", "Uninstall"]);
      });

      it("installs, verifies and removes it with its own tools", () => {
        const tools: Record<string, RegExp[]> = {
          deb: [/sudo apt-get install \.\//, /sudo dpkg -i /, /dpkg -s /, /sudo apt-get remove /],
          rpm: [/sudo dnf install \.\//, /sudo rpm -i /, /rpm -q /, /sudo rpm -e /],
          "tar.gz": [/tar -xzf /, /rm -rf /],
        };
        for (const tool of tools[artifact.kind] ?? []) {
          expect(md).toMatch(tool);
        }
      });

      it("keeps plain-text lines within 78 columns and drops the Markdown marks", () => {
        for (const line of text.split("\n")) {
          expect(line.length).withContext(line).toBeLessThanOrEqual(78);
        }
        expect(text).not.toContain("```");
        expect(text).not.toContain("`");
      });
    });
  }
});

describe("what each INSTALL says that no other does", () => {
  it("tells falco's deb which driver it uses and how to switch", () => {
    const md = markdown("falco-0.1.0-x86_64.deb");
    expect(md).toContain("falco here captures with the kernel module (`engine.kind: kmod` in /etc/falco/falco.yaml)");
    expect(md).toContain("install `falco-bpf-0.1.0-x86_64.deb`, then set `engine.kind: ebpf`");
    expect(md).toContain("sudo apt-get install ./falco-module-0.1.0-x86_64.deb ./libscap-0.1.0-x86_64.deb ./libsinsp-0.1.0-x86_64.deb ./falco-0.1.0-x86_64.deb");
    expect(md).toContain("`falco-daemon` must not be installed");
  });

  it("tells the daemon package how to start and stop the service and where its socket is", () => {
    const md = markdown("falco-daemon-0.1.0-x86_64.rpm");
    expect(md).toContain("sudo systemctl enable --now falco");
    expect(md).toContain("sudo systemctl disable --now falco");
    expect(md).toContain("ls -l /run/falco/falco.sock");
  });

  it("tells the module package about kernel headers and the loader", () => {
    const md = markdown("falco-module-0.1.0-x86_64.rpm");
    expect(md).toContain("sudo dnf install kernel-devel-$(uname -r) gcc make");
    expect(md).toContain("sudo falco-driver-loader");
    expect(md).toContain("This package is the kernel module");
    expect(md).toContain("sudo rmmod falco");
  });

  it("tells the bpf package about BTF, and the ptrace package about ptrace_scope", () => {
    expect(markdown("falco-bpf-0.1.0-x86_64.deb")).toContain("/sys/kernel/btf/vmlinux");
    expect(markdown("falco-ptrace-0.1.0-x86_64.deb")).toContain("/proc/sys/kernel/yama/ptrace_scope");
  });

  it("installs a library tarball below /usr/local and checks it with pkg-config", () => {
    const md = markdown("libsinsp-0.1.0-x86_64.tar.gz");
    expect(md).toContain("sudo cp -a libsinsp-0.1.0-x86_64/usr/. /usr/local/");
    expect(md).toContain("sudo ldconfig");
    expect(md).toContain("PKG_CONFIG_PATH=/usr/local/lib/pkgconfig pkg-config --modversion --cflags --libs libsinsp");
    expect(markdown("libsinsp-static-0.1.0-x86_64.tar.gz")).not.toContain("ldconfig");
  });

  it("runs the loader in download mode for the download tarball only", () => {
    expect(markdown("falco-driver-download-0.1.0-x86_64.tar.gz")).toContain("sudo falco-driver-loader --download");
    expect(markdown("falco-driver-full-0.1.0-x86_64.tar.gz")).not.toContain("--download");
  });

  it("builds the drivers of the driver-src tarball with its Makefile", () => {
    expect(markdown("falco-driver-src-0.1.0-x86_64.tar.gz")).toContain("make -C falco-driver-src-0.1.0-x86_64/driver");
  });

  it("builds the source tarball with the README's command", () => {
    const md = markdown("falco-src-0.1.0-x86_64.tar.gz");
    expect(md).toContain("bash tools/setup/run.sh build");
    expect(md).not.toContain("falco --version");
  });

  it("differs for every artifact", () => {
    const docs = manifest.artifacts.filter(isInstallable).map((a: Artifact) => renderMarkdown(composeInstallDoc(a, manifest)));
    expect(new Set(docs).size).toBe(docs.length);
  });
});
