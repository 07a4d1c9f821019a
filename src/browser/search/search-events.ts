// What the search page announces on document. Apart from page-events.ts, which every page's script
// carries: only the search page and the analytics code, each a chunk of its own, need this.

/** A search found nothing; analytics, where it is switched on and agreed to, counts the words. */
export const NOTHING_FOUND_EVENT = "app:nothing-found";

declare global {
  interface DocumentEventMap {
    [NOTHING_FOUND_EVENT]: CustomEvent<{ query: string }>;
  }
}
