// The only code that writes cookies, so it can keep the site's cookie policy: lifetimes come from
// the cookie register, and no "Performance and feature" cookie is read or written without consent.
import Cookies from "js-cookie";
import { decodeConsent, encodeConsent, type Consent } from "../../lib/cookies/consent.ts";
import { CHOSEN_DAYS, CONSENT_COOKIE, isFeatureCookie, registerEntryFor } from "../../lib/cookies/register.ts";

/** Fired on document when someone makes or changes their choice, wherever on the page they did. */
export const CONSENT_EVENT = "app:consent";

/** For cookies whose lifetime the family chooses: until the browser closes, or CHOSEN_DAYS. */
export type ChosenLifetime = "session" | "days";

/** How long to keep a cookie whose lifetime the register leaves open: the family's choice, or a reckoner's expiryDays. */
export type OpenLifetime = ChosenLifetime | { days: number };

/** The attributes a cookie is written with; its lifetime is the register's (a session cookie has no expiry). */
function attributes(name: string, open: OpenLifetime = "session") {
  const lifetime = registerEntryFor(name)?.lifetime;
  if (!lifetime) throw new Error(`${name} is not in the cookie register`);
  if (lifetime === "per-reckoner" && typeof open !== "object") throw new Error(`${name} needs its reckoner's expiryDays`);
  const days =
    typeof lifetime === "object" ? lifetime.days : lifetime === "per-reckoner" && typeof open === "object" ? open.days : lifetime === "chosen" && open === "days" ? CHOSEN_DAYS : undefined;
  return { path: "/", sameSite: "lax" as const, secure: location.protocol === "https:", ...(days === undefined ? {} : { expires: days }) };
}

export function readConsent(): Consent | undefined {
  return decodeConsent(Cookies.get(CONSENT_COOKIE));
}

export const featureCookiesAllowed = () => readConsent()?.feature === true;

/** Records a choice; saying no (or withdrawing) deletes every feature cookie, the offline worker and its caches there and then. */
export function recordConsent(feature: boolean): void {
  Cookies.set(CONSENT_COOKIE, encodeConsent(feature), attributes(CONSENT_COOKIE));
  if (!feature) removeFeatureCookies();
  keepOfflineInStep();
  document.dispatchEvent(new CustomEvent(CONSENT_EVENT, { detail: { feature } }));
}

/** The offline worker (storage too) starts with consent, and goes with its caches without it. */
export function keepOfflineInStep(): void {
  void import("../offline/offline-worker.ts").then(({ matchOfflineToConsent }) => matchOfflineToConsent());
}

export function removeFeatureCookies(): void {
  for (const name of Object.keys(Cookies.get())) if (isFeatureCookie(name)) Cookies.remove(name, { path: "/" });
}

/** A feature cookie's value; nothing without consent. */
export function readFeatureCookie(name: string): string | undefined {
  return featureCookiesAllowed() ? Cookies.get(name) : undefined;
}

export function removeFeatureCookie(name: string): void {
  Cookies.remove(name, { path: "/" });
}

/** Writes a feature cookie for the register's lifetime (so each write renews it); false without consent. */
export function writeFeatureCookie(name: string, value: string, lifetime?: OpenLifetime): boolean {
  if (!featureCookiesAllowed()) return false;
  Cookies.set(name, value, attributes(name, lifetime));
  return true;
}
