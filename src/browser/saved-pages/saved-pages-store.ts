// The pages a family saved, kept in the saved-pages cookie as short page codes.
import { decodePageIds, encodePageIds } from "../../lib/saved-pages/page-ids.ts";
import { SAVED_PAGES_COOKIE } from "../../lib/cookies/register.ts";
import { featureCookiesAllowed, readFeatureCookie, removeFeatureCookie, writeFeatureCookie } from "../cookies/cookie-jar.ts";
import { SAVED_PAGES_EVENT } from "../page-events.ts";

/** The saved page codes; none without consent, and none of a tampered cookie's junk. */
export function readSavedPages(): string[] {
  return decodePageIds(readFeatureCookie(SAVED_PAGES_COOKIE));
}

/** Keeps the list (renewing the cookie's month); false when there is no consent to keep it. */
export function writeSavedPages(ids: readonly string[]): boolean {
  let kept = true;
  if (ids.length > 0) kept = writeFeatureCookie(SAVED_PAGES_COOKIE, encodePageIds(ids));
  else removeFeatureCookie(SAVED_PAGES_COOKIE);
  // Announced, for the offline worker to keep the same pages: the worker reads the list from here.
  if (kept && featureCookiesAllowed()) document.dispatchEvent(new CustomEvent(SAVED_PAGES_EVENT, { detail: { ids } }));
  return kept;
}
