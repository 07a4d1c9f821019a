// What the search page announces on document. Apart from page-events.ts, which every page's script
// carries: only the search page and the analytics code, each a chunk of its own, need this.

/** A search found nothing; analytics, where it is switched on and agreed to, counts the words. */
export const NOTHING_FOUND_EVENT = "app:nothing-found";

/**
 * A User Timing mark the results page sets when its first results (or "No results") are on the
 * page, so a browser's own timeline, a measuring tool or `npm run bench:search` can read when a
 * family saw them without running code of its own in the page.
 */
export const RESULTS_SHOWN_MARK = "app:search-results-shown";

declare global {
  interface DocumentEventMap {
    [NOTHING_FOUND_EVENT]: CustomEvent<{ query: string }>;
  }
}
