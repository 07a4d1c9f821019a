// Every page of a built site as the address a browser would use.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export async function sitePages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/** A ready reckoner's step pages: one template in three forms (answers as links, checkboxes, results). */
export type StepForm = "links" | "checkboxes" | "results";

export interface CheckedPages {
  pages: string[];
  /** How many reckoner step pages the site has, of which `sampled` are in `pages`. */
  reckonerSteps: number;
  /** Each reckoner's first step page of each form, keyed "<reckoner> <form>". */
  sampled: Map<string, string>;
}

/**
 * The pages whole-site checks (accessibility, the CSP) visit: every page, but of each reckoner's
 * step pages, which can run to hundreds from one template, only the first of each form.
 */
export async function pagesToCheck(siteDir: string): Promise<CheckedPages> {
  const all = await sitePages(siteDir);
  const steps = all.filter((page) => /^\/reckoners\/[^/]+\/answers\//.test(page));
  const sampled = new Map<string, string>();
  for (const page of steps) {
    const html = await readFile(path.join(siteDir, page, "index.html"), "utf8");
    const form: StepForm = html.includes('data-reckoner-at="results"') ? "results" : html.includes('type="checkbox"') ? "checkboxes" : "links";
    const key = `${page.split("/")[2]} ${form}`;
    if (!sampled.has(key)) sampled.set(key, page);
  }
  const kept = new Set(sampled.values());
  return { pages: all.filter((page) => !steps.includes(page) || kept.has(page)), reckonerSteps: steps.length, sampled };
}
