// Nunjucks and Markdown as the site uses them: GOV.UK Frontend's macros on the search path, and the
// shared Markdown parser that gives headings their ids.
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { displayTerm, termsUsedIn } from "../../lib/glossary.ts";
import { readGlossary } from "../glossary-data.ts";
import { createMarkdown } from "../markdown.ts";
import { FragmentCache } from "./fragment-cache.ts";
import { isoDate } from "../content/dates.ts";
import type { EleventyConfig } from "./types.ts";

const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

// One formatter for the build: making one per date took seconds on a 10,000-page site.
const GOV_UK_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-20" → "20 November 2026", the GOV.UK date style. */
export function readableDate(value: unknown): string {
  const iso = isoDate(value);
  if (!iso) return "";
  return GOV_UK_DATE.format(new Date(`${iso}T00:00:00Z`));
}

export default function templates(eleventyConfig: EleventyConfig): void {
  const includes = path.resolve(eleventyConfig.directories.includes);
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([includes, path.join(projectRoot, "node_modules/govuk-frontend/dist")]),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  // A new cache for each build: the plugin runs once per Eleventy instance.
  environment.addExtension("FragmentCache", new FragmentCache());
  eleventyConfig.setLibrary("njk", environment);

  const glossary = readGlossary(eleventyConfig.directories.data);
  eleventyConfig.setLibrary("md", createMarkdown({ glossary }));
  /** The glossary entries a rendered page uses, for its "what the words mean" list. */
  eleventyConfig.addFilter("glossaryTermsIn", (html: string) => termsUsedIn(html.replace(/<[^>]+>/g, " "), glossary));
  eleventyConfig.addFilter("displayTerm", displayTerm);

  eleventyConfig.addFilter("readableDate", readableDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  /** "/sen-support/what-is-sen-support/" → "sen-support": all the header needs of a page's address. */
  eleventyConfig.addFilter("topFolder", (url: string) => url.split("/")[1] ?? "");
  eleventyConfig.addFilter("absoluteUrl", (url: string, base: string) => new URL(url, `${base}/`).href);
}
