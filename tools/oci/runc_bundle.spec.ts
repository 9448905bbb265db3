import { applyBundleChanges, privilegedCapabilities } from "./runc_bundle";

const CONFIG = {
  process: { terminal: true, args: ["/usr/bin/falco"], env: ["PATH=/usr/bin", "TERM=xterm"], capabilities: { bounding: ["CAP_KILL"], effective: ["CAP_KILL"] } },
  mounts: [{ destination: "/proc", type: "proc", source: "proc" }],
  linux: { namespaces: [{ type: "pid" }, { type: "network" }, { type: "mount" }] },
};

describe("applyBundleChanges", () => {
  it("sets the command, drops the terminal, adds mounts, env and capabilities, and can share the host network", () => {
    const out = applyBundleChanges(CONFIG, {
      args: ["/usr/bin/falco", "-e", "/c.scap"],
      mounts: [{ source: "/tmp/c.scap", destination: "/c.scap", readOnly: true }],
      env: ["TERM=dumb", "X=1"],
      capabilities: ["CAP_SYS_MODULE"],
      hostNetwork: true,
    });
    expect(out).toEqual({
      process: {
        terminal: false,
        args: ["/usr/bin/falco", "-e", "/c.scap"],
        env: ["PATH=/usr/bin", "TERM=dumb", "X=1"],
        capabilities: {
          bounding: ["CAP_KILL", "CAP_SYS_MODULE"],
          effective: ["CAP_KILL", "CAP_SYS_MODULE"],
          inheritable: ["CAP_SYS_MODULE"],
          permitted: ["CAP_SYS_MODULE"],
          ambient: ["CAP_SYS_MODULE"],
        },
      },
      mounts: [
        { destination: "/proc", type: "proc", source: "proc" },
        { destination: "/c.scap", type: "bind", source: "/tmp/c.scap", options: ["rbind", "ro"] },
      ],
      linux: { namespaces: [{ type: "pid" }, { type: "mount" }] },
    });
    expect(CONFIG.process.terminal).toBeTrue();
  });

  it("keeps the image's command when none is given, and names what is malformed", () => {
    const none = { args: [], mounts: [], env: [], capabilities: [], hostNetwork: false };
    expect((applyBundleChanges(CONFIG, none)["process"] as { args: string[] }).args).toEqual(["/usr/bin/falco"]);
    expect(() => applyBundleChanges({ process: [] }, none)).toThrowError(/process is not an object/);
    expect(() => applyBundleChanges({ process: { env: "x" } }, none)).toThrowError(/process.env is not a list of strings/);
  });
});

describe("privilegedCapabilities", () => {
  it("names the capabilities of a bounding-set mask", () => {
    expect(privilegedCapabilities("0000000000000001")).toEqual(["CAP_CHOWN"]);
    expect(privilegedCapabilities("0000000000010020")).toEqual(["CAP_KILL", "CAP_SYS_MODULE"]);
    expect(privilegedCapabilities("000001ffffffffff").length).toBe(41);
  });
});
