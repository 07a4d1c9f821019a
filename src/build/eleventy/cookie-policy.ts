// Gives the layouts the cookie register, so the table on /cookies/ is the very list the scripts
// write by, and the saved pages' codes: a filter for the heart, and /saved-pages/pages.json, which
// turns codes back into titles.
import { COOKIE_PURPOSES, COOKIE_REGISTER, lifetimeText, STORAGE_REGISTER } from "../../lib/cookies/register.ts";
import { pageIdOf } from "../../lib/saved-pages/page-ids.ts";
import { documentsOfBuild, type BuiltPage } from "../search/documents.ts";
import { writeOutput } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";

/** A page's own heart; hearts on a reckoner's result cards save other pages. */
const PAGE_ID_ATTRIBUTE = /data-saves="this-page" data-page-id="([0-9a-z]{6})"/;

export default function cookiePolicy(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addGlobalData("cookieRegister", () => COOKIE_REGISTER.map((entry) => ({ ...entry, purpose: COOKIE_PURPOSES[entry.name], expires: lifetimeText(entry.lifetime) })));
  eleventyConfig.addGlobalData("storageRegister", () => STORAGE_REGISTER);
  eleventyConfig.addFilter("pageId", (url: string) => pageIdOf(url));

  eleventyConfig.on("eleventy.after", async ({ directories, results }) => {
    const pages: Record<string, [string, string, string]> = {};
    const built = (results ?? []) as BuiltPage[];
    // Eleventy's own array: the search index reads the same documents from it, once per build.
    const documents = documentsOfBuild(built);
    // In address order, so the file is the same from one build to the next whatever order Eleventy finished in.
    for (const page of built.toSorted((a, b) => a.url.localeCompare(b.url))) {
      const id = PAGE_ID_ATTRIBUTE.exec(page.content)?.[1];
      if (!id) continue;
      const other = pages[id];
      // Six letters give two billion codes; a clash is unlikely, but would mix two pages up.
      if (other) throw new Error(`${page.url} and ${other[0]} have the same saved-page code ${id} (rename one page's file, or report this to the developers)`);
      const document = documents.get(page.url);
      pages[id] = [page.url, document?.title ?? page.url, document?.section ?? ""];
    }
    await writeOutput(directories.output, "/saved-pages/pages.json", JSON.stringify(pages));
  });
}
