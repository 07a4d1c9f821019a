// On the results page, fetches the chunks of the index the query's words are in while the page is
// still arriving: run by the results page's early script (early-search.ts), from the manifest the page carries
// (see src/eleventy/search-index.ts). Without it the chunks are asked for only once the search
// bundle has arrived and run, a round trip later on a phone. It makes a query's terms as the search
// does for plain words (query-words.ts), less lunr's syntax, and so asks for the very chunks the
// search will read.
import { QUERY_LIMITS } from "../../lib/search/query-limits.ts";
import { chunkFile, chunkOf, MANIFEST_META, type SearchManifest } from "../../lib/search/format.ts";
import { termOfQueryWord, WORD_SEPARATOR } from "../../lib/search/query-words.ts";

/** The manifest the results page carries, if it does and it reads. */
export function manifestInPage(): SearchManifest | undefined {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${MANIFEST_META}"]`)?.content;
  if (!content) return undefined;
  try {
    return JSON.parse(content) as SearchManifest;
  } catch {
    return undefined;
  }
}

/** The different terms of a query's words, as lunr's tokenizer, parser and the search pipeline make them, less lunr's syntax, up to QUERY_LIMITS. */
export function termsToLookUp(query: string): string[] {
  const terms = new Set<string>();
  const words = query.slice(0, QUERY_LIMITS.length).toLowerCase().split(WORD_SEPARATOR);
  for (const word of words) {
    // A field name ("title:"), a boost or edit distance ("autism~1"), a wildcard term (left to the search, as it may span chunks).
    const term = word.includes("*") ? undefined : termOfQueryWord(word.replace(/^[^:]*:/, "").replace(/[~^]\d*$/, ""));
    if (term !== undefined && terms.size < QUERY_LIMITS.terms) terms.add(term);
  }
  return [...terms];
}

/** Adds a preload for each chunk the address's query's terms are in, which the search's own fetches then use. */
export function preloadQueryChunks(): void {
  const query = new URLSearchParams(window.location.search).get("q");
  const manifest = query ? manifestInPage() : undefined;
  if (!query || !manifest) return;
  const chunks = new Set(termsToLookUp(query).map((term) => chunkOf(manifest.chunkStarts, term)));
  for (const n of chunks) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = `/search/${manifest.folder}/${chunkFile(n)}`;
    document.head.append(link);
  }
}
