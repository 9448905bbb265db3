import { KIND_NOUNS } from "../../manifest/manifest";
import type { DocContext } from "../context";
import type { Section } from "../document";
import { list, paragraph } from "../document";

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What is inside: every file the artifact ships, and what it is for. */
export function contentsSection(ctx: DocContext): Section {
  const { artifact } = ctx;
  const intro = ctx.isTarball
    ? `The archive unpacks into the folder \`${ctx.topFolder}/\`, which holds:`
    : `Installing it puts these files on the system:`;
  const items = artifact.contents.map((c) => {
    const path = ctx.isTarball ? (c.path === "/" ? "the folder itself" : `\`${c.path.slice(1)}\``) : `\`${c.path}\``;
    return `${path}: ${c.what}`;
  });
  return {
    title: "What is inside",
    blocks: [
      paragraph(`${capitalized(KIND_NOUNS[artifact.kind])} for ${artifact.arch} Linux, version ${artifact.version}.`),
      paragraph(intro),
      list(items),
    ],
  };
}
