// One broken copy of the sample content per validation rule: `npm run check` must print exactly
// the expected file:line message and exit non-zero. The cases run the check in this process, as
// scripts/check.ts runs it (test/helpers/check.ts); two run the real command line, and one of those
// also compares what it prints with the in-process check.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { slugify } from "../src/content/markdown.ts";
import { checkInProcess } from "./helpers/check.ts";
import { copyOfContent, editText, lineMatching, problemLines, projectRoot, runScript, writeText } from "./helpers/project.ts";

const page = (fields: string, body = "Some text for the page.") => `---\n${fields}\n---\n\n${body}\n`;
const goodPage = (extra = "", body?: string) =>
  page(`title: A new page\ndescription: A page added by an editor, with a description long enough to pass the check.\nlastReviewed: 2026-11-20${extra}`, body);
const goodService = (changes: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    title: "title: Test play club",
    description: "description: A play club on Saturday mornings for children with SEND and their brothers and sisters.",
    categories: "categories: [holiday-clubs]",
    needs: "needs: [all-needs]",
    ages: "ages: { min: 4, max: 11 }",
    cost: "cost: Free",
    contact: 'contact:\n  phone: "01632 960555"',
    location: "location:\n  address: Village Hall, 1 Example Street\n  town: St Albans\n  postcode: AL1 3JE",
    lastReviewed: "lastReviewed: 2026-11-20",
    ...changes,
  };
  return page(Object.values(fields).filter(Boolean).join("\n"));
};

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** With commandLine, through `npm run check` in a process of its own, which must print exactly what the in-process check does. */
async function checkFails(expected: string[], { commandLine = false } = {}) {
  const result = commandLine ? await runScript("check", ["content"], dir) : await checkInProcess(dir);
  expect(problemLines(result)).toEqual(expected);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  if (commandLine) expect(result.stderr).toBe((await checkInProcess(dir)).stderr);
}

