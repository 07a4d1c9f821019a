// The only code that writes cookies, so it can keep the site's cookie policy: lifetimes come from
// the cookie register, and no "Performance and feature" cookie is read or written without consent.
// (An analytics provider's script writes its own cookies, only once a family agrees; its sibling
// analytics-cookies.ts deletes them.)
// It imports nothing from the features above it: a change of consent is announced as CONSENT_EVENT,
// and each feature that keeps something (the offline worker too) acts on it.
import Cookies from "js-cookie";
import { decodeConsent, encodeConsent, type Consent } from "../../lib/cookies/consent.ts";
import { CHOSEN_DAYS, CONSENT_COOKIE, isFeatureCookie, registerEntryFor } from "../../lib/cookies/register.ts";
import { CONSENT_EVENT } from "../page-events.ts";

/** For cookies whose lifetime the family chooses: until the browser closes, or CHOSEN_DAYS. */
export type ChosenLifetime = "session" | "days";

/** How long to keep a cookie whose lifetime the register leaves open: the family's choice, or a reckoner's expiryDays. */
type OpenLifetime = ChosenLifetime | { days: number };

/** The attributes a cookie is written with; its lifetime is the register's (a session cookie has no expiry). */
function attributes(name: string, open: OpenLifetime = "session") {
  const lifetime = registerEntryFor(name)?.lifetime;
  if (!lifetime) throw new Error(`${name} is not in the cookie register`);
  if (lifetime === "per-reckoner" && typeof open !== "object") throw new Error(`${name} needs its reckoner's expiryDays`);
  const days =
    typeof lifetime === "object"
      ? lifetime.days
      : lifetime === "per-reckoner" && typeof open === "object"
        ? open.days
        : lifetime === "chosen" && open === "days"
          ? CHOSEN_DAYS
          : undefined;
  return { path: "/", sameSite: "lax" as const, secure: location.protocol === "https:", ...(days === undefined ? {} : { expires: days }) };
}

export function readConsent(): Consent | undefined {
  return decodeConsent(Cookies.get(CONSENT_COOKIE));
}

export const featureCookiesAllowed = () => readConsent()?.feature === true;

/**
 * Records a choice. Saying no (or withdrawing) deletes every feature cookie there and then; the
 * CONSENT_EVENT fired before this returns has the offline worker and its caches removed too (main.ts).
 * `analytics` left out keeps the answer the cookie had (none where the site does not ask it);
 * where the site counts visits, the analytics code hears any answer but yes and deletes the
 * provider's cookies (analytics-cookies.ts) before this returns.
 */
export function recordConsent(feature: boolean, analytics?: boolean): void {
  const analyticsAnswer = analytics ?? readConsent()?.analytics;
  Cookies.set(CONSENT_COOKIE, encodeConsent(feature, analyticsAnswer), attributes(CONSENT_COOKIE));
  if (!feature) removeFeatureCookies();
  document.dispatchEvent(new CustomEvent(CONSENT_EVENT, { detail: { feature } }));
}

function removeFeatureCookies(): void {
  for (const name of Object.keys(Cookies.get())) if (isFeatureCookie(name)) Cookies.remove(name, { path: "/" });
}

/** The feature cookies this device holds; none read without consent. */
export function featureCookieNames(): string[] {
  return featureCookiesAllowed() ? Object.keys(Cookies.get()).filter(isFeatureCookie) : [];
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
