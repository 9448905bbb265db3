import { runCli } from "../common/run_cli";
import { writeFileAtomic } from "../common/atomic_write";
import { UserError } from "../common/user_error";
import { isInstallable, loadManifest } from "../manifest/manifest";
import { composeInstallDoc } from "./compose";
import { renderMarkdown, renderText } from "./render";

const USAGE = "usage: install_doc --manifest artifacts.json --artifact FILE --text OUT --markdown OUT";

/** Writes the INSTALL (plain text) and INSTALL.md of one artifact of the manifest. */
function main(argv: readonly string[]): number {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? "";
    const value = argv[i + 1];
    if (!["--manifest", "--artifact", "--text", "--markdown"].includes(flag) || value === undefined) {
      throw new UserError(flag, `unexpected argument\n${USAGE}`, 2);
    }
    flags.set(flag, value);
  }
  const need = (flag: string): string => {
    const value = flags.get(flag);
    if (value === undefined) {
      throw new UserError(flag, `is required\n${USAGE}`, 2);
    }
    return value;
  };
  const manifest = loadManifest(need("--manifest"));
  const file = need("--artifact");
  const artifact = manifest.artifacts.find((a) => a.file === file);
  if (artifact === undefined) {
    throw new UserError(file, `not an artifact of ${manifest.source}`);
  }
  if (!isInstallable(artifact)) {
    throw new UserError(file, "images carry no INSTALL; only packages and tarballs do");
  }
  const doc = composeInstallDoc(artifact, manifest);
  writeFileAtomic(need("--text"), renderText(doc));
  writeFileAtomic(need("--markdown"), renderMarkdown(doc));
  return 0;
}

void runCli("install_doc", main);