describe("npm run check", () => {
  it("passes the sample content, on the command line", async () => {
    dir = await copyOfContent();
    const result = await runScript("check", ["content"], dir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/no problems/);
    expect(result.code).toBe(0);
    expect(await checkInProcess(dir)).toEqual(result);
  });

  it("reports front matter that is not valid YAML", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/broken.md", page("title: Broken\ndescription: [unclosed\nlastReviewed: 2026-11-20"));
    await checkFails([
      `content/sen-support/broken.md:3: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (expected "field: value" lines; put text that has a colon, or starts with [ or {, in quotes)`,
    ]);
  });

  it("reports a field given twice", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/twice.md", goodPage("\ntitle: Again"));
    await checkFails([`content/sen-support/twice.md:5: front matter is not valid YAML: a field appears twice (expected each field once)`]);
  });

  it("reports a file with no front matter", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/bare.md", "Just text.\n");
    await checkFails([
      `content/sen-support/bare.md:1: no front matter (expected the file to start with a line of three dashes ---, then fields such as title:, then ---)`,
    ]);
  });

  it("reports a missing required field", async () => {
    dir = await copyOfContent();
    await writeText(
      dir,
      "content/sen-support/untitled.md",
      page("description: A page added by an editor, with a description long enough to pass.\nlastReviewed: 2026-11-20"),
    );
    await checkFails([`content/sen-support/untitled.md:1 title: missing (expected a title in sentence case, 3 to 65 characters)`]);
  });

  it("reports a field of the wrong type", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/order.md", goodPage("\norder: first"));
    await checkFails([`content/sen-support/order.md:5 order: is "first" (expected a whole number from 0 to 999 giving the page's place in its section)`]);
  });

  it("reports a date that does not exist", async () => {
    dir = await copyOfContent();
    await writeText(
      dir,
      "content/sen-support/date.md",
      page("title: A new page\ndescription: A page added by an editor, with a description long enough to pass.\nlastReviewed: 2026-02-30"),
    );
    await checkFails([`content/sen-support/date.md:4 lastReviewed: "2026-02-30" is not a real date (expected a date written YYYY-MM-DD, such as 2026-11-29)`]);
  });

  it("reports a review due before the last review", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/due.md", goodPage("\nreviewDue: 2025-01-01"));
    await checkFails([`content/sen-support/due.md:5 reviewDue: 2025-01-01 is not after lastReviewed 2026-11-20 (expected a later date)`]);
  });

  it("reports descriptions that are too short or too long, in file order, on the command line", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/short.md", page("title: Short\ndescription: Too short.\nlastReviewed: 2026-11-20"));
    await writeText(dir, "content/sen-support/long.md", page(`title: Long\ndescription: ${"Much too long. ".repeat(12).trim()}\nlastReviewed: 2026-11-20`));
    await checkFails(
      [
        `content/sen-support/long.md:3 description: too long: 179 characters (expected one or two sentences for search results, 50 to 160 characters)`,
        `content/sen-support/short.md:3 description: too short: 10 characters (expected one or two sentences for search results, 50 to 160 characters)`,
      ],
      { commandLine: true },
    );
  });

  it("reports an unknown field and suggests the likely one", async () => {
    dir = await copyOfContent();
    await writeText(
      dir,
      "content/sen-support/typo.md",
      page("title: A new page\ndescription: A page added by an editor, with a description long enough to pass.\nlastReveiwed: 2026-11-20"),
    );
    await checkFails([
      `content/sen-support/typo.md:1 lastReviewed: missing (expected a date written YYYY-MM-DD, such as 2026-11-29)`,
      `content/sen-support/typo.md:4 lastReveiwed: unknown field (did you mean lastReviewed? expected one of: title, shortTitle, description, lastReviewed, reviewDue, order, keywords, permalink)`,
    ]);
  });

  it("reports unknown categories and needs", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/services/test-club.md", goodService({ categories: "categories: [holiday-clubs, sport]", needs: "needs: [autsim]" }));
    const result = await checkInProcess(dir);
    const [category, need] = problemLines(result);
    const ids = async (list: string) =>
      [...(await readFile(path.join(dir, `content/_data/lists/${list}.yaml`), "utf8")).matchAll(/^- id: (\S+)$/gm)].map((match) => match[1]).join(", ");
    expect(category).toBe(
      `content/services/test-club.md:4 categories[1]: "sport" is unknown (expected one of the categories in content/_data/lists/categories.yaml: ${await ids("categories")})`,
    );
    expect(need).toBe(
      `content/services/test-club.md:5 needs[0]: "autsim" is unknown (expected one of the needs in content/_data/lists/needs.yaml: ${await ids("needs")})`,
    );
    expect(problemLines(result)).toHaveLength(2);
    expect(result.code).toBe(1);
  });

  it("reports malformed, partial, foreign and unknown postcodes", async () => {
    dir = await copyOfContent();
    const at = (postcode: string) => ({ location: `location:\n  address: Village Hall, 1 Example Street\n  town: St Albans\n  postcode: ${postcode}` });
    await writeText(dir, "content/services/malformed.md", goodService(at("AL1 3JEE")));
    await writeText(dir, "content/services/partial.md", goodService(at("AL1")));
    await writeText(dir, "content/services/belfast.md", goodService(at("BT1 1AA")));
    await writeText(dir, "content/services/nowhere.md", goodService(at("ZZ9 9ZZ")));
    await checkFails([
      `content/services/belfast.md:13 location.postcode: "BT1 1AA" is outside Great Britain, and the postcode data covers England, Scotland and Wales only`,
      `content/services/malformed.md:13 location.postcode: "AL1 3JEE" is not a valid UK postcode (expected a full postcode such as AL1 3JE)`,
      `content/services/nowhere.md:13 location.postcode: "ZZ9 9ZZ" is not in the postcode data (check it with Royal Mail's postcode finder)`,
      `content/services/partial.md:13 location.postcode: "AL1" is only part of a postcode (expected a full postcode such as AL1 3JE)`,
    ]);
  });

  it("reports impossible ages and a service nobody can contact", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/services/test-club.md", goodService({ ages: "ages: { min: 12, max: 5 }", contact: "contact: {}" }));
    await checkFails([
      `content/services/test-club.md:6 ages.max: min is more than max (expected a whole number of years from 0 to 25)`,
      `content/services/test-club.md:8 contact: has no phone, email or website (expected at least one of phone, email and website)`,
    ]);
  });

  it("reports two files claiming the same address", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/copy.md", goodPage("\npermalink: /sen-support/what-is-sen-support/"));
    await checkFails([
      `content/sen-support/copy.md:5: this page's address /sen-support/what-is-sen-support/ is also claimed by content/sen-support/what-is-sen-support.md (expected each page to have its own address: rename one file or change its permalink)`,
      `content/sen-support/what-is-sen-support.md:1: this page's address /sen-support/what-is-sen-support/ is also claimed by content/sen-support/copy.md (expected each page to have its own address: rename one file or change its permalink)`,
    ]);
  });

  it("reports Markdown and HTML links to pages that do not exist", async () => {
    dir = await copyOfContent();
    const body = 'Read [the old page](/sen-support/old-page/).\n\nOr this:\n\n<p>See <a href="../missing/">the missing page</a>.</p>';
    await writeText(dir, "content/sen-support/links.md", goodPage("", body));
    await checkFails([
      `content/sen-support/links.md:7: link to /sen-support/old-page/ goes to a page that does not exist (expected the address of a page on this site, such as /sen-support/)`,
      `content/sen-support/links.md:11: the address "../missing/" on <a> is not allowed and would be taken out of the page (expected an address on this site starting with a single / (such as /sen-support/), a #heading on the page, or an address starting https://, http://, mailto: or tel:)`,
    ]);
  });

  it("reports links to #fragments that are not on the page", async () => {
    dir = await copyOfContent();
    const body = "## Who can help\n\nSee [who can help](#who-can-help) and\n[the review stage](/sen-support/the-graduated-approach/#review-the-plan).";
    await writeText(dir, "content/sen-support/fragments.md", goodPage("", body));
    const target = await readFile(path.join(dir, "content/sen-support/the-graduated-approach.md"), "utf8");
    const headings = [...target.matchAll(/^#{2,6} (.+)$/gm)].map((match) => slugify(match[1]!));
    expect(headings.length).toBeGreaterThan(2);
    await checkFails([
      `content/sen-support/fragments.md:10: link to /sen-support/the-graduated-approach/#review-the-plan points at #review-the-plan, which is not a heading on that page (expected one of: ${headings.join(", ")})`,
    ]);
  });

  it("knows the glossary page's entries as link targets", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/glossary-links.md", goodPage("", "See [SENCO](/glossary/#senco) and [nothing](/glossary/#no-such-word)."));
    const result = await checkInProcess(dir);
    expect(problemLines(result)).toEqual([
      expect.stringMatching(
        /^content\/sen-support\/glossary-links\.md:7: link to \/glossary\/#no-such-word points at #no-such-word, which is not a heading on that page \(expected one of: .*\bsenco\b/,
      ),
    ]);
    expect(result.code).toBe(1);
  });

  it("reports a glossary entry with no definition", async () => {
    dir = await copyOfContent();
    let index = -1;
    await editText(dir, "content/_data/glossary.yaml", (text) => {
      index = (text.match(/^- id:/gm) ?? []).length;
      return `${text.trimEnd()}\n- id: new-word\n  term: new word\n`;
    });
    const line = await lineMatching(dir, "content/_data/glossary.yaml", /^- id: new-word$/);
    await checkFails([`content/_data/glossary.yaml:${line} [${index}].definition: missing (expected one or two plain sentences, 20 to 300 characters)`]);
  });

  it("reports images without alt text, and images that are not there", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/images/hall.jpg", "");
    await writeFile(path.join(dir, "content/images/hall.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const body = '![](/images/hall.jpg)\n\n<img src="/images/hall.jpg">\n\n![A room](/images/room.jpg)';
    await writeText(dir, "content/sen-support/images.md", goodPage("", body));
    await checkFails([
      `content/sen-support/images.md:7: image /images/hall.jpg has no alt text (expected a short description of the image, e.g. ![A family at a support group](/images/hall.jpg))`,
      `content/sen-support/images.md:9: image /images/hall.jpg has no alt text (expected a short description of the image, e.g. ![A family at a support group](/images/hall.jpg))`,
      `content/sen-support/images.md:11: image /images/room.jpg does not exist (expected a file in content/, such as /images/photo.jpg)`,
    ]);
  });

  it("reports template tags, since content is plain Markdown and never run as a template", async () => {
    dir = await copyOfContent();
    await writeText(dir, "content/sen-support/template.md", goodPage("", "First paragraph.\n\n{% if true %}\nShown {{ title }}.\n\nLast paragraph."));
    const message = (tag: string) =>
      `"${tag}" starts a template tag, but content is plain Markdown and is never run as a template (expected plain text; to show the braces, put a space between them)`;
    await checkFails([`content/sen-support/template.md:9: ${message("{%")}`, `content/sen-support/template.md:10: ${message("{{")}`]);
  });

  it("reports a settings colour too light for white text", async () => {
    dir = await copyOfContent();
    await editText(dir, "content/_data/settings.yaml", (text) => text.replace(/^brandColour: .*$/m, 'brandColour: "#ffdd00"'));
    const line = await lineMatching(dir, "content/_data/settings.yaml", /^brandColour:/);
    await checkFails([
      `content/_data/settings.yaml:${line} brandColour: "#ffdd00" is too light for white text (expected a dark colour written #rrggbb with a contrast of at least 4.5:1 against white)`,
    ]);
  });

  it("reports a category id used twice in the controlled list", async () => {
    dir = await copyOfContent();
    let index = -1;
    await editText(dir, "content/_data/lists/categories.yaml", (text) => {
      index = (text.match(/^- id:/gm) ?? []).length;
      return `${text.trimEnd()}\n- id: holiday-clubs\n  name: Holiday clubs again\n  description: A second entry with an id that is already used.\n`;
    });
    const lines = (await readFile(path.join(dir, "content/_data/lists/categories.yaml"), "utf8")).split("\n");
    const line = lines.lastIndexOf("- id: holiday-clubs") + 1;
    await checkFails([`content/_data/lists/categories.yaml:${line} [${index}].id: "holiday-clubs" is used twice (expected each id once)`]);
  });

  it("checks ready reckoners with the pages: links to them work, and their cards must link to real pages", async () => {
    dir = await copyOfContent();
    const reckoner = await readFile(path.join(projectRoot, "test/fixtures/reckoner-valid.yaml"), "utf8");
    await writeText(dir, "content/reckoners/test-tool.yaml", reckoner.replace("link: /senco/", "link: /no-such-page/"));
    await writeText(dir, "content/reckoners/notes.txt", "Ideas for another tool.");
    await writeText(
      dir,
      "content/sen-support/tools.md",
      goodPage("", "Try [the test tool](/reckoners/test-tool/) or [all the tools](/reckoners/), but not [a missing one](/reckoners/no-such-tool/)."),
    );
    await checkFails([
      `content/reckoners/notes.txt:1: a .txt file is not allowed in content/ (expected only Markdown pages (.md), the site's data files in _data/, ready reckoners (reckoners/*.yaml), and pictures and documents (.png, .jpg, .jpeg, .gif, .webp, .pdf, .docx, .xlsx, .odt, .ods, .csv))`,
      `content/reckoners/test-tool.yaml:37 cards[0].link: links to /no-such-page/, which is not a page on this site (expected the address of a page, such as /sen-support/ or /services/category/holiday-clubs/)`,
      `content/sen-support/tools.md:7: link to /reckoners/no-such-tool/ goes to a page that does not exist (expected the address of a page on this site, such as /sen-support/)`,
    ]);
  });
});
