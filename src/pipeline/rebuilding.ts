// What `npm start` keeps from one build to the next, so each rebuild works out again only what an
// edit changed. It lives in one object that npm start makes once and hands to every build (see
// BuildOptions.rebuilding); a one-off build has none, and keeps nothing: on a 10,000-page site
// these caches would only hold memory.
import type { ContentFileReading } from "../content/validate.ts";
import type { KeptNunjucks } from "../eleventy/template-engines.ts";
import type { HtmlFacts } from "./link-check.ts";
import { LiveSites } from "./live-site.ts";
import type { SearchDocument } from "./search-documents.ts";

/**
 * What a build worked out from each input (a file's text, a page's HTML), by a key such as its
 * path. The next build reuses every value whose input is unchanged.
 */
export class RebuildMemo<T> {
  #last = new Map<string, { input: string; value: T }>();
  #current = new Map<string, { input: string; value: T }>();

  /** The last build's value if its input was the same, else a new one. */
  get(key: string, input: string, compute: () => T): T {
    let entry = this.#last.get(key);
    if (entry?.input !== input) entry = { input, value: compute() };
    this.#current.set(key, entry);
    return entry.value;
  }

  /** Called when a build has asked for everything: its values are the ones the next build reuses. */
  finish(): void {
    this.#last = this.#current;
    this.#current = new Map();
  }
}

export class RebuildState {
  /** Each content file's reading for the content check, by path and text: an edit changes one file. */
  readonly contentReadings = new RebuildMemo<ContentFileReading>();
  /** Each page's search document, by address and HTML: an edit changes a few pages. */
  readonly searchDocuments = new RebuildMemo<SearchDocument | undefined>();
  /** Each page's ids and links, by path and HTML, for the site's link check. */
  readonly pageFacts = new RebuildMemo<HtmlFacts>();
  /** The same for the downloadable copy's pages, whose links are relative. */
  readonly offlineCopyFacts = new RebuildMemo<HtmlFacts>();
  /** The Nunjucks environment with the layouts and macros it has compiled, while the includes are unchanged. */
  nunjucks: KeptNunjucks | undefined;
  /** What each served folder holds, so a rebuild writes only the files that changed. */
  readonly liveSites = new LiveSites();
}
