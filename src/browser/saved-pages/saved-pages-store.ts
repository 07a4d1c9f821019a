// The pages a family saved, kept in the saved-pages cookie as short page codes, with the day the
// list last changed, from which the list's expiry is worked out (a script cannot read a cookie's).
import { decodeSavedList, encodeSavedList } from "../../lib/saved-pages/page-ids.ts";
import { lifetimeDays, SAVED_PAGES_COOKIE } from "../../lib/cookies/register.ts";
import { featureCookiesAllowed, readFeatureCookie, removeFeatureCookie, writeFeatureCookie } from "../cookies/cookie-jar.ts";
import { SAVED_PAGES_EVENT } from "../page-events.ts";

/** The saved page codes; none without consent, and none of a tampered cookie's junk. */
export function readSavedPages(): string[] {
  return decodeSavedList(readFeatureCookie(SAVED_PAGES_COOKIE)).ids;
}

/** When the list goes, as the cookie was written to expire; undefined with nothing saved or a cookie from before the day was kept. */
export function savedPagesExpiry(): Date | undefined {
  const { ids, changedOn } = decodeSavedList(readFeatureCookie(SAVED_PAGES_COOKIE));
  if (ids.length === 0 || !changedOn) return undefined;
  return new Date(new Date(`${changedOn}T12:00:00`).getTime() + lifetimeDays(SAVED_PAGES_COOKIE) * 24 * 60 * 60 * 1000);
}

/** "kept until 5 January 2027, 30 days after your last change", or the rule alone when the day is not known. */
export function keptUntilText(): string {
  const expiry = savedPagesExpiry();
  const rule = `${lifetimeDays(SAVED_PAGES_COOKIE)} days after your last change`;
  return expiry ? `kept until ${expiry.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}, ${rule}` : `kept for ${rule}`;
}

/** Keeps the list (renewing the cookie's month); false when there is no consent to keep it. */
export function writeSavedPages(ids: readonly string[]): boolean {
  let kept = true;
  if (ids.length > 0) kept = writeFeatureCookie(SAVED_PAGES_COOKIE, encodeSavedList(ids, new Date()));
  else removeFeatureCookie(SAVED_PAGES_COOKIE);
  // Announced, for the offline worker to keep the same pages: the worker reads the list from here.
  if (kept && featureCookiesAllowed()) document.dispatchEvent(new CustomEvent(SAVED_PAGES_EVENT, { detail: { ids } }));
  return kept;
}
