import type { ParsedName } from "./name";
import { formatName, parseName } from "./name";

describe("parseName", () => {
  const cases: [string, ParsedName][] = [
    ["falco-daemon-0.1.0-x86_64.deb", { form: "file", base: "falco-daemon", version: "0.1.0", arch: "x86_64", extension: "deb" }],
    ["libscap-static-0.1.0-x86_64.tar.gz", { form: "file", base: "libscap-static", version: "0.1.0", arch: "x86_64", extension: "tar.gz" }],
    ["dev-builder-0.1.0-x86_64.oci.tar", { form: "file", base: "dev-builder", version: "0.1.0", arch: "x86_64", extension: "oci.tar" }],
    ["falco-bpf.rpm", { form: "file", base: "falco-bpf", version: undefined, arch: undefined, extension: "rpm" }],
    ["falco-0.1.0~rc1-amd64.deb", { form: "file", base: "falco", version: "0.1.0~rc1", arch: "amd64", extension: "deb" }],
    ["falcosecurity/falco", { form: "image", repository: "falcosecurity", base: "falco", tag: undefined }],
    ["docker.io/falcosecurity/falco:0.1.0-slim", { form: "image", repository: "docker.io/falcosecurity", base: "falco", tag: "0.1.0-slim" }],
    ["localhost:5000/falcosecurity/falco", { form: "image", repository: "localhost:5000/falcosecurity", base: "falco", tag: undefined }],
    ["falco:stable", { form: "image", repository: "", base: "falco", tag: "stable" }],
    ["falco-module", { form: "base", base: "falco-module" }],
  ];
  for (const [text, parsed] of cases) {
    it(`reads ${text} and writes it back unchanged`, () => {
      expect(parseName(text)).toEqual(parsed);
      expect(formatName(parsed)).toBe(text);
    });
  }
});
