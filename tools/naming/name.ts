/** File extensions of the artifacts, longest first so that `.tar.gz` wins over `.gz`. */
export const EXTENSIONS = ["oci.tar", "tar.gz", "deb", "rpm"] as const;
export type Extension = (typeof EXTENSIONS)[number];

/** The architecture every artifact is built for. */
export const ARCH = "x86_64";

const VERSION_TOKEN = /^\d+\.\d+\.\d+(?:[.~+][0-9A-Za-z.~+]*)?$/;
const ARCH_TOKEN = /^(?:x86_64|amd64|aarch64|arm64|i386|i686|noarch|all)$/;

/**
 * A name as the validator sees it: an image reference (`falcosecurity/falco:0.1.0`), an artifact
 * file (`falco-daemon-0.1.0-x86_64.deb`), or a bare base name (`falco-daemon`).
 */
export type ParsedName =
  | { form: "image"; repository: string; base: string; tag: string | undefined }
  | { form: "file"; base: string; version: string | undefined; arch: string | undefined; extension: Extension }
  | { form: "base"; base: string };

export function parseName(text: string): ParsedName {
  const extension = EXTENSIONS.find((e) => text.endsWith(`.${e}`) && text.length > e.length + 1);
  if (extension !== undefined) {
    const tokens = text.slice(0, -(extension.length + 1)).split("-");
    const arch = tokens.length > 1 && ARCH_TOKEN.test(tokens.at(-1) ?? "") ? tokens.pop() : undefined;
    const version = tokens.length > 1 && VERSION_TOKEN.test(tokens.at(-1) ?? "") ? tokens.pop() : undefined;
    return { form: "file", base: tokens.join("-"), version, arch, extension };
  }
  if (text.includes("/") || text.includes(":")) {
    const colon = text.lastIndexOf(":");
    const hasTag = colon > text.lastIndexOf("/");
    const path = hasTag ? text.slice(0, colon) : text;
    const slash = path.lastIndexOf("/");
    return {
      form: "image",
      repository: slash >= 0 ? path.slice(0, slash) : "",
      base: path.slice(slash + 1),
      tag: hasTag ? text.slice(colon + 1) : undefined,
    };
  }
  return { form: "base", base: text };
}

export function formatName(name: ParsedName): string {
  switch (name.form) {
    case "image":
      return `${name.repository ? `${name.repository}/` : ""}${name.base}${name.tag !== undefined ? `:${name.tag}` : ""}`;
    case "file":
      return [name.base, name.version, name.arch].filter((t) => t !== undefined).join("-") + `.${name.extension}`;
    case "base":
      return name.base;
  }
}

/** The same name with another base (`falco` → `falco-daemon`), every other part kept. */
export function withBase(name: ParsedName, base: string): ParsedName {
  return { ...name, base };
}

/** The words of a base name: `privileged-driver-install` → privileged, driver, install. */
export function baseWords(base: string): string[] {
  return base.split(/[-_.]/).filter((w) => w.length > 0);
}
