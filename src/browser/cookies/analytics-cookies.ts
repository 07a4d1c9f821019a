// Deletes an analytics provider's cookies, which its script writes once a family agrees. Beside
// the cookie jar, the only other code that touches cookies, but apart from it: only the analytics
// code imports this, so it travels in that code's chunk, fetched only where the site counts visits.
import { cookieDomainsFor, isAnalyticsCookie } from "../../lib/analytics/cookies.ts";

/** On this host and on each parent domain, as GA4 writes them on the highest domain it may. */
export function removeAnalyticsCookies(): void {
  const names = document.cookie.split(/;\s*/).map((cookie) => cookie.slice(0, cookie.indexOf("=")));
  for (const name of names.filter(isAnalyticsCookie)) {
    for (const domain of ["", ...cookieDomainsFor(location.hostname)]) {
      // Written by hand: js-cookie here would have every page's shared chunk export it, for this alone.
      // biome-ignore lint/suspicious/noDocumentCookie: an expired cookie with no value needs no escaping.
      document.cookie = `${name}=; path=/; max-age=0${domain ? `; domain=${domain}` : ""}`;
    }
  }
}
