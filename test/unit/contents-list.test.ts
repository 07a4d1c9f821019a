import { describe, expect, it } from "vitest";
import { contentsListSections, pageSections } from "../../src/eleventy/contents-list.ts";
import { createMarkdown } from "../../src/content/markdown.ts";

const md = createMarkdown();
const page = (headings: string[]) => md.render(headings.map((heading) => `## ${heading}\n\nText.\n\n### A smaller heading\n`).join("\n"));

describe("On this page", () => {
  it("lists a page's level 2 headings with the ids the Markdown gave them, as their words read", () => {
    expect(pageSections(page(["Costs", "Who pays?", "Costs", "Children's `EHC` plans & you"]))).toEqual([
      { id: "costs", text: "Costs" },
      { id: "who-pays", text: "Who pays?" },
      { id: "costs-2", text: "Costs" },
      { id: "children-s-ehc-plans-you", text: "Children's EHC plans & you" },
    ]);
  });

  it("is drawn for four sections or more, counting those the layout adds after the text", () => {
    expect(contentsListSections(page(["One", "Two", "Three"]))).toEqual([]);
    expect(contentsListSections(page(["One", "Two", "Three", "Four"]))).toHaveLength(4);
    expect(
      contentsListSections(page(["One", "Two", "Three"]), [{ id: "pages-in-this-section", text: "Pages in this section" }]).map((section) => section.id),
    ).toEqual(["one", "two", "three", "pages-in-this-section"]);
  });
});
