// Lists a built site's pages for the tools and tests that visit them.
import { readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";
import { CMS_URL } from "../../src/lib/cms.ts";

/**
 * Every page of a built site as the address a browser would use, but the content editor's: /admin/
 * is Decap CMS's own interface, not a page of the site, and test/cms/ checks it on its own.
 */
export async function sitePages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1"))
    .filter((page) => !page.startsWith(CMS_URL))
    .sort();
}

/** The file a page's address is served from: /x/ from x/index.html, /404.html from itself. */
export function pageFile(siteDir: string, page: string): string {
  return path.join(siteDir, page.endsWith("/") ? `${page}index.html` : page);
}

/** Whether the page's HTML holds this markup. */
export function pageHas(siteDir: string, page: string, markup: string): boolean {
  return readFileSync(pageFile(siteDir, page), "utf8").includes(markup);
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

/** Elements that have no end tag. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/**
 * A page's markup as an accessibility checker reads it: each element's name, classes and module,
 * whatever its text and however many there are, split into what the layout draws and what is
 * in the page's own text (inside .app-prose, from its Markdown).
 */
function markupOf(html: string): { layout: Set<string>; prose: Set<string> } {
  const layout = new Set<string>();
  const prose = new Set<string>();
  const open: boolean[] = [];
  let inProse = 0;
  new Parser({
    onopentag(name, attributes) {
      const classes = (attributes.class ?? "").split(/\s+/).filter(Boolean).sort();
      const shape = [name, ...classes.map((className) => `.${className}`), attributes["data-module"] ? `[${attributes["data-module"]}]` : ""].join("");
      (inProse > 0 ? prose : layout).add(shape);
      if (VOID_ELEMENTS.has(name)) return;
      const startsProse = classes.includes("app-prose");
      open.push(startsProse);
      if (startsProse) inProse += 1;
    },
    onclosetag(name) {
      if (!VOID_ELEMENTS.has(name) && open.pop()) inProse -= 1;
    },
  }).end(html);
  return { layout, prose };
}

/**
 * The pages an accessibility check of markup needs to read: few pages that between them draw every
 * kind of element any page draws (an element's name with its classes and module, from the layout
 * or from the page's own text: a table, a details element, a service's opening times, ...), so that
 * every kind of element every template draws, in every form, is read at least once. Chosen greedily:
 * the page that draws the most kinds not yet read, then the next, the earlier address on a tie.
 * Reckoner steps count as pages like any other. The browser walk (test/browser.test.ts) runs axe on
 * every page besides.
 */
export async function onePageOfEachKind(siteDir: string): Promise<{ pages: string[]; all: number }> {
  const all = await sitePages(siteDir);
  const markup = await Promise.all(
    all.map(async (page) => {
      const { layout, prose } = markupOf(await readFile(pageFile(siteDir, page), "utf8"));
      return { page, shapes: [...layout, ...[...prose].map((shape) => `prose ${shape}`)] };
    }),
  );
  const seen = new Set<string>();
  const pages: string[] = [];
  for (;;) {
    let best: { page: string; shapes: string[] } | undefined;
    let mostNew = 0;
    for (const candidate of markup) {
      const unseen = candidate.shapes.filter((shape) => !seen.has(shape)).length;
      if (unseen > mostNew) [best, mostNew] = [candidate, unseen];
    }
    if (!best) break;
    pages.push(best.page);
    for (const shape of best.shapes) seen.add(shape);
  }
  return { pages, all: all.length };
}
