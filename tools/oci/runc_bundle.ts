/**
 * Edits the config.json of a runc bundle (as `umoci unpack` writes it) for a test run: the
 * command, no terminal, extra bind mounts, environment and capabilities, and optionally the
 * host's network namespace (to reach a server on 127.0.0.1).
 */

export interface BundleChanges {
  /** The command (replaces the image's entrypoint and cmd); empty keeps them. */
  readonly args: readonly string[];
  /** Bind mounts: source on the host, destination in the container. */
  readonly mounts: readonly { source: string; destination: string; readOnly: boolean }[];
  /** NAME=VALUE, added (replacing a variable of the same name). */
  readonly env: readonly string[];
  /** Capabilities added to every set, e.g. CAP_SYS_MODULE. */
  readonly capabilities: readonly string[];
  /** Leave the network namespace out: the container shares the host's network. */
  readonly hostNetwork: boolean;
}

/** Linux's capabilities in the order of their bit numbers (CAP_CHOWN is bit 0), up to 5.9's. */
export const CAPABILITIES_BY_BIT = [
  "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID",
  "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
  "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
  "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
  "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
  "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
] as const;

/**
 * What `docker run --privileged` grants: every capability the caller may pass on, i.e. those of
 * its bounding set (the CapBnd hex mask of /proc/self/status).
 */
export function privilegedCapabilities(capBnd: string): string[] {
  const mask = BigInt(`0x${capBnd.trim()}`);
  return CAPABILITIES_BY_BIT.filter((_, bit) => ((mask >> BigInt(bit)) & 1n) === 1n);
}

type Json = Record<string, unknown>;

function record(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not an object`);
  }
  return value as Json;
}

function strings(value: unknown, what: string): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new Error(`${what} is not a list of strings`);
  }
  return value as string[];
}

/** The bundle's configuration with the changes applied (the input is not modified). */
export function applyBundleChanges(config: unknown, changes: BundleChanges): Json {
  const out = structuredClone(record(config, "config.json"));
  const process = record(out["process"], "process");
  process["terminal"] = false;
  if (changes.args.length > 0) {
    process["args"] = [...changes.args];
  }
  const names = new Set(changes.env.map((e) => e.split("=", 1)[0]));
  process["env"] = [...strings(process["env"], "process.env").filter((e) => !names.has(e.split("=", 1)[0])), ...changes.env];
  if (changes.capabilities.length > 0) {
    const caps = record(process["capabilities"] ?? {}, "process.capabilities");
    for (const set of ["bounding", "effective", "inheritable", "permitted", "ambient"]) {
      caps[set] = [...new Set([...strings(caps[set], `process.capabilities.${set}`), ...changes.capabilities])].sort();
    }
    process["capabilities"] = caps;
  }
  out["mounts"] = [
    ...(Array.isArray(out["mounts"]) ? (out["mounts"] as unknown[]) : []),
    ...changes.mounts.map((m) => ({ destination: m.destination, type: "bind", source: m.source, options: ["rbind", m.readOnly ? "ro" : "rw"] })),
  ];
  if (changes.hostNetwork) {
    const linux = record(out["linux"], "linux");
    const namespaces = Array.isArray(linux["namespaces"]) ? (linux["namespaces"] as unknown[]) : [];
    linux["namespaces"] = namespaces.filter((n) => record(n, "linux.namespaces[]")["type"] !== "network");
  }
  return out;
}
