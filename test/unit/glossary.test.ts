import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/content/markdown.ts";
import { displayTerm, termsUsedIn, type GlossaryEntry } from "../../src/lib/glossary.ts";

const glossary: GlossaryEntry[] = [
  { id: "sen", term: "special educational needs", abbreviation: "SEN", definition: "Needs that call for special help to learn." },
  { id: "senco", term: "special educational needs co-ordinator", abbreviation: "SENCO", definition: "The teacher who organises SEN support." },
  { id: "annual-review", term: "annual review", definition: "A yearly meeting about an EHC plan." },
];

describe("termsUsedIn", () => {
  it("finds abbreviations as written and terms in any case or plural", () => {
    expect(termsUsedIn("Ask the SENCO.", glossary).map((entry) => entry.id)).toEqual(["senco"]);
    expect(termsUsedIn("Annual Reviews happen each year.", glossary).map((entry) => entry.id)).toEqual(["annual-review"]);
    expect(termsUsedIn("Children with SEN and SENCOs", glossary).map((entry) => entry.id)).toEqual(["sen", "senco"]);
  });

  it("does not find abbreviations inside other words or in lower case", () => {
    expect(termsUsedIn("We have been sent the SENDIASS leaflet; send it on.", glossary)).toEqual([]);
  });

  it("shows a term with its abbreviation", () => {
    expect(displayTerm(glossary[1]!)).toBe("Special educational needs co-ordinator (SENCO)");
    expect(displayTerm(glossary[2]!)).toBe("Annual review");
  });
});

describe("glossary abbreviations in Markdown", () => {
  const md = createMarkdown({ glossary });

  it("gives the first use on a page its full form, and leaves later uses, headings and links alone", () => {
    const html = md.render("## SEN at school\n\nAsk [the SENCO](/senco/) about SEN. The SENCO knows SEN well.");
    expect(html).toContain('<h2 id="sen-at-school" class="govuk-heading-l">SEN at school</h2>');
    expect(html).toContain(
      '<a href="/senco/" class="govuk-link">the SENCO</a> about <abbr title="special educational needs">SEN</abbr>. The <abbr title="special educational needs co-ordinator">SENCO</abbr> knows SEN well.',
    );
  });

  it("starts again for each page", () => {
    expect(md.render("SEN")).toContain("<abbr");
    expect(md.render("SEN")).toContain("<abbr");
  });
});
