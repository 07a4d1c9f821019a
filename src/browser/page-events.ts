// What the site's scripts announce on document. A feature acts on another's change by listening,
// not by being called, so the code that makes a change need not import the features that act on
// it: the cookie jar knows nothing of the offline worker, nor the saved-pages store of the worker.

/**
 * Someone made or changed their cookie choice, wherever on the page they did. Fired before
 * recordConsent returns; by then, saying no has deleted every feature cookie.
 */
export const CONSENT_EVENT = "app:consent";

/** The saved pages were kept, with consent, as this list. */
export const SAVED_PAGES_EVENT = "app:saved-pages";

declare global {
  interface DocumentEventMap {
    [CONSENT_EVENT]: CustomEvent<{ feature: boolean }>;
    [SAVED_PAGES_EVENT]: CustomEvent<{ ids: readonly string[] }>;
  }
}
