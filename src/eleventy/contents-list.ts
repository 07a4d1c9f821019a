// "On this page": a long page's sections, read from its rendered HTML so that the list has the ids
// the Markdown parser gave its headings (src/content/markdown.ts) and their words as shown.
import { Parser } from "htmlparser2";
import type { EleventyConfig } from "./types.ts";

/** A page with fewer sections than this is short enough to scan without a list. */
export const CONTENTS_LIST_MIN_SECTIONS = 4;

export interface PageSection {
  id: string;
  text: string;
}

/** The page's level 2 headings that have an id, in order. */
export function pageSections(html: string): PageSection[] {
  const sections: PageSection[] = [];
  let open: PageSection | undefined;
  new Parser(
    {
      onopentag(name, attributes) {
        if (name === "h2" && attributes.id) open = { id: attributes.id, text: "" };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name !== "h2" || !open) return;
        sections.push({ id: open.id, text: open.text.replace(/\s+/g, " ").trim() });
        open = undefined;
      },
    },
    { decodeEntities: true },
  ).end(html);
  return sections;
}

/** The sections for a page's "On this page" list (its own, then those its layout adds), or none when the page is short. */
export function contentsListSections(html: string, laterSections: readonly PageSection[] = []): PageSection[] {
  const sections = [...pageSections(html), ...laterSections];
  return sections.length >= CONTENTS_LIST_MIN_SECTIONS ? sections : [];
}

export default function contentsList(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("contentsList", contentsListSections);
}
