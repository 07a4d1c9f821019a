// After Eleventy has written the site, checks that every page has the site's layout and that
// every internal link and asset in the HTML resolves. Content links were checked with file and line before the build; this catches the ones
// layouts and generated pages make.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";
import { isExternal, resolveHref } from "./site-urls.ts";

interface HtmlFacts {
  ids: Set<string>;
  references: Array<{ attribute: string; value: string }>;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
  return nested.flat();
}

function readFacts(html: string, siteUrl: string | undefined): HtmlFacts {
  const facts: HtmlFacts = { ids: new Set(), references: [] };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) facts.ids.add(attributes.id);
      for (const attribute of ["href", "src", "action"] as const) {
        const value = attributes[attribute];
        if (value === undefined || (name === "link" && attributes.rel === "canonical")) continue;
        // A link written in full to the site's own address is checked like a root-relative one.
        facts.references.push({ attribute, value: siteUrl && value.startsWith(`${siteUrl}/`) ? value.slice(siteUrl.length) : value });
      }
    },
  });
  parser.write(html);
  parser.end();
  return facts;
}

/** Every HTML file below a built site, by its path from the site's root. */
async function htmlFiles(siteDir: string): Promise<string[]> {
  return (await walk(siteDir)).filter((file) => file.endsWith(".html"));
}

/**
 * Writes every root-relative link, asset and form address in full, so a page saved from the
 * browser ("HTML only") still reaches the site and its CSS. The canonical link already is.
 */
export async function writeAbsoluteLinks(siteDir: string, siteUrl: string): Promise<void> {
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, "utf8");
    await writeFile(file, html.replace(/\s(href|src|action)="\/(?!\/)/g, (_whole, attribute: string) => ` ${attribute}="${siteUrl}/`));
  }
}

/** Returns one line per broken reference, naming the page (relative to the site) that has it. */
export async function checkBuiltLinks(siteDir: string, siteUrl?: string): Promise<string[]> {
  const files = new Set((await walk(siteDir)).map((file) => `/${path.relative(siteDir, file).split(path.sep).join("/")}`));
  const facts = new Map<string, HtmlFacts>();
  for (const file of files) {
    if (file.endsWith(".html")) facts.set(file, readFacts(await readFile(path.join(siteDir, file), "utf8"), siteUrl));
  }
  const problems: string[] = [];
  for (const [file, { references, ids }] of facts) {
    // Every page carries the layout's main landmark; one without it was built with no layout.
    if (!ids.has("main-content")) problems.push(`${file}: has no id="main-content", so it was built without the site's layout`);
    const pageUrl = file.replace(/index\.html$/, "");
    for (const { attribute, value } of references) {
      if (isExternal(value)) continue;
      const { path: pathname, fragment } = resolveHref(value, pageUrl);
      const targetFile = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
      if (!files.has(targetFile) && !files.has(`${targetFile}/index.html`)) {
        problems.push(`${file}: ${attribute}="${value}" points at ${pathname}, which the build did not make`);
      } else if (fragment && !(value.startsWith("#") ? ids : (facts.get(targetFile)?.ids ?? new Set())).has(fragment)) {
        problems.push(`${file}: ${attribute}="${value}" points at #${fragment}, which is not on that page`);
      }
    }
  }
  return problems;
}
