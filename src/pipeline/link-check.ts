// After Eleventy has written the site, checks that every page has the site's layout and that
// every internal link and asset in the HTML resolves. Content links were checked with file and line before the build; this catches the ones
// layouts and generated pages make. The pages are read from memory as Eleventy rendered them, with a
// tag scanner rather than a full HTML parser: on a 10,000-page site that is seconds, not a minute.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../content/content-files.ts";
import type { RebuildMemo } from "./rebuilding.ts";
import { isExternal, resolveHref } from "../content/site-addresses.ts";

export interface HtmlFacts {
  ids: Set<string>;
  references: Array<{ attribute: string; value: string }>;
}

// A start tag with its attributes; quoted values may hold ">" (a description meta tag can).
const START_TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// A tag that may have one of the attributes the check reads; most tags have none, and reading
// every tag's attributes took two thirds of the check.
const READ_ATTRIBUTE = /\s(?:id|href|src|action)(?![^\s=])/i;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|quot|apos|lt|gt));/gi;
const NAMED: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };

/** Attribute values as a browser reads them; Nunjucks escapes only these characters. */
function decodeAttribute(value: string): string {
  if (!value.includes("&")) return value;
  return value.replace(ENTITY, (_whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(decimal ? Number(decimal) : parseInt(hex!, 16)),
  );
}

/**
 * A copy of a string that holds nothing else: a string cut from a page by a regex keeps the whole
 * page in memory while it lives, and the check keeps ids until every page is in.
 */
const detached = (text: string) => ` ${text}`.slice(1);

/** The ids a page has and the addresses its links, assets and forms point at. */
export function readFacts(html: string, siteUrl?: string): HtmlFacts {
  const facts: HtmlFacts = { ids: new Set(), references: [] };
  const markup = html.includes("<!--") ? html.replace(/<!--[\s\S]*?-->/g, "") : html;
  for (const [, name, attributeText = ""] of markup.matchAll(START_TAG)) {
    if (!READ_ATTRIBUTE.test(attributeText)) continue;
    const attributes = new Map<string, string>();
    for (const [, attribute, double, single, bare] of attributeText.matchAll(ATTRIBUTE)) {
      attributes.set(attribute!.toLowerCase(), decodeAttribute(double ?? single ?? bare ?? ""));
    }
    const id = attributes.get("id");
    if (id) facts.ids.add(id);
    for (const attribute of ["href", "src", "action"] as const) {
      const value = attributes.get(attribute);
      if (value === undefined || (name!.toLowerCase() === "link" && attributes.get("rel") === "canonical")) continue;
      // A link written in full to the site's own address is checked like a root-relative one.
      facts.references.push({ attribute, value: siteUrl && value.startsWith(`${siteUrl}/`) ? value.slice(siteUrl.length) : value });
    }
  }
  return facts;
}

/**
 * Every root-relative link, asset and form address written in full, so a page saved from the
 * browser ("HTML only") still reaches the site and its CSS. The canonical link already is.
 */
export function absoluteLinks(html: string, siteUrl: string): string {
  return html.replace(/\s(href|src|action)="\/(?!\/)/g, (_whole, attribute: string) => ` ${attribute}="${siteUrl}/`);
}

/**
 * Checks pages one at a time, keeping only each page's ids and its links to other pages' fragments
 * (checked once every page is in), so a 20,000-page site's links are never all in memory at once.
 * `files` is every file of the site by its path ("/sen-support/index.html"), or every file known
 * while the pages are still being rendered: a link to a file not among them is held and checked
 * against the files `problems` is given at the end (the search index and the like are made last).
 */
export class LinkCheck {
  readonly #files: ReadonlySet<string>;
  readonly #siteUrl: string | undefined;
  readonly #memo: RebuildMemo<HtmlFacts> | undefined;
  readonly #ids = new Map<string, Set<string>>();
  readonly #found: Array<{ order: number; file: string; line: string }> = [];
  /** Links whose target file is known, to a fragment of it; and those whose file was not known yet. */
  readonly #pending: Array<{ order: number; file: string; attribute: string; value: string; pathname: string; fragment: string }> = [];
  #order = 0;

  /** With a memo, a page whose HTML is as the last build had it is not read again (`npm start`). */
  constructor(files: ReadonlySet<string>, siteUrl?: string, memo?: RebuildMemo<HtmlFacts>) {
    this.#files = files;
    this.#siteUrl = siteUrl;
    this.#memo = memo;
  }

  /** Whether the page has been added. */
  has(file: string): boolean {
    return this.#ids.has(file);
  }

  add(file: string, html: string): void {
    const read = () => readFacts(html, this.#siteUrl);
    const { ids, references } = this.#memo ? this.#memo.get(`${this.#siteUrl ?? ""} ${file}`, html, read) : read();
    this.#ids.set(file, new Set(Array.from(ids, detached)));
    const problem = (line: string) => this.#found.push({ order: this.#order++, file, line });
    // Every page carries the layout's main landmark; one without it was built with no layout.
    if (!ids.has("main-content")) problem(`${file}: has no id="main-content", so it was built without the site's layout`);
    const pageUrl = file.replace(/index\.html$/, "");
    for (const { attribute, value } of references) {
      if (isExternal(value)) continue;
      const { path: pathname, fragment } = resolveHref(value, pageUrl);
      if (fragment && value.startsWith("#")) {
        if (!ids.has(fragment)) problem(`${file}: ${attribute}="${value}" points at #${fragment}, which is not on that page`);
      } else if (fragment || !targetIn(this.#files, pathname)) {
        this.#pending.push({ order: this.#order++, file, attribute, value: detached(value), pathname: detached(pathname), fragment: detached(fragment ?? "") });
      }
    }
  }

  /**
   * One line per broken reference, naming the page that has it, by page and in the page's order.
   * `files` is every file the site has, if it was not known when the check began.
   */
  problems(files: ReadonlySet<string> = this.#files): string[] {
    const lines = [...this.#found];
    for (const { order, file, attribute, value, pathname, fragment } of this.#pending) {
      const target = targetIn(files, pathname);
      if (!target) lines.push({ order, file, line: `${file}: ${attribute}="${value}" points at ${pathname}, which the build did not make` });
      else if (fragment && !(this.#ids.get(target) ?? new Set()).has(fragment))
        lines.push({ order, file, line: `${file}: ${attribute}="${value}" points at #${fragment}, which is not on that page` });
    }
    // By page, so the order does not depend on the order in which the pages were rendered.
    return lines.sort((a, b) => (a.file === b.file ? a.order - b.order : a.file < b.file ? -1 : 1)).map(({ line }) => line);
  }
}

/** The file a site path is served from, if the site has it: the file itself or its folder's index.html. */
function targetIn(files: ReadonlySet<string>, pathname: string): string | undefined {
  const file = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
  return files.has(file) ? file : files.has(`${file}/index.html`) ? `${file}/index.html` : undefined;
}

/** The link check of a site on disk (the unzipped offline copy, in its tests). */
export async function checkBuiltLinks(siteDir: string, siteUrl?: string): Promise<string[]> {
  const files = (await listFiles(siteDir)).map((file) => `/${file}`);
  const check = new LinkCheck(new Set(files), siteUrl);
  for (const file of files) {
    if (file.endsWith(".html")) check.add(file, await readFile(path.join(siteDir, file), "utf8"));
  }
  return check.problems();
}
