import type { Kind, Property } from "../../manifest/manifest";
import { KIND_NOUNS } from "../../manifest/manifest";
import { baseWords } from "../name";
import type { Finding, Rule } from "./rule";

/** Where a marker must stand in the base name. */
type Position = "anywhere" | "prefix" | "suffix";

/** A property and the part of the name that announces it. */
interface Marker {
  property: Property;
  marker: string;
  position: Position;
  kinds: readonly Kind[];
}

const PACKAGES: readonly Kind[] = ["deb", "rpm", "tar.gz"];

/** The naming conventions: each property is announced by its marker, and each marker by its property. */
export const MARKERS: readonly Marker[] = [
  { property: "daemon", marker: "daemon", position: "anywhere", kinds: PACKAGES },
  { property: "kernel-module", marker: "module", position: "anywhere", kinds: PACKAGES },
  { property: "ebpf-probe", marker: "bpf", position: "anywhere", kinds: PACKAGES },
  { property: "ptrace-driver", marker: "ptrace", position: "anywhere", kinds: PACKAGES },
  { property: "privileged", marker: "privileged-", position: "prefix", kinds: ["oci"] },
  { property: "development", marker: "dev-", position: "prefix", kinds: ["oci"] },
  { property: "installs-and-exits", marker: "-install", position: "suffix", kinds: ["oci"] },
];

/** What each property means, in the words the validator's messages use. */
export const PROPERTY_DESCRIPTIONS: Record<Property, string> = {
  daemon: "installs a daemon",
  "kernel-module": "installs the kernel module",
  "ebpf-probe": "installs the eBPF probe",
  "ptrace-driver": "installs the ptrace driver",
  privileged: "needs --privileged",
  development: "is a development image",
  "installs-and-exits": "installs something and exits",
};

function has(base: string, { marker, position }: Marker): boolean {
  switch (position) {
    case "anywhere":
      return base.includes(marker);
    case "prefix":
      return base.startsWith(marker);
    case "suffix":
      return base.endsWith(marker);
  }
}

function add(base: string, { marker, position }: Marker): string {
  switch (position) {
    case "anywhere":
      return `${base}-${marker}`;
    case "prefix":
      return `${marker}${base}`;
    case "suffix":
      return `${base}${marker}`;
  }
}

function remove(base: string, { marker, position }: Marker): string {
  switch (position) {
    case "anywhere":
      return baseWords(base)
        .filter((w) => !w.includes(marker))
        .join("-");
    case "prefix":
      return base.slice(marker.length);
    case "suffix":
      return base.slice(0, -marker.length);
  }
}

function placement(marker: Marker): string {
  return { anywhere: "contain", prefix: "start with", suffix: "end with" }[marker.position] + ` '${marker.marker}'`;
}

/** Checks the manifest's properties of an artifact against the markers in its name, both ways. */
export const markers: Rule = {
  id: "markers",
  check: ({ name, artifact }) => {
    if (artifact === undefined) {
      return [];
    }
    const findings: Finding[] = [];
    for (const marker of MARKERS.filter((m) => m.kinds.includes(artifact.kind))) {
      const claimed = has(name.base, marker);
      const holds = artifact.properties.includes(marker.property);
      if (holds && !claimed) {
        findings.push({
          message: `${KIND_NOUNS[artifact.kind]} that ${PROPERTY_DESCRIPTIONS[marker.property]} must ${placement(marker)}`,
          fix: (n) => ({ ...n, base: add(n.base, marker) }),
        });
      } else if (claimed && !holds) {
        findings.push({
          message: `the name claims '${marker.marker}' but ${KIND_NOUNS[artifact.kind]} without the property '${marker.property}' (${PROPERTY_DESCRIPTIONS[marker.property]})`,
          fix: (n) => ({ ...n, base: remove(n.base, marker) }),
        });
      }
    }
    return findings;
  },
};
