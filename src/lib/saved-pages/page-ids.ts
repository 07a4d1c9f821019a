// Saved pages are kept as short codes, not titles or addresses: six letters or digits worked out
// from a page's address, so the same page has the same code in every build, and 100 of them take
// 700 bytes of the 4 kB a cookie can hold. A page that moves gets a new code; the old one is dropped.
// The cookie also holds the day the list last changed: a browser's script cannot read a cookie's
// expiry, and families are told how long their list is kept.

/** Most pages a family can save; the heart explains the limit when it is reached. */
export const MAX_SAVED_PAGES = 100;

const ID = /^[0-9a-z]{6}$/;
const SEPARATOR = ".";

/** FNV-1a, 32 bits: enough spread for a site's pages, and the build refuses any two that clash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function pageIdOf(url: string): string {
  return (fnv1a(url) % 36 ** 6).toString(36).padStart(6, "0");
}

/**
 * The saved page codes in a cookie or share link: well-formed codes only, each once, at most
 * MAX_SAVED_PAGES. Anything else (markup, wrong types, a value too long to be ours) is dropped.
 */
export function decodePageIds(value: unknown): string[] {
  if (typeof value !== "string" || value.length > MAX_SAVED_PAGES * (6 + SEPARATOR.length)) return [];
  return [...new Set(value.split(SEPARATOR).filter((id) => ID.test(id)))].slice(0, MAX_SAVED_PAGES);
}

export function encodePageIds(ids: readonly string[]): string {
  return ids.join(SEPARATOR);
}

/** What the saved-pages cookie holds: the codes, and the day the list last changed (YYYY-MM-DD). */
export interface SavedList {
  ids: string[];
  /** Absent from a cookie written before the day was kept. */
  changedOn?: string;
}

const CHANGED_ON = /^(\d{4}-\d{2}-\d{2})~(.*)$/;

/** "2026-12-06~k3v9qa.a81bz0". */
export function encodeSavedList(ids: readonly string[], changedOn: Date): string {
  return `${changedOn.toISOString().slice(0, 10)}~${encodePageIds(ids)}`;
}

/** The list in a cookie; a day that is not a real date is left out, codes that are not codes are dropped. */
export function decodeSavedList(value: unknown): SavedList {
  if (typeof value !== "string") return { ids: [] };
  const match = CHANGED_ON.exec(value);
  if (!match) return { ids: decodePageIds(value) };
  const day = new Date(`${match[1]}T00:00:00Z`);
  const real = !Number.isNaN(day.getTime()) && day.toISOString().startsWith(match[1]!);
  return { ids: decodePageIds(match[2]), ...(real ? { changedOn: match[1] } : {}) };
}
