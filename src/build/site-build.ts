// Builds the site into a fresh folder beside the output and swaps it in only when everything
// worked, so a failed build never leaves a half-written or empty _site/ behind.
import { access, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { checkBuiltLinks } from "./built-links.ts";
import { ContentErrors, formatProblem, sortProblems, type ContentProblem } from "./content/problems.ts";
import { sitePages } from "./site-pages.ts";
import { describeTemplateFailure } from "./template-failure.ts";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildOptions {
  contentDir?: string;
  outputDir?: string;
}

export type BuildResult =
  | { ok: true; outputDir: string; pages: number; milliseconds: number }
  | { ok: false; messages: string[]; problems: ContentProblem[]; error?: unknown };

function findContentErrors(error: unknown): ContentErrors | undefined {
  for (let current = error; current; current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause) {
    if (current instanceof ContentErrors) return current;
  }
  return undefined;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const contentDir = path.resolve(options.contentDir ?? path.join(projectRoot, "content"));
  const outputDir = path.resolve(options.outputDir ?? path.join(projectRoot, "_site"));
  const building = `${outputDir}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });

  try {
    // Eleventy 3.1 skips directory data files (which set each folder's layout) when given an
    // absolute input path, so it gets the path relative to the working directory.
    const eleventy = new Eleventy(path.relative(process.cwd(), contentDir) || ".", building, { configPath: path.join(projectRoot, ".eleventy.ts"), quietMode: true });
    // Eleventy prints its own errors with stack traces; the caller gets plain ones instead.
    eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    const contentErrors = findContentErrors(error);
    if (contentErrors) return { ok: false, messages: sortProblems(contentErrors.problems).map(formatProblem), problems: contentErrors.problems, error };
    return { ok: false, messages: [await describeTemplateFailure(error)], problems: [], error };
  }

  const brokenLinks = await checkBuiltLinks(building);
  if (brokenLinks.length > 0) {
    await rm(building, { recursive: true, force: true });
    return { ok: false, messages: brokenLinks.map((line) => `layout link: ${line}`), problems: [] };
  }

  const pages = (await sitePages(building)).length;
  // Swap: the old site stays whole until the new one is complete.
  const previous = `${outputDir}.previous-${process.pid}`;
  const hadPrevious = await access(outputDir).then(() => true, () => false);
  if (hadPrevious) await rename(outputDir, previous);
  await rename(building, outputDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  return { ok: true, outputDir, pages, milliseconds: Math.round(performance.now() - started) };
}
