import type { InstallDocument } from "./document";
import { commands, list, paragraph } from "./document";
import { continued, renderMarkdown, renderText, wrap } from "./render";

const doc: InstallDocument = {
  title: "Installing x.deb",
  lead: "x 1.0: a thing.",
  sections: [
    {
      title: "Install",
      blocks: [paragraph("Run `dpkg -i x.deb` as root."), list(["`/usr/bin/x`: the program"]), commands("sudo dpkg -i x.deb")],
    },
  ],
};

describe("renderText", () => {
  it("underlines titles, quotes inline code and indents commands", () => {
    expect(renderText(doc)).toBe(
      [
        "Installing x.deb",
        "================",
        "",
        "x 1.0: a thing.",
        "",
        "",
        "Install",
        "-------",
        "",
        "Run 'dpkg -i x.deb' as root.",
        "",
        "  - '/usr/bin/x': the program",
        "",
        "    sudo dpkg -i x.deb",
        "",
      ].join("\n"),
    );
  });
});

describe("renderMarkdown", () => {
  it("writes headings, lists and fenced shell blocks", () => {
    expect(renderMarkdown(doc)).toBe(
      ["# Installing x.deb", "", "x 1.0: a thing.", "", "## Install", "", "Run `dpkg -i x.deb` as root.", "", "- `/usr/bin/x`: the program", "", "```sh", "sudo dpkg -i x.deb", "```", ""].join("\n"),
    );
  });
});

describe("wrap", () => {
  it("fills lines up to the width with a hanging indent", () => {
    expect(wrap("aaa bbb ccc ddd", 9, "  ", "- ")).toEqual(["- aaa bbb", "  ccc ddd"]);
  });

  it("puts a word longer than the width on a line of its own", () => {
    expect(wrap("a bbbbbbbbbbbb c", 5)).toEqual(["a", "bbbbbbbbbbbb", "c"]);
  });
});

describe("continued", () => {
  it("splits a long command with backslashes and indents the rest", () => {
    expect(continued("sudo dpkg -i one.deb two.deb three.deb", 28)).toEqual(["    sudo dpkg -i one.deb \\", "        two.deb three.deb"]);
  });

  it("keeps a short command as it is", () => {
    expect(continued("ls", 78)).toEqual(["    ls"]);
  });
});
