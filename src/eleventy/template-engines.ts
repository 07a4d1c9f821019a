// Nunjucks and Markdown as the site uses them: GOV.UK Frontend's macros on the search path, and the
// shared Markdown parser that gives headings their ids.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";
import { displayTerm, termsUsedIn } from "../lib/glossary.ts";
import { readGlossary } from "../content/glossary-file.ts";
import { createMarkdown } from "../content/markdown.ts";
import { FragmentCache } from "./fragment-cache.ts";
import { isoDate, readableDate } from "../content/dates.ts";
import type { EleventyConfig } from "./types.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import type { RebuildState } from "../pipeline/rebuilding.ts";
import { projectRoot } from "../project.ts";

/** Every file in the includes, with its size and time of change: what a compiled template depends on. */
function includesStamp(includes: string): string {
  return readdirSync(includes, { recursive: true, encoding: "utf8" })
    .sort()
    .map((file) => {
      const { mtimeMs, size } = statSync(path.join(includes, file));
      return `${file} ${mtimeMs} ${size}`;
    })
    .join("\n");
}

/** Nunjucks as the layouts need it, with the {% cached %} tag's fragments. */
interface SiteNunjucks {
  environment: nunjucks.Environment;
  fragments: FragmentCache;
}

/** The environment npm start keeps, with the includes as they were when it was made. */
export interface KeptNunjucks extends SiteNunjucks {
  includes: string;
  stamp: string;
}

function newEnvironment(includes: string): SiteNunjucks {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([includes, path.join(projectRoot, "node_modules/govuk-frontend/dist")]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  const fragments = new FragmentCache();
  environment.addExtension("FragmentCache", fragments);
  return { environment, fragments };
}

/**
 * The Nunjucks environment for the includes folder. npm start keeps it while the includes are
 * unchanged, with the layouts, partials and GOV.UK macros it has compiled: about 0.1 s of a 0.6 s
 * rebuild of the sample site. Templates look up filters and extensions by name as they render, so
 * those are set again for each build.
 */
function environmentFor(includes: string, rebuilding: RebuildState | undefined): SiteNunjucks {
  if (!rebuilding) return newEnvironment(includes);
  const stamp = includesStamp(includes);
  if (rebuilding.nunjucks?.includes !== includes || rebuilding.nunjucks.stamp !== stamp) rebuilding.nunjucks = { includes, stamp, ...newEnvironment(includes) };
  return rebuilding.nunjucks;
}

export default function templateEngines(eleventyConfig: EleventyConfig, build: BuildContext): void {
  const { environment, fragments } = environmentFor(path.resolve(eleventyConfig.directories.includes), build.rebuilding);
  // The plugin runs once for each build: fragments are drawn afresh with each build's data.
  fragments.clear();
  eleventyConfig.setLibrary("njk", environment);

  const glossary = readGlossary(path.resolve(eleventyConfig.directories.input));
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
