import { buildTree, parseTreeSpec } from "../archive/tree";
import { writeFileAtomic } from "../common/atomic_write";
import { runCli } from "../common/run_cli";
import { UserError } from "../common/user_error";
import { message, parseMetadata, readText } from "./metadata";
import { writeRpm } from "./rpm";

const USAGE = "usage: rpm_package --tree TREE.json --metadata METADATA.json --out OUT.rpm";

/** Writes one binary rpm from a package tree and its metadata, byte-identical for the same inputs. */
function main(argv: readonly string[]): number {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--tree", "--metadata", "--out"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument (${USAGE})`, 2);
    }
    flags.set(flag, value);
  }
  const treePath = flags.get("--tree");
  const metadataPath = flags.get("--metadata");
  const out = flags.get("--out");
  if (treePath === undefined || metadataPath === undefined || out === undefined) {
    throw new UserError("--tree/--metadata/--out", `are required (${USAGE})`, 2);
  }
  const metadata = parseMetadata(readText(metadataPath, "the metadata"), metadataPath, (path) => readText(path, "the scriptlet"));
  const treeText = readText(treePath, "the tree");
  let entries: ReturnType<typeof buildTree>;
  try {
    entries = buildTree(parseTreeSpec(treeText, treePath));
  } catch (error: unknown) {
    throw new UserError(treePath, message(error));
  }
  let rpm: Uint8Array;
  try {
    rpm = writeRpm(metadata, entries);
  } catch (error: unknown) {
    throw new UserError(`${metadataPath} with ${treePath}`, message(error));
  }
  writeFileAtomic(out, rpm);
  return 0;
}

void runCli("rpm_package", main);
