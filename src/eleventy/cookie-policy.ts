// Gives the layouts the cookie register, so the table on /cookies/ is the very list the scripts
// write by, the analytics provider the settings switch on (with its cookies), and the saved pages'
// codes: a filter for the heart, and /saved-pages/pages.json, which turns codes back into titles.
import path from "node:path";
import { readSettings } from "../content/data-files.ts";
import { analyticsProviderOf } from "../lib/analytics/providers.ts";
import {
  CONSENT_COOKIE,
  CONSENT_PURPOSE_WITH_ANALYTICS,
  COOKIE_PURPOSES,
  COOKIE_REGISTER,
  lifetimeText,
  SENT_NOT_STORED,
  STORAGE_REGISTER,
} from "../lib/cookies/register.ts";
import { pageIdOf } from "../lib/saved-pages/page-ids.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { addPageTransform } from "./site-outputs.ts";
import type { EleventyConfig } from "./types.ts";

/** A page's own heart; hearts on a reckoner's result cards save other pages. */
const PAGE_ID_ATTRIBUTE = /data-saves="this-page" data-page-id="([0-9a-z]{6})"/;

export default function cookiePolicy(eleventyConfig: EleventyConfig, build: BuildContext): void {
  const contentDir = path.resolve(eleventyConfig.directories.input);
  /** Undefined while analytics is off, as it is unless the settings name a provider. */
  const analytics = () => analyticsProviderOf(readSettings(contentDir));
  eleventyConfig.addGlobalData("analytics", analytics);
  eleventyConfig.addGlobalData("cookieRegister", () => {
    const withAnalytics = analytics() !== undefined;
    return COOKIE_REGISTER.map((entry) => ({
      ...entry,
      purpose: withAnalytics && entry.name === CONSENT_COOKIE ? CONSENT_PURPOSE_WITH_ANALYTICS : COOKIE_PURPOSES[entry.name],
      expires: lifetimeText(entry.lifetime),
    }));
  });
  eleventyConfig.addGlobalData("storageRegister", () => STORAGE_REGISTER);
  eleventyConfig.addGlobalData("sentNotStored", () => SENT_NOT_STORED);
  eleventyConfig.addFilter("pageId", (url: string) => pageIdOf(url));

  /** Each page's own heart's code, by address, read as Eleventy renders the page. */
  const pageIds = new Map<string, string>();
  addPageTransform(eleventyConfig, build.outputs, "saved-page-ids", ({ url, outputPath }, html) => {
    const id = typeof outputPath === "string" && outputPath.endsWith(".html") ? PAGE_ID_ATTRIBUTE.exec(html)?.[1] : undefined;
    if (id) pageIds.set(url, id);
    return html;
  });
  eleventyConfig.on("eleventy.after", async () => {
    const pages: Record<string, [string, string, string]> = {};
    // The search index plugin's documents, read once per build.
    const documents = build.searchDocuments;
    // In address order, so the file is the same from one build to the next whatever order Eleventy finished in.
    for (const [url, id] of [...pageIds].sort(([a], [b]) => a.localeCompare(b))) {
      const other = pages[id];
      // Six letters give two billion codes; a clash is unlikely, but would mix two pages up.
      if (other) throw new Error(`${url} and ${other[0]} have the same saved-page code ${id} (rename one page's file, or report this to the developers)`);
      const document = documents.get(url);
      pages[id] = [url, document?.title ?? url, document?.section ?? ""];
    }
    await build.outputs.write("/saved-pages/pages.json", JSON.stringify(pages));
  });
}
