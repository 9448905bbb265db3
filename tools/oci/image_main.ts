import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { writeTar } from "../archive/tar";
import { buildTree, parseTreeSpec } from "../archive/tree";
import { parseImageConfig, parseRevision, REVISION_LABEL } from "./config";
import { imageLayout } from "./layout";
import type { LayerInput } from "./layout";

const USAGE =
  "usage: oci_image --config CONFIG.json --revision-file FILE --out IMAGE.oci.tar (--layer tree|tar PATH DESCRIPTION)...";

interface Options {
  config: string;
  revisionFile: string;
  out: string;
  layers: { kind: "tree" | "tar"; path: string; description: string }[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Partial<Options> & Pick<Options, "layers"> = { layers: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? "";
    const take = (): string => {
      const value = argv[++i];
      if (value === undefined) {
        throw new UserError(flag, `needs a value\n${USAGE}`, 2);
      }
      return value;
    };
    if (flag === "--config") {
      options.config = take();
    } else if (flag === "--revision-file") {
      options.revisionFile = take();
    } else if (flag === "--out") {
      options.out = take();
    } else if (flag === "--layer") {
      const kind = take();
      if (kind !== "tree" && kind !== "tar") {
        throw new UserError(`--layer ${kind}`, `the kind must be tree or tar\n${USAGE}`, 2);
      }
      options.layers.push({ kind, path: take(), description: take() });
    } else {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
  }
  const { config, revisionFile, out } = options;
  if (config === undefined || revisionFile === undefined || out === undefined) {
    throw new UserError("--config/--revision-file/--out", `are required\n${USAGE}`, 2);
  }
  return { config, revisionFile, out, layers: options.layers };
}

function readLayer(layer: Options["layers"][number]): LayerInput {
  try {
    const tar =
      layer.kind === "tar" ? new Uint8Array(readFileSync(layer.path)) : writeTar(buildTree(parseTreeSpec(readFileSync(layer.path, "utf8"), layer.path)));
    if (layer.kind === "tar" && (tar.length < 1024 || tar.length % 512 !== 0)) {
      throw new Error(`not a tar archive (${tar.length} bytes, not a whole number of 512-byte blocks)`);
    }
    return { tar, createdBy: layer.description };
  } catch (error: unknown) {
    if (error instanceof UserError) {
      throw error;
    }
    throw new UserError(layer.path, error instanceof Error ? error.message : String(error));
  }
}

/** Writes one image as an oci-archive: the OCI image layout's files at the top of one tar. */
function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  const config = parseImageConfig(readFileSync(options.config, "utf8"), options.config);
  const revision = parseRevision(readFileSync(options.revisionFile, "utf8"), options.revisionFile);
  if (options.layers.length === 0) {
    throw new UserError("--layer", `an image needs at least one layer\n${USAGE}`, 2);
  }
  const layers = options.layers.map(readLayer);
  let layout;
  try {
    layout = imageLayout({
      layers,
      config: { ...config, labels: { ...config.labels, [REVISION_LABEL]: revision } },
      refName: config.ref_name,
      created: config.created,
    });
  } catch (error: unknown) {
    throw new UserError(options.config, error instanceof Error ? error.message : String(error));
  }
  writeFileAtomic(options.out, writeTar(layout.entries));
  return 0;
}

void runCli("oci_image", main);
