// The content editor's file formats: a saved file changes only where the editor changed it, so
// comments stay and a pull request shows the lines that changed; new files come out in the form's
// order, quoted where Eleventy's YAML 1.1 reader would misread them, with empty fields left out.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontMatterFormat, SOURCE_FIELD, yamlListFormat, yamlObjectFormat } from "../../src/browser/cms/formats.ts";
import { SERVICE_MARKER } from "../../src/lib/cms.ts";
import { projectRoot } from "../../src/project.ts";

const content = (relative: string) => readFile(path.join(projectRoot, "content", relative), "utf8");

/** The lines of `after` that are not in `before`, and the other way round. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((line) => !b.includes(line)), added: b.filter((line) => !a.includes(line)) };
}

describe("the content editor's formats", () => {
  it("writes back a service with one field changed as that one line, flow lists, groups and the body as they were", async () => {
    const text = await content("services/hartsfield-sendiass.md");
    const format = frontMatterFormat(true);
    const data = format.fromFile(text);
    expect(data[SERVICE_MARKER]).toBe(true);
    expect(format.toFile(data, Object.keys(data))).toBe(text);
    const written = format.toFile({ ...data, cost: "Free of charge" });
    expect(changedLines(text, written)).toEqual({ removed: ["cost: Free"], added: ["cost: Free of charge"] });
    // A change inside a group rewrites the group only.
    const moved = format.toFile({ ...data, contact: { ...(data.contact as object), phone: "01632 960051" } });
    expect(changedLines(text, moved)).toEqual({ removed: ['  phone: "01632 960050"'], added: ['  phone: "01632 960051"'] });
  });

  it("leaves out a field the editor cleared, puts a new field after the one before it in the form, and keeps the directory's own page out of services", async () => {
    const text = await content("sen-support/what-is-sen-support.md");
    const format = frontMatterFormat();
    const data = format.fromFile(text);
    const order = ["title", "shortTitle", "description", "lastReviewed", "reviewDue", "order", "keywords", "permalink", "body"];
    const written = format.toFile({ ...data, keywords: [], reviewDue: "2027-12-01", order: "" }, order);
    expect(written).not.toMatch(/^keywords:|^order:/m);
    expect(written).toMatch(/^lastReviewed: .+\nreviewDue: 2027-12-01\n/m);
    expect(frontMatterFormat(true).fromFile(await content("services/index.md"))[SERVICE_MARKER]).toBe(false);
  });

  it("writes a new file in the form's order, quoting what YAML 1.1 would misread and nothing it reads as written", () => {
    const written = frontMatterFormat(true).toFile(
      {
        needs: ["autism"],
        title: "A new club",
        openingHours: [{ days: ["saturday"], opens: "09:30", closes: "12:00" }],
        contact: { phone: "01632960777" },
        lastReviewed: "2026-12-01",
        body: "## What we do\n\nWe play.",
        [SERVICE_MARKER]: true,
      },
      ["title", "needs", "contact", "openingHours", "lastReviewed", "body"],
    );
    expect(written).toBe(
      [
        "---",
        "title: A new club",
        "needs:",
        "  - autism",
        "contact:",
        '  phone: "01632960777"',
        "openingHours:",
        "  - days:",
        "      - saturday",
        '    opens: "09:30"',
        '    closes: "12:00"',
        "lastReviewed: 2026-12-01",
        "---",
        "## What we do",
        "",
        "We play.",
        "",
      ].join("\n"),
    );
  });

  it("edits a list file's entries and keeps its comments, changing only the entry that changed", async () => {
    const text = await content("_data/glossary.yaml");
    const data = yamlListFormat.fromFile(text);
    const entries = data.entries as Array<Record<string, unknown>>;
    expect(yamlListFormat.toFile(data)).toBe(text);
    const changed = entries.map((entry, index) => (index === 1 ? { ...entry, definition: "A new definition of this word, in plain English." } : entry));
    const written = yamlListFormat.toFile({ ...data, entries: changed });
    expect(written.startsWith(text.slice(0, text.indexOf("- id:")))).toBe(true);
    const { removed, added } = changedLines(text, written);
    expect(added).toEqual(["  definition: A new definition of this word, in plain English."]);
    expect(removed).toHaveLength(1);
  });

  it("keeps the settings file's comments when a setting changes", async () => {
    const text = await content("_data/settings.yaml");
    const data = yamlObjectFormat.fromFile(text);
    expect(data[SOURCE_FIELD]).toBe(text);
    const written = yamlObjectFormat.toFile({ ...data, siteName: "Hartsfield Local Offer" });
    expect(changedLines(text, written)).toEqual({ removed: ["siteName: Hartsfield SEND Local Offer"], added: ["siteName: Hartsfield Local Offer"] });
  });
});
