// Every cookie the site can set. This register is the only source for the table on /cookies/,
// for the lifetimes the browser code writes, and for the tests that check what a browser holds.
// The site embeds nothing from other origins. Analytics is off unless the settings switch it on;
// then its provider's cookies, set by the provider's script only for families who agree, are
// listed from src/lib/analytics/providers.ts.

type CookieCategory = "Required functionality" | "Performance and feature";

/** How long a cookie lasts: whole days, until the browser closes, the family's choice, or each reckoner's own. */
type CookieLifetime = { days: number } | "session" | "chosen" | "per-reckoner";

interface CookieEntry {
  /** The cookie's name; `<reckoner>` stands for a ready reckoner's id. */
  name: string;
  category: CookieCategory;
  lifetime: CookieLifetime;
}

/** Raise this when the cookies the site sets change in a way people should agree to again. */
export const POLICY_VERSION = 1;

export const CONSENT_COOKIE = "cookie-consent";
export const SAVED_PAGES_COOKIE = "saved-pages";
export const GEO_POSTCODE_COOKIE = "geoPostcode";
export const GEO_COORDINATES_COOKIE = "geoCoordinates";

/** Days a cookie lasts when the family chooses to be remembered (geoPostcode, geoCoordinates). */
export const CHOSEN_DAYS = 30;

export const COOKIE_REGISTER: readonly CookieEntry[] = [
  { name: CONSENT_COOKIE, category: "Required functionality", lifetime: { days: 365 } },
  { name: SAVED_PAGES_COOKIE, category: "Performance and feature", lifetime: { days: 30 } },
  { name: GEO_POSTCODE_COOKIE, category: "Performance and feature", lifetime: "chosen" },
  { name: GEO_COORDINATES_COOKIE, category: "Performance and feature", lifetime: "chosen" },
  { name: "<reckoner>-history", category: "Performance and feature", lifetime: "per-reckoner" },
  { name: "<reckoner>-content", category: "Performance and feature", lifetime: "per-reckoner" },
];

/**
 * What each cookie is for, in plain words, as the cookies page says it. Kept apart from the
 * entries so the browser's scripts, which need only names and lifetimes, do not carry the text.
 */
export const COOKIE_PURPOSES: Readonly<Record<string, string>> = {
  "cookie-consent": "Remembers whether you agreed to feature cookies, so we do not ask you on every page.",
  "saved-pages":
    "Remembers the pages you saved with the heart button, as short page codes, so you can find them again, and the day you last changed the list, so we can tell you how long it is kept.",
  geoPostcode: "Remembers the postcode you searched from, so services near you are listed first.",
  geoCoordinates: "Remembers the rough location of that postcode, so distances to services can be shown.",
  "<reckoner>-history": "Remembers the answers you gave in a question tool, so you can carry on where you left off.",
  "<reckoner>-content": "Remembers which results you opened in a question tool, so they are marked when you come back.",
};

/** The consent cookie's purpose where the site asks about analytics too. */
export const CONSENT_PURPOSE_WITH_ANALYTICS = "Remembers whether you agreed to feature cookies and to analytics, so we do not ask you on every page.";

/**
 * Storage that is not a cookie. With feature consent, a service worker keeps the pages saved with
 * the heart for reading offline, in a cache named with this prefix and the build's version.
 */
export const OFFLINE_CACHE_PREFIX = "local-offer-";

export const STORAGE_REGISTER: ReadonlyArray<{ name: string; category: CookieCategory; purpose: string; expires: string }> = [
  {
    name: "/sw.js (service worker) and the local-offer-<version> cache",
    category: "Performance and feature",
    purpose: "Keeps copies of the pages you save with the heart, and the files they need, so you can read them without an internet connection.",
    expires: "Until you remove a page from your saved pages, or say no to feature cookies",
  },
];

/** The register's entry for a cookie name, matching `<reckoner>` to any ready reckoner id. */
export function registerEntryFor(name: string): CookieEntry | undefined {
  return COOKIE_REGISTER.find((entry) => new RegExp(`^${entry.name.replace("<reckoner>", "[a-z0-9]+(?:-[a-z0-9]+)*").replace(/[.]/g, "\\.")}$`).test(name));
}

export const isFeatureCookie = (name: string) => registerEntryFor(name)?.category === "Performance and feature";

/** The lifetime as the cookies page says it: "1 year", "1 month", "session", ... */
export function lifetimeText(lifetime: CookieLifetime): string {
  if (lifetime === "session") return "Until you close your browser";
  if (lifetime === "chosen") return `Chosen by you: until you close your browser, or ${CHOSEN_DAYS} days`;
  if (lifetime === "per-reckoner") return "Set by each question tool: see the table below";
  const { days } = lifetime;
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days % 365 === 0) return count(days / 365, "year");
  if (days % 30 === 0) return count(days / 30, "month");
  return count(days, "day");
}

/** Days a cookie with a fixed lifetime lasts; the entry must have one. */
export function lifetimeDays(name: string): number {
  const lifetime = registerEntryFor(name)?.lifetime;
  if (typeof lifetime !== "object") throw new Error(`the cookie register gives ${name} no fixed lifetime`);
  return lifetime.days;
}

/**
 * What the site sends but never stores on the device: the forms of src/lib/forms/site-forms.ts.
 * The cookies page says so, and a test sends each form and finds no cookie and nothing in storage.
 */
export const SENT_NOT_STORED: ReadonlyArray<{ name: string; note: string }> = [
  {
    name: "“Is this page useful?”, “Report a problem with this page” and “Report a change to this service”",
    note: "store nothing on your device: no cookie, and nothing in your browser’s storage. What you type in them is sent to the council.",
  },
];
