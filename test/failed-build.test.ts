// A failed build must say what is wrong and leave the last good site exactly as it was.
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkInProcess } from "./helpers/check.ts";
import { problemLines, runScript, snapshotFolder, writeText } from "./helpers/project.ts";
import { copyOfSampleSite } from "./helpers/sample-site.ts";

let dir: string;

beforeEach(async () => {
  // The sample content and the last good site built from it: a copy of the one built for the whole run.
  dir = await copyOfSampleSite();
});
afterEach(async () => {
  // No folder when the run's sample site did not build: the test already says so.
  if (dir) await rm(dir, { recursive: true, force: true });
});

const service = (name: string, fields: string) => [`content/services/${name}.md`, `---\n${fields}\n---\n\nAbout the service.\n`] as const;

describe("a failed build", () => {
  it("refuses a folder with ten different problems, which the check lists in ten lines, and leaves the previous site untouched", async () => {
    const before = await snapshotFolder(path.join(dir, "_site"));
    const base = "description: A page added by an editor, with a description long enough to pass the check.\nlastReviewed: 2026-11-20";
    const files: Array<readonly [string, string]> = [
      ["content/sen-support/a-yaml.md", "---\ntitle: Broken: colon\n---\nText\n"],
      ["content/sen-support/b-missing.md", `---\n${base}\n---\nText\n`],
      [
        "content/sen-support/c-date.md",
        "---\ntitle: A date\ndescription: A page added by an editor, with a description long enough to pass the check.\nlastReviewed: 2026-04-31\n---\nText\n",
      ],
      ["content/sen-support/d-short.md", "---\ntitle: Short\ndescription: Short.\nlastReviewed: 2026-11-20\n---\nText\n"],
      ["content/sen-support/e-link.md", `---\ntitle: Link\n${base}\n---\n[Gone](/gone/)\n`],
      ["content/sen-support/f-image.md", `---\ntitle: Image\n${base}\n---\n<img src="/images/hall.png">\n`],
      ["content/sen-support/g-template.md", `---\ntitle: Template\n${base}\n---\n{{ title\n`],
      ["content/sen-support/h-type.md", `---\ntitle: Order\n${base}\norder: 1.5\n---\nText\n`],
      service(
        "i-category",
        'title: Club\ndescription: A club for children with SEND on Saturday mornings, in a quiet hall near the town centre.\ncategories: [sport]\nneeds: [all-needs]\nages: { min: 1, max: 5 }\ncost: Free\ncontact: { phone: "01632 960111" }\nlastReviewed: 2026-11-20',
      ),
      service(
        "j-postcode",
        'title: Group\ndescription: A group for children with SEND on Saturday mornings, in a quiet hall near the town centre.\ncategories: [parent-support-groups]\nneeds: [all-needs]\nages: { min: 1, max: 5 }\ncost: Free\ncontact: { phone: "01632 960111" }\nlocation: { address: 1 High Street, town: Hatfield, postcode: XX1 1XX }\nlastReviewed: 2026-11-20',
      ),
    ];
    for (const [file, text] of files) await writeText(dir, file, text);
    await writeText(dir, "content/images/hall.png", "");
    await writeFile(path.join(dir, "content/images/hall.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const check = await checkInProcess(dir);
    const lines = problemLines(check);
    expect(lines, check.stderr).toHaveLength(10);
    expect(lines.map((line) => line.split(":")[0]).sort()).toEqual(files.map(([file]) => file).sort());
    expect(check.code).toBe(1);

    const build = await runScript("build", ["content", "_site"], dir);
    expect(problemLines(build)).toEqual(lines);
    expect(build.stderr).toContain("The site was not built: 10 problems in the content.");
    expect(build.code).toBe(1);
    expect(await snapshotFolder(path.join(dir, "_site"))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(["_site", "content"]);
  });

  it("keeps the site when a layout link breaks", async () => {
    const before = await snapshotFolder(path.join(dir, "_site"));
    // Only the footer links to /about/, so the content check has nothing to say about it.
    await rm(path.join(dir, "content/about.md"));
    expect((await checkInProcess(dir)).code).toBe(0);
    const build = await runScript("build", ["content", "_site"], dir);
    expect(build.stderr).toContain('layout link: /index.html: href="/about/" points at /about/, which the build did not make');
    expect(build.code).toBe(1);
    expect(await snapshotFolder(path.join(dir, "_site"))).toEqual(before);
  });
});
