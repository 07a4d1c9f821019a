// Usage figures, only where the settings switch analytics on (the page then has an app-analytics
// meta tag) and only once the family agrees, in the cookie banner (analytics-question.ts) or on /cookies/. The provider's script is added by this code, from the
// provider's own origin (the Content-Security-Policy allows that origin then, and no inline script),
// and told about each page by its address without the query. Withdrawing deletes its cookies and
// stops it counting on the page at once.
import { analyticsProvider, type AnalyticsProvider, isAnalyticsProviderId, nothingFoundCall, pageViewCalls } from "../../lib/analytics/providers.ts";
import { removeAnalyticsCookies } from "../cookies/analytics-cookies.ts";
import { initAnalyticsQuestion } from "./analytics-question.ts";
import { readConsent } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";
import { NOTHING_FOUND_EVENT } from "../search/search-events.ts";

type Queue = (...args: unknown[]) => void;

const analyticsAllowed = () => readConsent()?.analytics === true;

declare global {
  interface Window {
    dataLayer?: unknown[];
    plausible?: Queue & { q?: unknown[] };
    /** GA4 sends nothing more, and writes no cookie, once this is true for its measurement ID. */
    [disable: `ga-disable-${string}`]: boolean | undefined;
  }
}

/** The provider the page's meta tag names, or undefined for anything else. */
function providerOf(meta: HTMLElement): AnalyticsProvider | undefined {
  const id = meta.getAttribute("content");
  const siteId = meta.dataset.siteId;
  return isAnalyticsProviderId(id) && siteId ? analyticsProvider(id, siteId) : undefined;
}

/**
 * The provider's command queue, as its own snippet makes it: calls wait in it until the script
 * arrives and reads them. Both scripts read the calls as Arguments objects, so each is queued so.
 */
function queueOf(provider: AnalyticsProvider): Queue {
  if (provider.id === "plausible") {
    if (!window.plausible) {
      const queued: unknown[] = [];
      window.plausible = Object.assign(
        function plausible() {
          // biome-ignore lint/complexity/noArguments: Plausible's script reads its queue as Arguments objects.
          queued.push(arguments);
        },
        { q: queued },
      );
    }
    return window.plausible;
  }
  if (!window.dataLayer) window.dataLayer = [];
  const dataLayer = window.dataLayer;
  return function gtag() {
    // biome-ignore lint/complexity/noArguments: gtag.js reads only Arguments objects from its data layer.
    dataLayer.push(arguments);
  };
}

function loadProvider(provider: AnalyticsProvider): void {
  const queue = queueOf(provider);
  for (const call of pageViewCalls(provider, location.href, new Date())) queue(...call);
  const script = document.createElement("script");
  script.async = true;
  script.src = provider.scriptUrl;
  // Plausible reads which site it counts for from its own script element.
  if (provider.id === "plausible") script.dataset.domain = provider.siteId;
  document.head.append(script);
}

export function initAnalytics(meta: HTMLElement): void {
  const provider = providerOf(meta);
  if (!provider) return;
  for (const banner of document.querySelectorAll<HTMLElement>('[data-module="app-cookie-banner"]')) initAnalyticsQuestion(banner);
  let loaded = false;
  const start = () => {
    if (provider.id === "google-analytics-4") window[`ga-disable-${provider.siteId}`] = false;
    if (loaded) return;
    loaded = true;
    loadProvider(provider);
  };
  // Cookies left from an agreement since withdrawn (on another tab, say) go as the page opens.
  if (analyticsAllowed()) start();
  else removeAnalyticsCookies();
  // A search that found nothing is counted by its words alone, and only with agreement: one that
  // ended before this code started is marked on the page, one that ends later is announced.
  const countNothingFound = (query: string) => {
    if (analyticsAllowed()) queueOf(provider)(...nothingFoundCall(provider, query));
  };
  const searched = document.querySelector<HTMLElement>("[data-nothing-found]")?.dataset.nothingFound;
  if (searched !== undefined) countNothingFound(searched);
  document.addEventListener(NOTHING_FOUND_EVENT, ({ detail }) => countNothingFound(detail.query));
  document.addEventListener(CONSENT_EVENT, () => {
    if (analyticsAllowed()) return start();
    removeAnalyticsCookies();
    if (provider.id === "google-analytics-4") window[`ga-disable-${provider.siteId}`] = true;
  });
}
